import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, citizenActor, type TestEnv } from '../../../test/harness.js';
import { record, sealAuditLog, verifyAuditChain } from './audit.js';
import { systemActor } from '../auth/actor.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

describe('audit entries live and die with the change they describe', () => {
  it('is written in the same transaction as the change', async () => {
    const before = await count(env.database, 'audit_log');
    await env.database.db.transaction(async (tx) => {
      await record(tx, systemActor('18'), { action: 'test.changed', purpose: 'test' });
    });
    expect(await count(env.database, 'audit_log')).toBe(before + 1);
  });

  it('is not written when the change rolls back', async () => {
    const before = await count(env.database, 'audit_log');
    await expect(
      env.database.db.transaction(async (tx) => {
        await record(tx, systemActor('18'), { action: 'test.changed', purpose: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count(env.database, 'audit_log')).toBe(before);
  });

  it('is not written when a request is refused', async () => {
    const sampler = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'sampler')));
    const before = await count(env.database, 'audit_log');
    const res = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: '19811218-9875', givenName: 'A', familyName: 'B' } });
    expect(res.statusCode).toBe(400);
    expect(await count(env.database, 'audit_log')).toBe(before);
  });
});

describe('the hash chain', () => {
  it('seals entries and verifies them', async () => {
    await env.database.db.transaction((tx) => record(tx, systemActor('18'), { action: 'test.a', purpose: 'p', details: { b: 1, a: [1, 2] } }));
    await env.database.db.transaction((tx) => record(tx, systemActor('01'), { action: 'test.b', purpose: 'p' }));
    const sealed = await sealAuditLog(env.database);
    expect(sealed).toBeGreaterThan(0);
    const r = await verifyAuditChain(env.database);
    expect(r).toMatchObject({ ok: true, unsealed: 0 });
    expect(r.checked).toBe(await count(env.database, 'audit_log'));
  });

  it('refuses updates and deletes of entries', async () => {
    await expect(env.database.query("UPDATE audit_log SET purpose = 'changed'")).rejects.toThrow(/append-only/);
    await expect(env.database.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('detects an entry changed behind the trigger', async () => {
    const [victim] = await env.database.query<{ id: string; seq: number }>("SELECT id, seq FROM audit_log WHERE region_id = '18' AND seq IS NOT NULL ORDER BY seq LIMIT 1 OFFSET 1");
    await env.database.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await env.database.query("UPDATE audit_log SET purpose = 'tampered' WHERE region_id = '18' AND id = $1", [victim!.id]);
    await env.database.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const r = await verifyAuditChain(env.database, { regionId: '18' });
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ regionId: '18', seq: Number(victim!.seq), reason: 'the entry was changed after it was sealed' });
  });

  it('detects a deleted entry', async () => {
    await env.database.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await env.database.query("DELETE FROM audit_log WHERE region_id = '01' AND seq = 1");
    await env.database.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const r = await verifyAuditChain(env.database, { regionId: '01' });
    expect(r).toMatchObject({ ok: false, firstBroken: { regionId: '01', seq: 1, reason: 'entry 1 is missing' } });
  });
});

describe('who read my record', () => {
  it('shows a citizen the staff who read their record, and lets region_admin search the log', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1950-02-03' });
    const tracer = await newStaff(env.ctx, 'tracer');
    const asTracer = as(env.app, await loginCookie(env.ctx, tracer));
    expect((await asTracer({ method: 'GET', url: `/api/persons/${person.id}?purpose=smittspårning` })).statusCode).toBe(200);

    const asCitizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const mine = (await asCitizen({ method: 'GET', url: '/api/audit/my-record' })).json();
    expect(mine.entries).toEqual([expect.objectContaining({ actorName: tracer.name, actorRole: 'tracer', purpose: 'smittspårning', action: 'identity.person.read', regionName: 'Region Örebro län' })]);

    const asAdmin = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'region_admin')));
    const found = (await asAdmin({ method: 'GET', url: `/api/audit/search?identityNumber=${person.identityNumber}` })).json();
    expect(found.entries.map((e: { actorName: string }) => e.actorName)).toContain(tracer.name);
    expect(found.entries[0].personLabel).toMatch(/\*\*\*\*/);
    // The search itself is audited.
    const [searched] = await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.log.searched' AND person_id = $1", [person.id]);
    expect(searched!.n).toBe(1);
  });
});
