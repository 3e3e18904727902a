import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, citizenActor, type TestEnv } from '../../../test/harness.js';
import { record, recordMany } from './audit.js';
import { entryHash, GENESIS, sealAuditLog, type ChainRow } from './chain.js';
import { AUDIT_CHECKPOINT_SEALED, CheckpointLog, sealCheckpoints } from './checkpoints.js';
import { AuditSealer } from './sealer.js';
import { describeFinding, verifyAuditLog, type Finding } from './verify.js';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/client.js';

/** A database and a data dir of its own. */
async function freshLog() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-audit-'));
  const env = await setupTest({ config: { dataDir } });
  const file = CheckpointLog.of(env.ctx.config);
  return {
    env,
    database: env.database,
    file,
    write: (regionId: string, n: number) =>
      env.database.db.transaction((tx) => recordMany(tx, systemActor(regionId), Array.from({ length: n }, (_, i) => ({ action: 'test.entry', purpose: 'test', details: { i } })))),
    verify: (regionId?: string) => verifyAuditLog(env.database, file, { regionId }),
    /** Seals what is pending, then a checkpoint of every head that moved. */
    checkpoint: async () => {
      await sealAuditLog(env.database);
      return sealCheckpoints(env.database, file);
    },
    async close() {
      await env.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
type Log = Awaited<ReturnType<typeof freshLog>>;

/** What someone with the database's owner role can do: switch the audit tables' triggers off for a while. */
async function behindTheTriggers(database: Database, statements: string[]) {
  const tables = ['audit_log', 'audit_chain', 'audit_checkpoints'];
  for (const t of tables) await database.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  try {
    for (const s of statements) await database.query(s);
  } finally {
    for (const t of tables) await database.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
  }
}

const english = (findings: Finding[]) => findings.map((f) => describeFinding(f).en);

// Most tests share one database, each in a region of its own; those that truncate a table get their own.
let shared: Log;
let log: Log | undefined;
beforeAll(async () => {
  shared = await freshLog();
});
afterAll(() => shared.close());
afterEach(async () => {
  if (log !== shared) await log?.close();
  log = undefined;
});
const sharedLog = () => shared;
const checkpointsOf = (l: Log, regionId: string) => l.file.read().checkpoints.filter((c) => c.regionId === regionId);

describe('audit entries live and die with the change they describe', () => {
  let env: TestEnv;
  beforeAll(() => {
    env = shared.env;
  });

  it('is written in the same transaction as the change, signed', async () => {
    const before = await count(env.database, 'audit_log');
    await env.database.db.transaction(async (tx) => {
      await record(tx, systemActor('18'), { action: 'test.changed', purpose: 'test' });
    });
    expect(await count(env.database, 'audit_log')).toBe(before + 1);
    const [row] = await env.database.query<{ mac: string }>("SELECT mac FROM audit_log WHERE action = 'test.changed'");
    expect(row!.mac).toMatch(/^[0-9a-f]{64}$/);
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

describe('the hash chain and its checkpoints', () => {
  it('seals entries, checkpoints the heads in the database, the file and the outbox, and verifies', async () => {
    log = await freshLog();
    await log.env.database.db.transaction((tx) => record(tx, systemActor('18'), { action: 'test.a', purpose: 'p', details: { b: 1, a: [1, 2], c: undefined } }));
    await log.write('01', 2);
    const outcomes = await log.checkpoint();
    expect(outcomes.map((o) => ('sealed' in o ? [o.regionId, o.sealed.seq] : o))).toEqual([['01', 2], ['18', 1]]);
    expect(log.file.read().checkpoints.map((c) => [c.regionId, c.seq])).toEqual([['01', 2], ['18', 1]]);
    expect(await count(log.database, 'audit_checkpoints')).toBe(2);
    expect(await log.database.query(`SELECT region_id, payload->>'seq' AS seq FROM outbox WHERE topic = $1 ORDER BY region_id`, [AUDIT_CHECKPOINT_SEALED])).toEqual([
      { region_id: '01', seq: '2' },
      { region_id: '18', seq: '1' },
    ]);
    // A head that did not move gets no new checkpoint.
    expect(await log.checkpoint()).toEqual([]);

    const r = await log.verify();
    expect(r).toMatchObject({ ok: true, checked: 3, unsealed: 0, findings: [] });
    expect(r.comparedWith.map((c) => [c.regionId, c.seq])).toEqual([['01', 2], ['18', 1]]);
  });

  it('seals a checkpoint at most once a minute when asked to, and logs it', async () => {
    log = await freshLog();
    const logged: string[] = [];
    const sealer = new AuditSealer(log.database, log.file, { info: (_, m) => logged.push(m), error: (_, m) => logged.push(`error: ${m}`) });
    await log.write('18', 1);
    await sealer.runOnce();
    await log.write('18', 1);
    await sealer.runOnce();
    expect(log.file.read().checkpoints.map((c) => c.seq)).toEqual([1]);
    await sealer.runOnce({ final: true });
    expect(log.file.read().checkpoints.map((c) => c.seq)).toEqual([1, 2]);
    expect(logged).toEqual(['audit checkpoint sealed', 'audit checkpoint sealed']);
  });

  it('refuses updates, deletes and TRUNCATE of every audit table', async () => {
    log = sharedLog();
    await log.write('12', 2);
    await log.checkpoint();
    const before = [await count(log.database, 'audit_log'), await count(log.database, 'audit_chain'), await count(log.database, 'audit_checkpoints')];
    for (const statement of [
      "UPDATE audit_log SET purpose = 'changed'",
      'DELETE FROM audit_log',
      'UPDATE audit_chain SET last_seq = 0',
      "UPDATE audit_chain SET last_hash = 'x'",
      'UPDATE audit_chain SET unsigned_until = 1000',
      'DELETE FROM audit_chain',
      'UPDATE audit_checkpoints SET seq = 1000',
      'DELETE FROM audit_checkpoints',
      'TRUNCATE audit_log',
      'TRUNCATE audit_chain',
      'TRUNCATE audit_checkpoints',
      'TRUNCATE audit_log, audit_chain',
    ]) {
      await expect(log.database.query(statement), statement).rejects.toThrow(/append-only/);
    }
    expect([await count(log.database, 'audit_log'), await count(log.database, 'audit_chain'), await count(log.database, 'audit_checkpoints')]).toEqual(before);
    expect((await log.verify('12')).ok).toBe(true);
  });

  it('detects an entry changed behind the trigger', async () => {
    log = sharedLog();
    await log.write('04', 3);
    await sealAuditLog(log.database);
    await behindTheTriggers(log.database, ["UPDATE audit_log SET purpose = 'tampered' WHERE region_id = '04' AND seq = 2"]);
    const r = await log.verify('04');
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual({ kind: 'broken', regionId: '04', seq: 2, reason: 'changed' });
    // The MAC no longer covers the content either.
    expect(r.findings).toContainEqual(expect.objectContaining({ kind: 'forged', regionId: '04', total: 1, entries: [expect.objectContaining({ seq: 2 })] }));
  });

  it('detects a deleted entry', async () => {
    log = sharedLog();
    await log.write('05', 2);
    await sealAuditLog(log.database);
    await behindTheTriggers(log.database, ["DELETE FROM audit_log WHERE region_id = '05' AND seq = 1"]);
    const r = await log.verify('05');
    expect(r.findings).toEqual([{ kind: 'broken', regionId: '05', seq: 1, reason: 'missing' }]);
    expect(english(r.findings)).toEqual(['Region 05: the chain is broken: entry 1 is missing.']);
  });
});

describe('the four attacks of issue 12: each is reported', () => {
  it('a. truncating audit_log and audit_chain together is refused; done behind the triggers, the entries missing since the checkpoint are reported', async () => {
    log = await freshLog();
    await log.write('18', 3);
    await log.checkpoint();
    await log.write('18', 2);
    await log.checkpoint();
    await expect(log.database.query('TRUNCATE audit_log, audit_chain')).rejects.toThrow(/append-only: TRUNCATE is refused/);

    await behindTheTriggers(log.database, ['TRUNCATE audit_log, audit_chain']);
    const r = await log.verify();
    expect(r.ok).toBe(false);
    const cp = log.file.read().checkpoints.at(-1)!;
    expect(r.findings).toEqual([{ kind: 'truncated', regionId: '18', missing: 5, checkpoint: { seq: 5, at: cp.at } }]);
    expect(describeFinding(r.findings[0]!)).toEqual({
      sv: `Region 18: 5 poster saknas sedan kontrollpunkt 5 från ${cp.at}.`,
      en: `Region 18: 5 entries missing since checkpoint 5 of ${cp.at}.`,
    });
  });

  it('a. with the database copy of the checkpoints truncated too, the file still tells', async () => {
    log = await freshLog();
    await log.write('18', 4);
    await log.checkpoint();
    await behindTheTriggers(log.database, ['TRUNCATE audit_log, audit_chain, audit_checkpoints']);
    expect(english((await log.verify()).findings)).toEqual([`Region 18: 4 entries missing since checkpoint 4 of ${log.file.read().checkpoints[0]!.at}.`]);
  });

  it('a. with the file lost, the database copy still tells', async () => {
    log = await freshLog();
    await log.write('18', 4);
    await log.checkpoint();
    rmSync(log.file.path);
    await behindTheTriggers(log.database, ['TRUNCATE audit_log, audit_chain']);
    expect((await log.verify()).findings).toEqual([expect.objectContaining({ kind: 'truncated', regionId: '18', missing: 4 })]);
  });

  it('b. a row inserted in SQL is reported as forged and never sealed, and the chain goes on without it', async () => {
    log = sharedLog();
    await log.write('06', 2);
    await sealAuditLog(log.database);
    const [genuine] = await log.database.query<{ mac: string; at: string }>("SELECT mac, at::text FROM audit_log WHERE region_id = '06' AND seq = 1");
    const { database } = log;
    const forge = (id: string, mac: string | null) =>
      database.query(
        `INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, person_id, action, purpose, details, mac)
         VALUES ('06', $1, now(), 'staff', 'x', 'Someone Else', 'tracer', NULL, 'identity.person.read', 'smittspårning', NULL, $2)`,
        [id, mac],
      );
    await forge('00000000-0000-4000-8000-000000000001', null);
    await forge('00000000-0000-4000-8000-000000000002', 'ab'.repeat(32));
    await forge('00000000-0000-4000-8000-000000000003', genuine!.mac); // a genuine entry's MAC does not fit another entry
    await log.write('06', 1);

    const sealed = await sealAuditLog(log.database);
    expect(sealed.sealed).toBe(1);
    expect(sealed.forged.map((f) => f.id).sort()).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003']);
    expect(await log.database.query("SELECT count(*)::int AS n FROM audit_log WHERE region_id = '06' AND hash IS NULL")).toEqual([{ n: 3 }]);
    // Sealing again seals nothing more.
    expect((await sealAuditLog(log.database)).sealed).toBe(0);

    const r = await log.verify('06');
    expect(r).toMatchObject({ ok: false, checked: 3, unsealed: 3 });
    expect(r.findings).toEqual([{ kind: 'forged', regionId: '06', total: 3, entries: expect.arrayContaining([expect.objectContaining({ seq: null, id: '00000000-0000-4000-8000-000000000002' })]) }]);
    expect(describeFinding(r.findings[0]!).en).toMatch(/^Region 06: 3 forged entries without a valid signature, never sealed as genuine: unsealed entry /);
    expect(describeFinding(r.findings[0]!).sv).toMatch(/^Region 06: 3 förfalskade poster utan giltig signatur/);
  });

  it('b. a forged row sealed past the sealer (the chain hash needs no key) is still reported as forged', async () => {
    log = sharedLog();
    await log.write('07', 1);
    await sealAuditLog(log.database);
    const id = '00000000-0000-4000-8000-00000000000f';
    await log.database.query(
      `INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, action, purpose, mac)
       VALUES ('07', $1, '2021-05-01T08:00:00Z', 'staff', 'x', 'Someone Else', 'tracer', 'identity.person.read', 'smittspårning', $2)`,
      [id, 'cd'.repeat(32)],
    );
    const [row] = await log.database.query<ChainRow>(`SELECT region_id, id, '2021-05-01T08:00:00.000000Z' AS at_iso, actor_kind, actor_id, actor_name, actor_role, person_id, action, purpose, details FROM audit_log WHERE id = $1`, [id]);
    const [head] = await log.database.query<{ last_hash: string }>("SELECT last_hash FROM audit_chain WHERE region_id = '07'");
    await log.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT * FROM audit_chain_head('07')`);
      await tx.execute(sql`SELECT audit_seal('07', ARRAY[${id}]::uuid[], ARRAY[2]::bigint[], ARRAY[${head!.last_hash}], ARRAY[${entryHash(row!, 2, head!.last_hash)}])`);
    });
    const r = await log.verify('07');
    expect(r.findings).toEqual([{ kind: 'forged', regionId: '07', total: 1, entries: [{ seq: 2, id, at: '2021-05-01T08:00:00.000000Z' }] }]);
    expect(english(r.findings)).toEqual(['Region 07: 1 forged entry without a valid signature, never sealed as genuine: entry 2.']);
  });

  it('c. rewinding the tail (rows deleted behind the trigger, head reset) is reported, and no checkpoint is sealed over it', async () => {
    log = sharedLog();
    await log.write('08', 3);
    await log.checkpoint();
    await log.write('08', 3);
    await log.checkpoint();
    const [at3, at6] = checkpointsOf(log, '08').map((c) => c.at);
    const [third] = await log.database.query<{ hash: string }>("SELECT hash FROM audit_log WHERE region_id = '08' AND seq = 3");
    await expect(log.database.query(`UPDATE audit_chain SET last_seq = 3, last_hash = '${third!.hash}' WHERE region_id = '08'`)).rejects.toThrow(/only moves forward/);

    await behindTheTriggers(log.database, [
      "DELETE FROM audit_log WHERE region_id = '08' AND seq > 4",
      `UPDATE audit_chain SET last_seq = 4, last_hash = (SELECT hash FROM audit_log WHERE region_id = '08' AND seq = 4) WHERE region_id = '08'`,
    ]);
    const rewound = await log.verify('08');
    expect(rewound.findings).toEqual([{ kind: 'truncated', regionId: '08', missing: 2, checkpoint: { seq: 6, at: at6 } }]);
    expect(english(rewound.findings)).toEqual([`Region 08: 2 entries missing since checkpoint 6 of ${at6}.`]);

    // Life goes on: new entries take the numbers of the deleted ones.
    await log.write('08', 3);
    const outcomes = await log.checkpoint();
    expect(outcomes.filter((o) => o.regionId === '08')).toEqual([{ regionId: '08', refused: expect.objectContaining({ seq: 6 }) }]);
    expect(checkpointsOf(log, '08')).toHaveLength(2);
    const rewritten = await log.verify('08');
    expect(rewritten.findings).toEqual([{ kind: 'rewound', regionId: '08', checkpoint: { seq: 6, at: at6 }, stillMatching: { seq: 3, at: at3 } }]);
    expect(describeFinding(rewritten.findings[0]!)).toEqual({
      sv: `Region 08: loggen har spolats tillbaka och skrivits om: post 6 stämmer inte längre med kontrollpunkt 6 från ${at6}; kontrollpunkt 3 från ${at3} stämmer, så posterna efter 3 har ersatts.`,
      en: `Region 08: the log was rewound and rewritten: entry 6 no longer matches checkpoint 6 of ${at6}; checkpoint 3 of ${at3} still matches, so the entries after 3 were replaced.`,
    });
  });

  it('d. truncating audit_log alone is reported as a broken chain and as entries missing since the checkpoint', async () => {
    log = await freshLog();
    await log.write('18', 3);
    await log.checkpoint();
    await behindTheTriggers(log.database, ['TRUNCATE audit_log']);
    const r = await log.verify();
    expect(r.findings).toEqual([
      { kind: 'broken', regionId: '18', seq: 1, reason: 'missing' },
      expect.objectContaining({ kind: 'truncated', regionId: '18', missing: 3 }),
    ]);
  });
});

describe('checkpoints and signatures that do not hold', () => {
  it('reports a checkpoint line that was changed, or is not one, and does not trust it', async () => {
    log = await freshLog();
    await log.write('18', 2);
    await log.checkpoint();
    const [line] = readFileSync(log.file.path, 'utf8').trim().split('\n');
    const moved = JSON.stringify({ ...JSON.parse(line!), seq: 1 });
    writeFileSync(log.file.path, `${line}\n${moved}\nnot json\n`);
    const r = await log.verify();
    expect(r.findings).toEqual([
      { kind: 'bad-checkpoint', regionId: null, where: { file: log.file.path, line: 3 } },
      { kind: 'bad-checkpoint', regionId: '18', where: { file: log.file.path, line: 2 } },
    ]);
    expect(english(r.findings)[1]).toBe(`The checkpoint on line 2 of ${log.file.path} is not signed with the audit log's key.`);
  });

  // Entries written before migration 0013 carry no MAC: those the migration counted (unsigned_until) pass, the next does not.
  it.each([
    [1, 1, 0, '09'],
    [2, 2, 0, '10'],
    [3, 2, 1, '11'],
  ])('with %i unsigned entries of which the migration counted 2: %i sealed, %i forged', async (written, sealedCount, forgedCount, regionId) => {
    log = sharedLog();
    await log.database.query('INSERT INTO audit_chain (region_id, last_seq, last_hash, unsigned_until) VALUES ($1, 0, $2, 2)', [regionId, GENESIS]);
    for (let i = 0; i < written; i++) {
      await log.database.query(
        `INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, action, purpose)
         VALUES ($1, gen_random_uuid(), now() + make_interval(secs => $2), 'system', 'system', 'Lägesbild', 'system', 'old.entry', 'test')`,
        [regionId, i],
      );
    }
    const sealed = await sealAuditLog(log.database);
    expect([sealed.sealed, sealed.forged.filter((f) => f.regionId === regionId).length]).toEqual([sealedCount, forgedCount]);
    const r = await log.verify(regionId);
    expect(r.findings).toEqual(forgedCount ? [expect.objectContaining({ kind: 'forged', total: forgedCount })] : []);
  });
});

describe('verification over HTTP', () => {
  it('answers each problem in Swedish and English', async () => {
    log = sharedLog();
    const asAdmin = as(log.env.app, await loginCookie(log.env.ctx, await newStaff(log.env.ctx, 'region_admin')));
    await log.write('18', 2);
    expect((await asAdmin({ method: 'POST', url: '/api/audit/verify' })).json()).toMatchObject({ ok: true, unsealed: 0, problems: [] });
    await log.database.query(
      `INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, action, purpose)
       VALUES ('18', gen_random_uuid(), now(), 'staff', 'x', 'Someone Else', 'tracer', 'identity.person.read', 'smittspårning')`,
    );
    const res = await asAdmin({ method: 'POST', url: '/api/audit/verify' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: false, unsealed: 1, problems: [{ kind: 'forged', sv: expect.stringMatching(/^Region 18: 1 förfalskad post/), en: expect.stringMatching(/^Region 18: 1 forged entry/) }] });
    expect(body.firstBrokenAt).toBe(body.problems[0].en);
  });
});

describe('who read my record', () => {
  let env: TestEnv;
  beforeAll(() => {
    env = shared.env;
  });

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
