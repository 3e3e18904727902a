import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { caseOf, positiveResult } from '../../test/positives.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

async function newCase() {
  const person = await newPerson(env.ctx);
  await positiveResult(env, person, '2021-12-06T08:00:00Z');
  return caseOf(env, person.id);
}
const tracer = async (name: string) => {
  const actor = { ...(await newStaff(env.ctx, 'tracer')), name };
  await env.database.query('UPDATE staff SET name = $1 WHERE id = $2', [name, actor.id]);
  return as(env.app, await loginCookie(env.ctx, actor));
};
const inQueue = async (who: ReturnType<typeof as>, caseId: string) => {
  const cases = (await who({ method: 'GET', url: '/api/tracing/queue?limit=200' })).json().cases as { id: string }[];
  return cases.find((c) => c.id === caseId) as Record<string, unknown> | undefined;
};

describe('a tracer takes a case', () => {
  it('makes it theirs at once; a second tracer gets a conflict naming who has it, and cannot call it', async () => {
    const caseId = await newCase();
    const anna = await tracer('Anna Ringer');
    const bo = await tracer('Bo Ringer');
    const took = await anna({ method: 'POST', url: `/api/tracing/cases/${caseId}/take`, payload: {} });
    expect(took.statusCode, took.body).toBe(200);
    expect(await inQueue(anna, caseId)).toMatchObject({ assignedToName: 'Anna Ringer', stage: 'assigned' });

    const second = await bo({ method: 'POST', url: `/api/tracing/cases/${caseId}/take`, payload: {} });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().detail).toContain('Anna Ringer');
    const calls = await count(env.database, 'tracing_calls');
    expect((await bo({ method: 'POST', url: `/api/tracing/cases/${caseId}/call`, payload: { outcome: 'reached', durationMinutes: 5 } })).statusCode).toBe(409);
    expect(await count(env.database, 'tracing_calls')).toBe(calls);
    // Taking one's own case again changes nothing.
    expect((await anna({ method: 'POST', url: `/api/tracing/cases/${caseId}/take`, payload: {} })).statusCode).toBe(200);
  });

  it('gives a case taken by two at the same moment to exactly one of them', async () => {
    const caseId = await newCase();
    const [a, b] = [await tracer('Cecilia Samtidig'), await tracer('David Samtidig')];
    const answers = await Promise.all([a, b].map((who) => who({ method: 'POST', url: `/api/tracing/cases/${caseId}/take`, payload: {} })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'tracing.case.taken' AND details->>'caseId' = $1", [caseId]);
    expect(row!.n).toBe(1);
  });
});

describe('every call has an outcome, a note and a duration', () => {
  it('counts unreached calls, raises the case to the coordinator at the third, and meets the first contact only when reached', async () => {
    const caseId = await newCase();
    const eva = await tracer('Eva Ringer');
    const call = (payload: Record<string, unknown>) => eva({ method: 'POST', url: `/api/tracing/cases/${caseId}/call`, payload });

    const first = await call({ outcome: 'no_answer', durationMinutes: 1, note: 'Inget svar, röstbrevlåda' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().case).toMatchObject({ stage: 'trying', unreachedCalls: 1, firstCallAt: null, escalatedAt: null });
    expect((await call({ outcome: 'wrong_number', durationMinutes: 0 })).json().case).toMatchObject({ stage: 'trying', unreachedCalls: 2 });
    expect(await inQueue(eva, caseId)).toMatchObject({ stage: 'trying', unreachedCalls: 2, assignedToName: 'Eva Ringer', overdue: false });

    const third = (await call({ outcome: 'no_answer', durationMinutes: 1 })).json().case;
    expect(third).toMatchObject({ stage: 'escalated', unreachedCalls: 3, firstCallAt: null });
    expect(third.escalatedAt).not.toBeNull();
    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracing_coordinator')));
    expect(await inQueue(coordinator, caseId)).toMatchObject({ stage: 'escalated' });
    const [stats] = await env.database.query<{ first_call_at: string | null }>('SELECT first_call_at FROM tracing_cases WHERE id = $1', [caseId]);
    expect(stats!.first_call_at).toBeNull();

    const reached = (await call({ outcome: 'reached', durationMinutes: 14, note: 'Nådd, förhållningsregler givna' })).json().case;
    expect(reached).toMatchObject({ stage: 'reached', escalatedAt: third.escalatedAt });
    expect(reached.firstCallAt).not.toBeNull();

    const file = (await eva({ method: 'GET', url: `/api/tracing/cases/${caseId}` })).json();
    expect(file.case).toMatchObject({ stage: 'reached', unreachedCalls: 3, escalatedAt: third.escalatedAt, firstCallAt: reached.firstCallAt });
    expect(file.calls.map((c: { outcome: string; durationMinutes: number; note: string | null; staffName: string }) => [c.outcome, c.durationMinutes, c.note, c.staffName])).toEqual([
      ['no_answer', 1, 'Inget svar, röstbrevlåda', 'Eva Ringer'],
      ['wrong_number', 0, null, 'Eva Ringer'],
      ['no_answer', 1, null, 'Eva Ringer'],
      ['reached', 14, 'Nådd, förhållningsregler givna', 'Eva Ringer'],
    ]);
    const audited = await env.database.query<{ outcome: string; escalated: boolean }>("SELECT details->>'outcome' AS outcome, (details->>'escalated')::boolean AS escalated FROM audit_log WHERE action = 'tracing.case.called' AND details->>'caseId' = $1 ORDER BY at", [caseId]);
    expect(audited.map((a) => a.escalated)).toEqual([false, false, true, false]);
  });

  it('books a call back at a time, refusing one without a time and writing nothing', async () => {
    const caseId = await newCase();
    const fia = await tracer('Fia Ringer');
    const before = await count(env.database, 'tracing_calls');
    const noTime = await fia({ method: 'POST', url: `/api/tracing/cases/${caseId}/call`, payload: { outcome: 'call_back', durationMinutes: 2 } });
    expect(noTime.statusCode).toBe(400);
    expect(noTime.json().errors[0].field).toBe('callBackAt');
    const noDuration = await fia({ method: 'POST', url: `/api/tracing/cases/${caseId}/call`, payload: { outcome: 'reached' } });
    expect(noDuration.json().errors[0].field).toBe('durationMinutes');
    const badOutcome = await fia({ method: 'POST', url: `/api/tracing/cases/${caseId}/call`, payload: { outcome: 'busy', durationMinutes: 1 } });
    expect(badOutcome.json().errors[0].field).toBe('outcome');
    expect(await count(env.database, 'tracing_calls')).toBe(before);
    expect(await inQueue(fia, caseId)).toMatchObject({ stage: 'unassigned', assignedTo: null });

    const at = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const booked = await fia({ method: 'POST', url: `/api/tracing/cases/${caseId}/call`, payload: { outcome: 'call_back', durationMinutes: 2, callBackAt: at, note: 'Kör bil, ring om tre timmar' } });
    expect(booked.statusCode, booked.body).toBe(200);
    const queued = await inQueue(fia, caseId);
    expect(queued).toMatchObject({ stage: 'call_back', assignedToName: 'Fia Ringer' });
    expect(new Date(queued!.callBackAt as string).toISOString()).toBe(at);
  });
});
