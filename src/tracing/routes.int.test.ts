import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv, asStaffElsewhere } from '../../test/harness.js';
import { positiveResult } from '../../test/positives.js';
import { units } from '../identity/model.js';
import { POSITIVE_RESULT_REGISTERED } from '../testing/events.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

const positive = (person: { id: string; regionId: string }, takenAt: string) => positiveResult(env, person, takenAt);

describe('a case for every positive', () => {
  it('opens one case from the event, joins a second positive within 90 days, and opens a possible reinfection after', async () => {
    const person = await newPerson(env.ctx);
    const before = await count(env.database, 'tracing_cases');
    const first = await positive(person, '2021-09-01T08:00:00Z');
    expect(await count(env.database, 'tracing_cases')).toBe(before + 1);
    // The same event delivered again opens nothing more.
    await env.database.query("UPDATE outbox SET status = 'pending' WHERE idempotency_key = $1", [`${POSITIVE_RESULT_REGISTERED}:${first}`]);
    await env.worker.drain();
    expect(await count(env.database, 'tracing_cases')).toBe(before + 1);
    await positive(person, '2021-10-15T08:00:00Z');
    expect(await count(env.database, 'tracing_cases')).toBe(before + 1);
    expect(await count(env.database, 'tracing_case_results')).toBe(1);
    await positive(person, '2022-02-01T08:00:00Z');
    const cases = await env.database.query<{ possible_reinfection: boolean }>('SELECT possible_reinfection FROM tracing_cases WHERE person_id = $1 ORDER BY positive_taken_at', [person.id]);
    expect(cases.map((c) => c.possible_reinfection)).toEqual([false, true]);
  });

  it('queues cases by priority with the reason, and shows a region only its own cases', async () => {
    const [home] = await env.database.db.insert(units).values({ regionId: '18', kind: 'care_home', name: 'Lindgården' }).returning();
    const [school] = await env.database.db.insert(units).values({ regionId: '18', kind: 'school', name: 'Västra skolan' }).returning();
    const pupil = await newPerson(env.ctx, { givenName: 'Elev', schoolId: school!.id, schoolClass: '7B' });
    const other = await newPerson(env.ctx, { givenName: 'Övrig' });
    const resident = await newPerson(env.ctx, { givenName: 'Boende', careHomeId: home!.id, birthDate: '1935-03-03' });
    const elsewhere = await newPerson(env.ctx, { givenName: 'Stockholmare', regionId: '01' });
    for (const p of [other, pupil, resident, elsewhere]) await positive(p, '2021-12-01T08:00:00Z');

    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    const page1 = (await tracer({ method: 'GET', url: '/api/tracing/queue?limit=2' })).json();
    expect(page1.cases.map((c: { priority: number }) => c.priority)).toEqual([1, 2]);
    expect(page1.cases[0]).toMatchObject({ personId: resident.id, priorityReason: 'Vård och omsorg: bor på särskilt boende (Lindgården)' });
    expect(page1.cases[1].priorityReason).toBe('Skola: Västra skolan, klass 7B');
    const rest = (await tracer({ method: 'GET', url: `/api/tracing/queue?limit=50&cursor=${page1.nextCursor}` })).json();
    const all = [...page1.cases, ...rest.cases];
    expect(all.map((c: { personId: string }) => c.personId)).not.toContain(elsewhere.id);
    expect(all.map((c: { personId: string }) => c.personId)).toContain(other.id);

    const stockholmTracer = await asStaffElsewhere(env, '01', 'tracer');
    const theirs = (await stockholmTracer({ method: 'GET', url: '/api/tracing/queue' })).json().cases;
    expect(theirs.map((c: { personId: string }) => c.personId)).toEqual([elsewhere.id]);
  });
});

describe('the coordinator distributes the work', () => {
  it('balances unassigned cases over the tracers, and a tracer sees their own queue and records the call', async () => {
    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracing_coordinator')));
    const before = (await coordinator({ method: 'GET', url: '/api/tracing/tracers' })).json().tracers as { id: string }[];
    const sara = await newStaff(env.ctx, 'tracer');
    for (let i = 0; i < 3; i++) await positive(await newPerson(env.ctx), '2021-12-02T08:00:00Z');
    const result = (await coordinator({ method: 'POST', url: '/api/tracing/assign-balanced', payload: {} })).json();
    expect(result.assigned).toBeGreaterThanOrEqual(3);
    const counts = result.perTracer.map((t: { count: number }) => t.count);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1 + before.length);
    expect((await coordinator({ method: 'POST', url: '/api/tracing/assign-balanced', payload: {} })).json().assigned).toBe(0);

    const asSara = as(env.app, await loginCookie(env.ctx, sara));
    const mine = (await asSara({ method: 'GET', url: '/api/tracing/queue?mine=true' })).json().cases;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c: { assignedTo: string }) => c.assignedTo === sara.id)).toBe(true);
    expect(mine[0].assignedToName).toBe(sara.name);
    const call = await asSara({ method: 'POST', url: `/api/tracing/cases/${mine[0].id}/call`, payload: { outcome: 'reached', durationMinutes: 12 } });
    expect(call.statusCode, call.body).toBe(200);

    const reassign = await coordinator({ method: 'POST', url: `/api/tracing/cases/${mine[0].id}/assign`, payload: { staffId: '00000000-0000-4000-8000-000000000000' } });
    expect(reassign.statusCode).toBe(400);
    expect(reassign.json().errors[0].field).toBe('staffId');
  });

  it('flags a case whose first call is overdue', async () => {
    const person = await newPerson(env.ctx);
    await positive(person, '2021-12-03T08:00:00Z');
    await env.database.query("UPDATE tracing_cases SET first_call_due_at = now() - interval '1 hour' WHERE person_id = $1", [person.id]);
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
    let cursor: string | null = null;
    const all: { personId: string; overdue: boolean }[] = [];
    do {
      const page: { cases: { personId: string; overdue: boolean }[]; nextCursor: string | null } = (await tracer({ method: 'GET', url: `/api/tracing/queue?limit=5${cursor ? `&cursor=${cursor}` : ''}` })).json();
      all.push(...page.cases);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.find((c) => c.personId === person.id)?.overdue).toBe(true);
    expect(all.filter((c) => c.personId !== person.id).every((c) => !c.overdue)).toBe(true);
  });
});
