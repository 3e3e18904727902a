import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { isoWeekOf } from '../testing/rules.js';
import { syncDefinitions } from './definitions.js';
import { pullReopens } from './reopens.js';
import { signDocument } from './signing.js';

/**
 * Two instances on one machine, each with its own database: region 18's, and the national one. A submission
 * travels from the region's outbox to the national inbox over HTTP, is verified and stored, and the receipt
 * comes back; an altered, a forged and a misdirected document are refused and recorded. The region's weekly
 * aggregates travel the same path.
 */
let nation: TestEnv;
let region: TestEnv;
let nationalAnalyst: ReturnType<typeof as>;
let analyst: ReturnType<typeof as>;
let roundId: string;
const today = calendarDateInStockholm(new Date());
const addDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  nation = await setupTest({ config: { nationalInstance: true } });
  await nation.app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(nation.app.server.address() as AddressInfo).port}`;
  region = await setupTest({ config: { reportingNationalUrl: url } });
  nationalAnalyst = as(nation.app, await loginCookie(nation.ctx, await newStaff(nation.ctx, 'national_analyst')));
  analyst = as(region.app, await loginCookie(region.ctx, await newStaff(region.ctx, 'analyst')));

  const agreement = await nationalAnalyst({ method: 'POST', url: '/api/reporting/agreements', payload: { name: 'Vaccination mot covid-19' } });
  const content = { sections: [{ id: 's', title: 'Läget', questions: [{ id: 'overall', kind: 'traffic_light', label: 'Bedömning', mandatory: true }, { id: 'doses', kind: 'number', label: 'Doser', unit: 'doser', definition: 'Givna doser', min: 0 }] }] };
  const template = await nationalAnalyst({ method: 'POST', url: '/api/reporting/templates', payload: { name: 'Mall', content } });
  const round = await nationalAnalyst({ method: 'POST', url: '/api/reporting/rounds', payload: { agreementId: agreement.json().id, name: 'Runda', kind: 'monthly', periodFrom: addDays(-30), periodTo: addDays(-1), opensOn: today, deadline: addDays(7), templateVersionId: template.json().id } });
  roundId = round.json().id;
  // The region's instance takes the round from the nation (housekeeping does this every few seconds).
  expect(await syncDefinitions(region.ctx)).toBe(1);
}, 120_000);
afterAll(async () => {
  await region?.close();
  await nation?.close();
});

const submissionInOutbox = async () => (await region.database.query<{ payload: { document: Record<string, unknown>; signature: string; keyId: string } }>(`SELECT payload FROM outbox WHERE topic = 'reporting.submission'`))[0]!.payload;
const post = (body: unknown) => nation.app.inject({ method: 'POST', url: '/api/reporting/national/submissions', payload: body as object });

describe('a signed submission from a region to the nation', () => {
  it('is refused while the region’s key is not registered, then delivered with a receipt once it is', async () => {
    await analyst({ method: 'PUT', url: `/api/reporting/rounds/${roundId}/returns/region-18/answers`, payload: { answers: [{ questionId: 'overall', version: 0, value: { light: 'yellow', motivation: 'Färre leveranser' } }, { questionId: 'doses', version: 0, value: 4100 }] } });
    const submitted = await analyst({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-18/submit` });
    expect(submitted.json()).toMatchObject({ status: 'submitted', receivedAt: null });

    const signed = await submissionInOutbox();
    expect(signed.document).not.toHaveProperty('submittedBy');
    expect((await post(signed)).json().errors[0].field).toBe('keyId');

    const key = (await analyst({ method: 'GET', url: '/api/reporting/key' })).json();
    const trusted = await nationalAnalyst({ method: 'POST', url: '/api/reporting/national/keys', payload: { regionId: '18', publicKey: key.publicKey } });
    expect(trusted.json()).toEqual({ regionId: '18', keyId: key.keyId });

    await region.worker.drain();
    const view = (await analyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}/returns/region-18` })).json();
    expect(view.receivedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(view.events.at(-1)).toMatchObject({ kind: 'received' });

    const onNation = (await nationalAnalyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}` })).json();
    expect(onNation.returns.find((r: { organisation: string }) => r.organisation === 'region-18')).toMatchObject({ status: 'submitted', receivedAt: expect.any(String) });
    const received = (await nationalAnalyst({ method: 'GET', url: `/api/reporting/national/rounds/${roundId}/received` })).json();
    expect(received.received).toEqual([expect.objectContaining({ regionId: '18', organisation: 'region-18', submission: 1 })]);
    const report = (await nationalAnalyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report` })).json();
    expect(report.trafficLights[0].counts).toEqual({ green: 0, yellow: 1, red: 0 });
    expect(report.tables[0].rows[0]).toEqual(['Region Örebro län', 4100]);
    // A resend of the same document gets the same receipt.
    expect((await post(signed)).json().receiptId).toBe(view.events.at(-1).note.replace('receipt ', ''));
  });

  it('refuses and records an altered document, a forged signature and an unknown round', async () => {
    const signed = await submissionInOutbox();
    const before = await count(nation.database, 'reporting_refused');
    const altered = { ...signed, document: { ...signed.document, answers: [{ questionId: 'overall', version: 1, value: { light: 'green' } }, { questionId: 'doses', version: 1, value: 9999 }] } };
    const a = await post(altered);
    expect(a.statusCode).toBe(400);
    expect(a.json().errors[0]).toMatchObject({ field: 'signature', message: 'signature: the signature does not match the document (altered or forged)' });

    const forged = { ...signed, signature: Buffer.alloc(64, 7).toString('base64') };
    expect((await post(forged)).json().errors[0].field).toBe('signature');

    const unknownRound = { ...signed.document, roundId: '00000000-0000-4000-8000-000000000000' };
    const resigned = await region.database.db.transaction((tx) => signDocument(tx, region.ctx.config, '18', unknownRound));
    const u = await post({ document: unknownRound, ...resigned });
    expect(u.json().errors[0].field).toBe('document.roundId');

    expect(await count(nation.database, 'reporting_refused')).toBe(before + 3);
    expect(await count(nation.database, 'reporting_received')).toBe(1);
    expect(await count(nation.database, 'persons')).toBe(0);
  });

  it('follows the nation: a published round is published at the region after the next sync', async () => {
    await nationalAnalyst({ method: 'POST', url: `/api/reporting/rounds/${roundId}/publish` });
    expect((await analyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}` })).json().publishedAt).toBeNull();
    await syncDefinitions(region.ctx);
    expect((await analyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}` })).json().publishedAt).toEqual(expect.any(String));
    expect((await region.app.inject({ method: 'GET', url: '/api/reporting/national/definitions' })).statusCode).toBe(404);
  });

  it('carries the region’s weekly aggregates; the nation shows a region that has not delivered as missing, not zero', async () => {
    const week = isoWeekOf(new Date(Date.now() - 7 * 86_400_000));
    const sent = await analyst({ method: 'POST', url: '/api/reporting/aggregates', payload: { week } });
    expect(sent.json()).toEqual({ regionId: '18', week, version: 1 });
    await region.worker.drain();
    expect((await analyst({ method: 'GET', url: '/api/reporting/aggregates' })).json().sent).toEqual([expect.objectContaining({ week, version: 1, receivedAt: expect.any(String) })]);

    const weekly = (await nationalAnalyst({ method: 'GET', url: `/api/reporting/national/weekly?from=${week}&to=${week}` })).json();
    expect(weekly.regions).toHaveLength(21);
    expect(weekly.regions.find((r: { regionId: string }) => r.regionId === '18').weeks[0]).toMatchObject({ week, delivered: true, tests: 0, positive: 0, cases: 0 });
    expect(weekly.regions.find((r: { regionId: string }) => r.regionId === '03').weeks[0]).toEqual(expect.objectContaining({ delivered: false, tests: null, cases: null }));

    const [signed] = await region.database.query<{ payload: { document: Record<string, unknown>; signature: string; keyId: string } }>(`SELECT payload FROM outbox WHERE topic = 'reporting.aggregates'`);
    const altered = { ...signed!.payload, document: { ...signed!.payload.document, tracing: { cases: 999, contacts: 0, medianHoursToFirstContact: null } } };
    const res = await nation.app.inject({ method: 'POST', url: '/api/reporting/national/aggregates', payload: altered });
    expect(res.json().errors[0].field).toBe('signature');
  });

  it('is not taken by an instance that is not the national one', async () => {
    const signed = await submissionInOutbox();
    const res = await region.app.inject({ method: 'POST', url: '/api/reporting/national/submissions', payload: signed });
    expect(res.statusCode).toBe(404);
  });

  it('a reopening at the nation reaches the region with its reason; the corrected return is received again', async () => {
    const reason = 'Kontrollera antalet doser mot NVR.';
    expect((await nationalAnalyst({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-18/reopen`, payload: { reason } })).statusCode).toBe(200);
    const status = async () => (await nationalAnalyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}` })).json().returns.find((r: { organisation: string }) => r.organisation === 'region-18').status;
    expect(await status()).toBe('reopened');
    const seenAtNation = (await nationalAnalyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}/returns/region-18` })).json();
    expect(seenAtNation).toMatchObject({ status: 'reopened', reopenReason: reason, submission: 1 });
    expect(seenAtNation.answers.find((a: { questionId: string }) => a.questionId === 'doses').value).toBe(4100);

    expect(await pullReopens(region.ctx)).toBe(1);
    expect(await pullReopens(region.ctx)).toBe(0);
    const view = (await analyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}/returns/region-18` })).json();
    expect(view).toMatchObject({ status: 'reopened', reopenReason: reason });
    const doses = view.answers.find((a: { questionId: string }) => a.questionId === 'doses');
    await analyst({ method: 'PUT', url: `/api/reporting/rounds/${roundId}/returns/region-18/answers`, payload: { answers: [{ questionId: 'doses', version: doses.version, value: 4300 }] } });
    expect((await analyst({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-18/submit` })).json()).toMatchObject({ submission: 2 });
    await region.worker.drain();
    expect(await status()).toBe('submitted');
    const report = (await nationalAnalyst({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report` })).json();
    expect(report.tables[0].rows[0]).toEqual(['Region Örebro län', 4300]);

    // Only the region itself may ask: a query signed by no registered key is refused.
    const forged = await nation.app.inject({ method: 'POST', url: '/api/reporting/national/reopens', payload: { document: { kind: 'lagesbild.reporting.reopens-query', format: 1, regionId: '18', at: new Date().toISOString() }, signature: 'AAAA', keyId: 'nope' } });
    expect(forged.statusCode).toBe(400);
  });
});
