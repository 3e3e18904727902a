import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { fixedClock } from '../../test/vaccination.js';
import { makePersonnummer } from '../identity/identity-number.js';
import { insertSample } from '../testing/store.js';
import { insertDose } from '../vaccination/store.js';
import { readQrPng } from './hcert/qr.js';

/**
 * Certificates end to end through the API: a citizen gets each kind at once when the rules allow, a refusal
 * names its rule, what needs a person goes to the administrators' queue, paper certificates, verification of
 * what was issued (valid, revoked, a revoked signer), rotation, the basis to the national issuer, and the
 * monthly statistics.
 */
describe('certificates', () => {
  let env: TestEnv;
  const clock = fixedClock('2022-03-20T10:00:00Z');
  let admin: ReturnType<typeof as>;
  let vaccinator: string;

  beforeAll(async () => {
    env = await setupTest({ clock });
    admin = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'certificate_admin')));
    vaccinator = (await newStaff(env.ctx, 'vaccinator')).id;
  });
  afterAll(() => env?.close());

  const regionId = () => env.ctx.config.regionId;
  async function citizen(p: Parameters<typeof newPerson>[1] = {}) {
    const person = await newPerson(env.ctx, { givenName: 'Åsa', familyName: 'Lövström', ...p });
    const cookie = await loginCookie(env.ctx, { kind: 'citizen', id: person.id, name: 'Åsa Lövström', role: 'citizen', regionId: person.regionId });
    return { ...person, call: as(env.app, cookie) };
  }
  const dose = (personId: string, n: number, at: string) =>
    insertDose(env.database.db, { regionId: regionId(), personId, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: 'FK1234', doseNumber: n, administeredAt: at, recordedBy: vaccinator });
  const sample = (personId: string, takenAt: string, over: { collection?: 'self' | 'staff'; result?: 'positive' | 'negative'; testType?: 'pcr' | 'antigen' } = {}) =>
    insertSample(env.database.db, {
      regionId: regionId(),
      personId,
      testType: over.testType ?? 'pcr',
      collection: over.collection ?? 'staff',
      takenAt,
      takenWeek: '2022-W10',
      result: over.result ?? 'positive',
      resultAt: takenAt,
      provider: 'Provtagningen Karlstad',
    });
  const verify = (payload: Record<string, unknown>) => env.app.inject({ method: 'POST', url: '/api/certificates/verify', payload });

  it('issues a vaccination certificate at once: dose 2 of 2, QR, PDF, and it verifies', async () => {
    const c = await citizen();
    await dose(c.id, 1, '2021-05-01T10:00:00Z');
    await dose(c.id, 2, '2021-06-01T10:00:00Z');
    const res = await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'vaccination' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'issued', uci: expect.stringMatching(/^URN:UVCI:01:SE:LB\d\d\/V[0-9A-F]{20}#.$/) });
    const id = res.json().certificateId as string;

    const cert = (await c.call({ method: 'GET', url: `/api/certificates/${id}` })).json();
    expect(cert.hc1).toMatch(/^HC1:/);
    expect(cert.payload).toMatchObject({ ver: '1.3.0', nam: { fn: 'Lövström', fnt: 'LOEVSTROEM', gn: 'Åsa', gnt: 'AASA' }, v: [{ dn: 2, sd: 2, dt: '2021-06-01', mp: 'EU/1/20/1528', co: 'SE' }] });

    const png = await c.call({ method: 'GET', url: `/api/certificates/${id}/qr.png` });
    expect(png.headers['content-type']).toBe('image/png');
    expect(readQrPng(png.rawPayload)).toBe(cert.hc1);
    const pdf = await c.call({ method: 'GET', url: `/api/certificates/${id}/certificate.pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const checked = await verify({ hc1: cert.hc1 });
    expect(checked.json()).toMatchObject({ valid: true, kind: 'vaccination', content: { name: 'Åsa Lövström', dose: '2/2', vaccine: 'Comirnaty', country: 'Sweden' } });
    const byImage = await verify({ image: png.rawPayload.toString('base64') });
    expect(byImage.json()).toMatchObject({ valid: true, kind: 'vaccination' });

    // Every read of the certificate was audited, with the person.
    const [audited] = await env.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE person_id = $1 AND action LIKE 'certificates.%'`, [c.id]);
    expect(audited?.n).toBeGreaterThanOrEqual(4);
  });

  it('refuses a recovery certificate from a self-sampled test, naming the rule in Swedish', async () => {
    const c = await citizen();
    await sample(c.id, '2022-03-01T10:00:00Z', { collection: 'self' });
    const res = await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'recovery' } });
    expect(res.json()).toMatchObject({ status: 'refused', rule: 'recovery.self-sampled', reason: { sv: expect.stringContaining('taget av vårdpersonal') } });
  });

  it('issues a recovery certificate from day 11, not on day 10', async () => {
    const c = await citizen();
    await sample(c.id, '2022-03-10T09:00:00Z');
    const early = await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'recovery' } });
    expect(early.json()).toMatchObject({ status: 'refused', rule: 'recovery.not-yet' }); // 20 March is day 10
    clock.set('2022-03-21T10:00:00Z');
    try {
      c.call = as(env.app, await loginCookie(env.ctx, { kind: 'citizen', id: c.id, name: 'Åsa Lövström', role: 'citizen', regionId: c.regionId })); // a new day, a new session
      const res = await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'recovery' } });
      expect(res.json()).toMatchObject({ status: 'issued' });
      const cert = (await c.call({ method: 'GET', url: `/api/certificates/${res.json().certificateId}` })).json();
      expect(cert.payload.r[0]).toMatchObject({ fr: '2022-03-10', df: '2022-03-21', du: '2022-09-06' });
      expect((await verify({ hc1: cert.hc1 })).json()).toMatchObject({ valid: true, kind: 'recovery' });
    } finally {
      clock.set('2022-03-20T10:00:00Z');
    }
  });

  it('lets a guardian ask for a child of the household, and no one else', async () => {
    const household = randomUUID();
    const parent = await citizen({ householdId: household, birthDate: '1980-01-01' });
    const child = await newPerson(env.ctx, { householdId: household, birthDate: '2012-04-04', givenName: 'Kim', familyName: 'Lövström' });
    const stranger = await newPerson(env.ctx, { birthDate: '2012-04-04' });
    await sample(child.id, '2022-03-19T09:00:00Z', { result: 'negative' });
    const res = await parent.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'test', personId: child.id } });
    expect(res.json()).toMatchObject({ status: 'issued' });
    const mine = (await parent.call({ method: 'GET', url: '/api/certificates/mine' })).json();
    expect(mine.people.map((p: { name: string }) => p.name)).toContain('Kim Lövström');
    expect(mine.certificates.some((c: { personId: string; kind: string }) => c.personId === child.id && c.kind === 'test')).toBe(true);
    const refused = await parent.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'test', personId: stranger.id } });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors[0].field).toBe('personId');
  });

  it('sends a request with missing data to the administrators, who decide with a reason', async () => {
    const c = await citizen();
    await dose(c.id, 1, '2021-05-01T10:00:00Z');
    const res = await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'vaccination', missing: 'dose-abroad', note: 'Dos 2 i Norge 2021-06-10' } });
    expect(res.json()).toMatchObject({ status: 'queued', missing: 'En dos given utomlands saknas i journalen' });
    const queue = (await admin({ method: 'GET', url: '/api/certificates/queue' })).json();
    const item = queue.find((q: { id: string }) => q.id === res.json().requestId);
    expect(item).toMatchObject({ note: 'Dos 2 i Norge 2021-06-10', name: 'Åsa Lövström', identityNumber: c.identityNumber.replace(/^(\d{8})/, '$1-') });
    const approved = await admin({ method: 'POST', url: `/api/certificates/requests/${item.id}/decision`, payload: { decision: 'approve', reason: 'Dos 2 registrerad efter intyg från Norge' } });
    expect(approved.json()).toMatchObject({ status: 'issued' });
    const again = await admin({ method: 'POST', url: `/api/certificates/requests/${item.id}/decision`, payload: { decision: 'reject', reason: 'x' } });
    expect(again.statusCode).toBe(409);
  });

  it('issues a paper certificate to a person with a reservnummer, who cannot get a digital one', async () => {
    const reserve = await newPerson(env.ctx, { identityNumber: '19850707TB2C', idKind: 'reservnummer', issuingRegion: '18', birthDate: '1985-07-07' });
    await dose(reserve.id, 1, '2021-09-01T10:00:00Z');
    const person = (await admin({ method: 'GET', url: `/api/certificates/persons/${reserve.id}` })).json();
    expect(person.digitalPossible).toBe(false);
    const res = await admin({ method: 'POST', url: '/api/certificates/paper', payload: { personId: reserve.id, kind: 'vaccination' } });
    expect(res.json()).toMatchObject({ status: 'issued' });
    const pdf = await admin({ method: 'GET', url: `/api/certificates/${res.json().certificateId}/certificate.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('follows a merge: the paper certificate of a reservnummer moves to the personnummer record', async () => {
    const reserve = await newPerson(env.ctx, { identityNumber: '19380808TA1B', idKind: 'reservnummer', issuingRegion: '18', birthDate: '1938-08-08' });
    const pnr = makePersonnummer('1938-08-08', 123);
    const real = await newPerson(env.ctx, { identityNumber: pnr, birthDate: '1938-08-08' });
    await dose(reserve.id, 1, '2021-09-01T10:00:00Z');
    const paper = (await admin({ method: 'POST', url: '/api/certificates/paper', payload: { personId: reserve.id, kind: 'vaccination' } })).json();
    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    const merged = await coordinator({ method: 'POST', url: `/api/persons/${reserve.id}/identity-numbers`, payload: { identityNumber: pnr, reason: 'Personnummer tilldelat av Skatteverket' } });
    expect(merged.statusCode, merged.body).toBe(200);
    const survivor = (await admin({ method: 'GET', url: `/api/certificates/persons/${real.id}` })).json();
    expect(survivor.certificates.map((c: { id: string }) => c.id)).toContain(paper.certificateId);
    expect(survivor.digitalPossible).toBe(true);
  });

  it('revokes a certificate (verify says revoked) and keeps old certificates valid across a rotation, until their signer is revoked', async () => {
    const c = await citizen();
    await dose(c.id, 1, '2021-05-01T10:00:00Z');
    const first = (await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'vaccination' } })).json();
    const second = (await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'vaccination' } })).json();
    const hc1 = async (id: string) => (await c.call({ method: 'GET', url: `/api/certificates/${id}` })).json().hc1 as string;

    const revoked = await admin({ method: 'POST', url: `/api/certificates/${first.certificateId}/revoke`, payload: { reason: 'Utfärdat på fel person' } });
    expect(revoked.statusCode).toBe(200);
    expect((await verify({ hc1: await hc1(first.certificateId) })).json()).toMatchObject({ valid: false, code: 'revoked', reason: { sv: 'Beviset är återkallat' } });
    const list = (await env.app.inject({ method: 'GET', url: '/api/certificates/revocation-list' })).json();
    expect(list.entries.length).toBeGreaterThanOrEqual(1);

    const before = (await admin({ method: 'GET', url: '/api/certificates/signers' })).json().filter((s: { role: string; retiredAt: string | null }) => s.role === 'dsc' && !s.retiredAt)[0];
    const rotation = await admin({ method: 'POST', url: '/api/certificates/signers/rotate' });
    expect(rotation.statusCode, rotation.body).toBe(200);
    const rotated = rotation.json();
    expect(rotated.kid).not.toBe(before.kid);
    expect((await verify({ hc1: await hc1(second.certificateId) })).json()).toMatchObject({ valid: true });
    const third = (await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'vaccination' } })).json();
    const trust = (await env.app.inject({ method: 'GET', url: '/api/certificates/trust-list' })).json();
    expect(trust.map((t: { kid: string }) => t.kid)).toEqual(expect.arrayContaining([before.kid, rotated.kid]));
    expect(trust[0]).toMatchObject({ country: 'SE', certificateType: 'DSC', rawData: expect.any(String), thumbprint: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await admin({ method: 'POST', url: '/api/certificates/signers/revoke', payload: { kid: before.kid, reason: 'Nyckeln röjd' } });
    expect((await verify({ hc1: await hc1(second.certificateId) })).json()).toMatchObject({ valid: false, code: 'signer-revoked' });
    expect((await verify({ hc1: await hc1(third.certificateId) })).json()).toMatchObject({ valid: true });
    const after = (await env.app.inject({ method: 'GET', url: '/api/certificates/trust-list' })).json();
    expect(after.map((t: { kid: string }) => t.kid)).not.toContain(before.kid);
  });

  it('delivers the basis to the national issuer through the outbox, with a receipt', async () => {
    const c = await citizen();
    await dose(c.id, 1, '2021-05-01T10:00:00Z');
    const issued = (await c.call({ method: 'POST', url: '/api/certificates/requests', payload: { kind: 'vaccination' } })).json();
    await env.worker.drain();
    const cert = (await c.call({ method: 'GET', url: `/api/certificates/${issued.certificateId}` })).json();
    expect(cert.basis).toMatchObject({ status: 'delivered', receipt: { transport: 'embedded-certificate-basis', uci: issued.uci } });
  });

  it('tells why a damaged or foreign code is not valid, never failing', async () => {
    expect((await verify({ hc1: 'HC1:%%%' })).json()).toMatchObject({ valid: false, code: 'base45' });
    expect((await verify({ hc1: 'hello' })).json()).toMatchObject({ valid: false, code: 'prefix', reason: { en: expect.stringContaining('HC1:') } });
    expect((await verify({ hc1: 'HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEPWK G2EP4J0BGJLFX3R3VHXK.PJ:2DPF6R:5SVBHABVCNN95SWMPHQUHQN%A0SOE+QQAB-HQ/HQ7IR.SQEEOK9SAI4- 7Y15KBPD34  QWSP0WRGTQFNPLIR.KQNA7N95U/3FJCTG90OARH9P1J4HGZJKBEG%123ZC$0BCI757TLXKIBTV5TN%2LXK-$CH4TSXKZ4S/$K%0KPQ1HEP9.PZE9Q$95:UENEUW6646936HRTO$9KZ56DE/.QC$Q3J62:6LZ6O59++9-G9+E93ZM$96TV6NRNJ$UHW4I+O-3SZI2DOD8NCR4' })).json()).toMatchObject({ valid: false });
    const none = await verify({});
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('hc1');
    const garbage = await verify({ image: Buffer.from('not a png').toString('base64') });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().errors[0].field).toBe('image');
  });

  it('counts requests, issued by kind, refusals by rule and paper certificates per region and month', async () => {
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    const res = await analyst({ method: 'GET', url: '/api/certificates/statistics?from=2022-01-01&to=2022-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    const march = res.json().rows.find((r: { month: string }) => r.month === '2022-03');
    expect(march.requests).toBe(await count(env.database, 'certificate_requests'));
    expect(march.paper).toBe(2); // the reservnummer person's and the merged one's
    expect(march.refusedByRule).toMatchObject({ 'recovery.self-sampled': 1, 'recovery.not-yet': 1 });
    expect(march.issued.recovery).toBe(1);
    const csv = await analyst({ method: 'GET', url: '/api/certificates/statistics.csv?from=2022-01-01&to=2022-12-31' });
    expect(csv.body).toContain('Region;Månad;Förfrågningar');
    const xlsx = await analyst({ method: 'GET', url: '/api/certificates/statistics.xlsx?from=2022-01-01&to=2022-12-31' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const national = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'national_analyst')));
    const all = (await national({ method: 'GET', url: '/api/certificates/statistics?from=2022-01-01&to=2022-12-31' })).json();
    expect(all.national).toBe(true);
    expect(await count(env.database, 'certificates')).toBeGreaterThan(0);
    // The national analyst reads aggregates only: no certificate of a person.
    const anyCert = await env.database.query<{ id: string }>('SELECT id FROM certificates LIMIT 1');
    expect((await national({ method: 'GET', url: `/api/certificates/${anyCert[0]!.id}` })).statusCode).toBe(403);
  });
});
