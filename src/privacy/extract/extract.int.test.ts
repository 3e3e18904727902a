import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { fixedClock } from '../../../test/vaccination.js';

describe('the citizen’s register extract', () => {
  let env: TestEnv;
  let parent: Awaited<ReturnType<typeof newPerson>>;
  let child: Awaited<ReturnType<typeof newPerson>>;
  let stranger: Awaited<ReturnType<typeof newPerson>>;
  let asParent: ReturnType<typeof as>;

  beforeAll(async () => {
    env = await setupTest({ clock: fixedClock('2023-10-20T10:00:00.000Z') });
    const r = env.ctx.config.regionId;
    const householdId = randomUUID();
    parent = await newPerson(env.ctx, { givenName: 'Petra', familyName: 'Persson', birthDate: '1985-02-03', householdId, phone: '0702223344' });
    child = await newPerson(env.ctx, { givenName: 'Pelle', familyName: 'Persson', birthDate: '2015-06-01', householdId });
    stranger = await newPerson(env.ctx, { givenName: 'Sven', familyName: 'Svensson', birthDate: '1970-01-01' });
    await env.database.db.execute(sql`INSERT INTO samples (region_id, person_id, test_type, collection, taken_at, taken_week, result, result_at, answered_at)
      VALUES (${r}, ${parent.id}, 'pcr', 'self', '2023-10-02T08:00:00Z', '2023-W40', 'negative', '2023-10-03T08:00:00Z', '2023-10-03T09:00:00Z')`);
    await env.database.db.execute(sql`INSERT INTO vaccination_doses (region_id, person_id, vaccine, product_code, batch_number, dose_number, administered_at, recorded_by)
      VALUES (${r}, ${parent.id}, 'covid-19', 'comirnaty-xbb15', 'HH2817', 3, '2023-10-10T08:00:00Z', gen_random_uuid())`);
    await env.database.db.execute(sql`INSERT INTO delivered_messages (region_id, idempotency_key, channel, person_id, recipient, body, delivered_at)
      VALUES (${r}, 'answer:1', 'inbox', ${parent.id}, ${parent.id}, 'Ditt provsvar: negativt', '2023-10-03T09:00:00Z')`);
    await env.database.db.execute(sql`INSERT INTO vaccination_doses (region_id, person_id, vaccine, product_code, batch_number, dose_number, administered_at, recorded_by)
      VALUES (${r}, ${stranger.id}, 'covid-19', 'comirnaty', 'SECRET1', 1, '2023-10-10T08:00:00Z', gen_random_uuid())`);
    // A tracer reads Petra's record: the read is audited and must show in her extract.
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    expect((await tracer({ method: 'GET', url: `/api/persons/${parent.id}?purpose=${encodeURIComponent('smittspårning')}` })).statusCode).toBe(200);
    asParent = as(env.app, await loginCookie(env.ctx, citizenActor(parent)));
  });
  afterAll(() => env.close());

  it('lists the tests, doses, messages and reads of the signed-in citizen, and audits the extract', async () => {
    const res = await asParent({ method: 'GET', url: '/api/privacy/extract.json' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="registerutdrag-2023-10-20.json"');
    const extract = res.json();
    expect(extract).toMatchObject({ kind: 'lagesbild.register-extract', language: 'sv', regionName: 'Region Örebro län' });
    expect(extract.data.person).toMatchObject({ name: 'Petra Persson', birthDate: '1985-02-03', phone: '0702223344', identityNumbers: [expect.stringMatching(/^19850203-\d{4}$/)] });
    expect(extract.data.tests).toEqual([expect.objectContaining({ testType: 'pcr', result: 'negative', takenAt: '2023-10-02T08:00:00.000000Z' })]);
    expect(extract.data.doses).toEqual([expect.objectContaining({ vaccine: 'covid-19', batchNumber: 'HH2817', doseNumber: 3 })]);
    expect(extract.data.messages).toEqual([expect.objectContaining({ body: 'Ditt provsvar: negativt' })]);
    expect(extract.data.reads).toEqual([expect.objectContaining({ actorName: 'Test tracer', actorRole: 'tracer', action: 'identity.person.read', purpose: 'smittspårning' })]);
    expect(JSON.stringify(extract)).not.toMatch(/SECRET1|Svensson/);
    const [audited] = await env.database.query<{ action: string; person_id: string; details: Record<string, unknown> }>(`SELECT action, person_id, details FROM audit_log WHERE action = 'privacy.extract.created'`);
    expect(audited).toEqual({ action: 'privacy.extract.created', person_id: parent.id, details: { format: 'json', language: 'sv', forChild: false } });
  });

  it('gives a PDF in the language asked for', async () => {
    const res = await asParent({ method: 'GET', url: '/api/privacy/extract.pdf?lang=en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(1500);
    expect((await asParent({ method: 'GET', url: '/api/privacy/extract.pdf?lang=fr' })).statusCode).toBe(400);
  });

  it('gives a guardian their child’s extract, and nobody else’s', async () => {
    const mine = await asParent({ method: 'GET', url: `/api/privacy/extract.json?personId=${child.id}` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().data.person.name).toBe('Pelle Persson');
    expect(mine.json().data.doses).toEqual([]);
    const theirs = await asParent({ method: 'GET', url: `/api/privacy/extract.json?personId=${stranger.id}` });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('SECRET1');
    expect(await env.database.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'privacy.extract.created' AND person_id = '${stranger.id}'`)).toEqual([{ n: 0 }]);
  });

  it('is for citizens only', async () => {
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    expect((await tracer({ method: 'GET', url: '/api/privacy/extract.json' })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/privacy/extract.json' })).statusCode).toBe(401);
  });
});
