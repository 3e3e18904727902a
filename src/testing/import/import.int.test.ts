import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import type { Actor } from '../../platform/auth/actor.js';
import { systemActor } from '../../platform/auth/actor.js';
import { formatKitCode } from '../rules.js';
import { issueKits, registerKit } from '../service.js';
import { importResults } from './runner.js';

let env: TestEnv;
let labActor: Actor;
let lab: ReturnType<typeof as>;
let dir: string;
const importer = () => systemActor('18', 'Resultatimport');

beforeAll(async () => {
  env = await setupTest();
  labActor = await newStaff(env.ctx, 'lab');
  lab = as(env.app, await loginCookie(env.ctx, labActor));
  dir = mkdtempSync(join(tmpdir(), 'lagesbild-import-'));
});
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `n` people, each with a registered self-sampling kit; returns the kit codes (normalised). */
async function registeredKits(n: number, testType: 'pcr' | 'antigen' = 'pcr'): Promise<string[]> {
  const { kits } = await issueKits(env.ctx, labActor, { count: n, testType });
  for (const kit of kits) {
    const person = await newPerson(env.ctx, { phone: '0701740605', email: 'test@example.com' });
    await registerKit(env.ctx, citizenActor(person), { kitCode: kit, takenAt: '2021-12-04T09:00:00Z' });
  }
  return kits.map((k) => k.replaceAll('-', ''));
}
const unregisteredKit = async () => (await issueKits(env.ctx, labActor, { count: 1, testType: 'pcr' })).kits[0]!.replaceAll('-', '');
const typo = (k: string) => k.slice(0, 12) + (k[12] === 'A' ? 'B' : 'A');

const state = async () => ({
  answered: (await env.database.query<{ n: number }>('SELECT count(*)::int AS n FROM samples WHERE result IS NOT NULL'))[0]!.n,
  outbox: (await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE topic LIKE 'testing.%' OR idempotency_key LIKE 'result:%'"))[0]!.n,
  messages: (await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE topic LIKE 'message.%' AND idempotency_key LIKE 'result:%'"))[0]!.n,
  delivered: await count(env.database, 'delivered_messages'),
  held: await count(env.database, 'unmatched_results'),
});

describe('CSV import', () => {
  it('applies good rows, rejects bad ones with line and reason, holds unknown kits, writes a report, and the same file twice changes nothing', async () => {
    const [a, b, c] = await registeredKits(3);
    const unknown = await unregisteredKit();
    const csv = [
      'kit_id;test_type;result;result_time;method',
      `${formatKitCode(a!)};pcr;positiv;2021-12-05 14:30;RT-PCR`, // 2 accepted
      `${b};pcr;negative;2021-12-05T14:30:00+01:00;`, // 3 accepted
      `${typo(c!)};pcr;negative;2021-12-05T14:30:00Z;`, // 4 rejected: check character
      `${c};lfd;negative;2021-12-05T14:30:00Z;`, // 5 rejected: test type
      `${c};pcr;negative;5/12 2021;`, // 6 rejected: time
      `${unknown};pcr;negative;2021-12-05T14:30:00Z;`, // 7 held
      `${c};antigen;negative;2021-12-05T14:30:00Z;`, // 8 rejected by applyResults: the kit is for pcr
      `${a};pcr;positive;2021-12-05T14:30:00Z;`, // 9 unchanged (same as line 2)
    ].join('\n');
    const file = join(dir, 'results.csv');
    writeFileSync(file, csv);
    const before = await state();

    const s = await importResults(env.ctx, importer(), { fileName: 'results.csv', content: file, batchSize: 3 });
    expect(s).toMatchObject({ status: 'finished', rowsTotal: 8, rowsDone: 8, accepted: 2, unchanged: 1, held: 1, rejected: 4, reportPath: `${file}.report.csv` });
    await env.worker.drain();
    const after = await state();
    expect(after.answered - before.answered).toBe(2);
    expect(after.messages - before.messages).toBe(6); // inbox, SMS and e-mail for each of the two answers
    expect(after.outbox - before.outbox).toBe(8); // and one PositiveResultRegistered, and the batch's ResultsAnswered (tracing's own messages aside)
    expect(after.held - before.held).toBe(1);

    const report = readFileSync(`${file}.report.csv`, 'utf8').trim().split('\n');
    expect(report[0]).toBe('line;status;field;reason');
    // One name for one column, whether the parser or the matching refused the row: the file's own.
    expect(report.slice(1).map((l) => l.split(';').slice(0, 3).join(';'))).toEqual([
      '2;accepted;', '3;accepted;', '4;rejected;kit_id', '5;rejected;test_type', '6;rejected;result_time', '7;held;', '8;rejected;test_type', '9;unchanged;',
    ]);
    expect(report[8]!.split(';').slice(3).join(';')).toBe('upprepar rad 2 / repeats line 2');

    const rejections = (await lab({ method: 'GET', url: `/api/testing/lab/imports/${s.importId}/rejections` })).json().rejections;
    expect(rejections).toEqual([
      { line: 4, field: 'kit_id', reason: expect.stringMatching(/check character/) },
      { line: 5, field: 'test_type', reason: expect.stringMatching(/unknown test type 'lfd'/) },
      { line: 6, field: 'result_time', reason: expect.stringMatching(/not an ISO-8601 time/) },
      { line: 8, field: 'test_type', reason: 'the kit is for pcr, the result is for antigen' },
    ]);

    // The same file again: recognised by its hash before anything is parsed (even read as FHIR, which it is not), nothing changes.
    const again = await importResults(env.ctx, importer(), { fileName: 'results.csv', content: file });
    expect(again).toMatchObject({ status: 'already-imported', importId: s.importId, accepted: 2, finishedAt: s.finishedAt });
    expect(await importResults(env.ctx, importer(), { fileName: 'results.json', content: file, format: 'fhir' })).toMatchObject({ status: 'already-imported', importId: s.importId });
    // The same rows in a different file (another name, a trailing line): every row unchanged, no second message.
    const copy = join(dir, 'results-copy.csv');
    writeFileSync(copy, csv + '\n\n');
    const second = await importResults(env.ctx, importer(), { fileName: 'results-copy.csv', content: copy });
    expect(second).toMatchObject({ status: 'finished', accepted: 0, unchanged: 3, held: 1, rejected: 4 });
    const unchanged = readFileSync(`${copy}.report.csv`, 'utf8').split('\n').filter((l) => l.includes(';unchanged;'));
    expect(unchanged).toEqual([
      '2;unchanged;;provet har redan detta svar / the sample already has this answer',
      '3;unchanged;;provet har redan detta svar / the sample already has this answer',
      '9;unchanged;;upprepar rad 2 / repeats line 2',
    ]);
    await env.worker.drain();
    expect(await state()).toEqual(after);

    const imports = (await lab({ method: 'GET', url: '/api/testing/lab/imports' })).json().imports;
    expect(imports.map((i: { fileName: string }) => i.fileName).slice(0, 2)).toEqual(['results-copy.csv', 'results.csv']);
  });

  it('over HTTP: refuses a file without header, imports for the lab, and a held result can be matched by hand', async () => {
    const bad = await lab({ method: 'POST', url: '/api/testing/lab/imports', payload: { fileName: 'x.csv', content: 'hello;world\n' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/header/);

    const unknown = await unregisteredKit();
    const res = await lab({ method: 'POST', url: '/api/testing/lab/imports', payload: { fileName: 'lab.csv', content: `kit_id,test_type,result,result_time\n${unknown},pcr,positive,2021-12-05T14:30:00Z\n` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'finished', held: 1 });

    const held = (await lab({ method: 'GET', url: '/api/testing/lab/unmatched' })).json().results;
    const row = held.find((h: { kitCode: string }) => h.kitCode === formatKitCode(unknown));
    expect(row).toMatchObject({ status: 'held', result: 'positive', testType: 'pcr', line: 2 });

    // The lab mislabelled: the sample is really the one with this other kit.
    const [right] = await registeredKits(1);
    const before = await state();
    const match = await lab({ method: 'POST', url: `/api/testing/lab/unmatched/${row.id}/match`, payload: { kitCode: right } });
    expect(match.statusCode, match.body).toBe(200);
    expect(match.json()).toMatchObject({ outcome: 'accepted' });
    await env.worker.drain();
    const after = await state();
    expect(after.answered - before.answered).toBe(1);
    expect(after.messages - before.messages).toBe(3);
    const [sample] = await env.database.query<{ result: string }>('SELECT result FROM samples WHERE id = $1', [match.json().sampleId]);
    expect(sample!.result).toBe('positive');
    expect((await lab({ method: 'GET', url: '/api/testing/lab/unmatched?status=matched' })).json().results.map((r: { id: string }) => r.id)).toContain(row.id);
    const again = await lab({ method: 'POST', url: `/api/testing/lab/unmatched/${row.id}/match`, payload: { kitCode: right } });
    expect(again.statusCode).toBe(409);
    const [audit] = await env.database.query<{ person_id: string }>("SELECT person_id FROM audit_log WHERE action = 'testing.unmatched.matched'");
    expect(audit!.person_id).toBeTruthy();
  });
});

describe('FHIR import', () => {
  it('imports a Bundle of DiagnosticReports and Observations, rejecting what it cannot read', async () => {
    const [a, b] = await registeredKits(2, 'antigen');
    const [c] = await registeredKits(1);
    const obs = (extra: Record<string, unknown>) => ({ resourceType: 'Observation', status: 'final', issued: '2021-12-05T14:30:00+01:00', ...extra });
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:s1', resource: { resourceType: 'Specimen', identifier: [{ value: formatKitCode(a!) }] } },
        { fullUrl: 'urn:uuid:o1', resource: obs({ code: { coding: [{ system: 'http://loinc.org', code: '94558-4' }] }, valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '10828004' }] }, specimen: { reference: 'urn:uuid:s1' } }) },
        { resource: { resourceType: 'DiagnosticReport', status: 'final', result: [{ reference: 'urn:uuid:o1' }], specimen: [{ reference: 'urn:uuid:s1' }] } },
        {
          resource: {
            resourceType: 'DiagnosticReport',
            status: 'final',
            contained: [
              { resourceType: 'Specimen', id: 'sp', identifier: [{ value: c }] },
              obs({ id: 'ob', code: { coding: [{ system: 'http://loinc.org', code: '94500-6' }] }, valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260415000', display: 'Not detected' }] }, specimen: { reference: '#sp' } }),
            ],
            result: [{ reference: '#ob' }],
          },
        },
        { resource: obs({ code: { coding: [{ system: 'http://loinc.org', code: '94558-4' }] }, valueCodeableConcept: { coding: [{ code: '260385009' }] }, contained: [{ resourceType: 'Specimen', id: 'x', identifier: [{ value: b }] }], specimen: { reference: '#x' } }) },
        { resource: obs({ code: { coding: [{ system: 'http://loinc.org', code: '94558-4' }] }, valueCodeableConcept: { text: 'probably' }, specimen: { reference: 'urn:uuid:s1' } }) },
        // An antigen result for c's PCR kit: refused by the matching, named as the Bundle names the element.
        { resource: obs({ code: { coding: [{ system: 'http://loinc.org', code: '94558-4' }] }, valueCodeableConcept: { coding: [{ code: '260385009' }] }, contained: [{ resourceType: 'Specimen', id: 'y', identifier: [{ value: c }] }], specimen: { reference: '#y' } }) },
      ],
    };
    const res = await lab({ method: 'POST', url: '/api/testing/lab/imports', payload: { fileName: 'bundle.json', content: JSON.stringify(bundle) } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'fhir', rowsTotal: 5, accepted: 3, rejected: 2 });
    const results = await env.database.query<{ kit_code: string; result: string; test_type: string }>('SELECT kit_code, result, test_type FROM samples WHERE kit_code = ANY($1) ORDER BY result', [[a, b, c]]);
    expect(results.map((r) => [r.kit_code, r.test_type, r.result])).toEqual(expect.arrayContaining([[a, 'antigen', 'positive'], [b, 'antigen', 'negative'], [c, 'pcr', 'negative']]));
    const rejections = (await lab({ method: 'GET', url: `/api/testing/lab/imports/${res.json().importId}/rejections` })).json().rejections;
    expect(rejections).toEqual([
      { line: 5, field: 'valueCodeableConcept', reason: expect.stringMatching(/not a known result/) },
      { line: 6, field: 'code', reason: 'the kit is for pcr, the result is for antigen' },
    ]);
  });
});
