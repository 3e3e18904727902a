import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { caseOf, positiveResult } from '../../test/positives.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { units } from '../identity/model.js';
import { distributionPoints } from '../testing/model.js';

let env: TestEnv;
// Cluster proposals look back six weeks from "now": the positives below are recent.
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

async function unit(kind: 'school' | 'workplace', name: string) {
  const [u] = await env.database.db.insert(units).values({ regionId: '18', kind, name }).returning();
  return u!;
}

describe('clusters and outbreaks', () => {
  it('proposes cases sharing a school class within the window, and Smittskydd confirms the outbreak and orders kits for the class', async () => {
    const school = await unit('school', 'Norra skolan');
    const pupils = await Promise.all(['Alva', 'Bo', 'Cleo', 'Dan'].map((givenName) => newPerson(env.ctx, { givenName, schoolId: school.id, schoolClass: '4A', birthDate: '2012-03-01' })));
    const otherClass = await newPerson(env.ctx, { schoolId: school.id, schoolClass: '5B', birthDate: '2011-03-01' });
    await positiveResult(env, pupils[0]!, daysAgo(20));
    await positiveResult(env, pupils[1]!, daysAgo(12));
    await positiveResult(env, pupils[2]!, daysAgo(2));
    await positiveResult(env, otherClass, daysAgo(2));

    const smittskydd = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
    const { proposals } = (await smittskydd({ method: 'GET', url: '/api/tracing/clusters' })).json();
    const proposal = proposals.find((p: { label: string }) => p.label === 'Norra skolan, klass 4A');
    expect(proposal).toMatchObject({ kind: 'school_class', cases: 3 });
    expect(proposals.some((p: { label: string }) => p.label.includes('5B'))).toBe(false);

    const confirmed = await smittskydd({ method: 'POST', url: '/api/tracing/outbreaks', payload: { kind: proposal.kind, key: proposal.key, label: proposal.label, caseIds: proposal.caseIds } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const outbreakId = confirmed.json().id;
    expect((await smittskydd({ method: 'GET', url: '/api/tracing/clusters' })).json().proposals.some((p: { key: string }) => p.key === proposal.key)).toBe(false);
    expect((await smittskydd({ method: 'POST', url: '/api/tracing/outbreaks', payload: { kind: proposal.kind, key: proposal.key, label: 'igen', caseIds: proposal.caseIds } })).statusCode).toBe(409);

    // A later case in the class joins the outbreak (it grows), and is flagged for sequencing as part of a cluster.
    await positiveResult(env, pupils[3]!, daysAgo(1));
    const detail = (await smittskydd({ method: 'GET', url: `/api/tracing/outbreaks/${outbreakId}` })).json();
    expect(detail.outbreak.cases).toBe(4);
    expect(detail.timeline.filter((t: { kind: string }) => t.kind === 'case')).toHaveLength(4);
    const flagged = (await smittskydd({ method: 'GET', url: '/api/tracing/sequencing' })).json().cases;
    expect(flagged.find((c: { caseId: string }) => c.caseId === detail.timeline[3].caseId)?.reasons).toContain('cluster');

    const [point] = await env.database.db.insert(distributionPoints).values({ regionId: '18', kind: 'vardcentral', name: 'Vårdcentralen Norr', openingHours: 'mån–fre 8–17' }).returning();
    const kits = await smittskydd({ method: 'POST', url: `/api/tracing/outbreaks/${outbreakId}/order-kits`, payload: { distributionPointId: point!.id } });
    expect(kits.json()).toEqual({ ordered: 4 });
    expect((await smittskydd({ method: 'POST', url: `/api/tracing/outbreaks/${outbreakId}/order-kits`, payload: { distributionPointId: point!.id } })).json()).toEqual({ ordered: 0 });
    const ordered = await env.database.query<{ person_id: string }>('SELECT person_id FROM kit_orders WHERE distribution_point_id = $1', [point!.id]);
    expect(ordered.map((o) => o.person_id).sort()).toEqual(pupils.map((p) => p.id).sort());
  });

  it('raises the priority of a workplace outbreak, draws who infected whom, and links a signal from the function mailbox', async () => {
    const work = await unit('workplace', 'Verkstaden');
    const [a, b, c] = await Promise.all(['Anna', 'Bertil', 'Cecilia'].map((givenName) => newPerson(env.ctx, { givenName, workplaceId: work.id })));
    await positiveResult(env, a!, daysAgo(6));
    // Anna names Bertil as a close contact; Bertil turns positive later: a confirmed transmission.
    const anna = as(env.app, await loginCookie(env.ctx, citizenActor(a!)));
    const named = await anna({ method: 'PUT', url: '/api/tracing/my-questionnaire', payload: { answers: { household: [{ id: randomUUID(), name: 'Bertil', identityNumber: b!.identityNumber }] }, submit: true } });
    expect(named.statusCode, named.body).toBe(200);
    await positiveResult(env, b!, daysAgo(3));
    await positiveResult(env, c!, daysAgo(2));
    const cases = await Promise.all([a!, b!, c!].map((p) => caseOf(env, p.id)));
    const priorities = async () => (await env.database.query<{ priority: number }>('SELECT priority FROM tracing_cases WHERE id = ANY($1) ORDER BY priority', [cases])).map((r) => r.priority);
    expect(await priorities()).toEqual([4, 4, 4]);

    const smittskydd = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
    const proposal = (await smittskydd({ method: 'GET', url: '/api/tracing/clusters' })).json().proposals.find((p: { label: string }) => p.label === 'Verkstaden');
    const outbreak = (await smittskydd({ method: 'POST', url: '/api/tracing/outbreaks', payload: { kind: proposal.kind, key: proposal.key, label: proposal.label, caseIds: proposal.caseIds } })).json();
    expect(await priorities()).toEqual([3, 3, 3]);
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    expect((await tracer({ method: 'GET', url: `/api/tracing/cases/${cases[0]}` })).json().case.priorityReason).toBe('Utbrott: Verkstaden');

    const { graph } = (await smittskydd({ method: 'GET', url: `/api/tracing/outbreaks/${outbreak.id}` })).json();
    expect(graph.nodes.filter((n: { kind: string }) => n.kind === 'case')).toHaveLength(3);
    expect(graph.edges).toEqual([{ from: `case:${cases[0]}`, to: `case:${cases[1]}`, confirmed: true }]);

    const signal = await env.app.inject({ method: 'POST', url: '/api/tracing/signals', payload: { senderName: 'Rektor', senderContact: 'rektor@skolan.se', organisation: 'Verkstaden', subject: 'Flera sjuka', message: 'Fem anställda sjuka i veckan.' } });
    expect(signal.statusCode).toBe(200);
    expect((await env.app.inject({ method: 'POST', url: '/api/tracing/signals', payload: { senderName: 'x' } })).json().errors[0].field).toBeDefined();
    const mailbox = (await smittskydd({ method: 'GET', url: '/api/tracing/signals' })).json().signals;
    expect(mailbox[0]).toMatchObject({ subject: 'Flera sjuka', outbreakId: null });
    expect((await smittskydd({ method: 'POST', url: `/api/tracing/signals/${signal.json().id}/link`, payload: { outbreakId: outbreak.id } })).json().outbreakLabel).toBe('Verkstaden');
    const timeline = (await smittskydd({ method: 'GET', url: `/api/tracing/outbreaks/${outbreak.id}` })).json().timeline;
    expect(timeline.some((t: { kind: string; label: string }) => t.kind === 'signal' && t.label.includes('Flera sjuka'))).toBe(true);
    // A tracer reads cases, not outbreaks management.
    expect((await tracer({ method: 'POST', url: '/api/tracing/outbreaks', payload: { kind: 'workplace', key: 'x', label: 'x', caseIds: cases } })).statusCode).toBe(403);
  });
});

describe('sequencing and statistics', () => {
  it('flags severe illness and travel, counts recorded variants per week, and reports the week', async () => {
    const traveller = await newPerson(env.ctx);
    const severe = await newPerson(env.ctx);
    await positiveResult(env, traveller, daysAgo(1));
    await positiveResult(env, severe, daysAgo(1));
    await as(env.app, await loginCookie(env.ctx, citizenActor(traveller)))({ method: 'PUT', url: '/api/tracing/my-questionnaire', payload: { answers: { travelledAbroad: true, travelCountry: 'Spanien' }, submit: true } });
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    const severeCase = await caseOf(env, severe.id);
    await tracer({ method: 'POST', url: `/api/tracing/cases/${severeCase}/severity`, payload: { severeIllness: true } });
    await tracer({ method: 'POST', url: `/api/tracing/cases/${severeCase}/call`, payload: { outcome: 'reached', durationMinutes: 8 } });

    const lab = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'lab')));
    const flagged = (await lab({ method: 'GET', url: '/api/tracing/sequencing' })).json().cases as { caseId: string; reasons: string[] }[];
    expect(flagged.find((c) => c.caseId === severeCase)?.reasons).toEqual(['severeIllness']);
    const travelCase = await caseOf(env, traveller.id);
    expect(flagged.find((c) => c.caseId === travelCase)?.reasons).toEqual(['travelAbroad']);
    expect((await lab({ method: 'POST', url: `/api/tracing/sequencing/${severeCase}/variant`, payload: { variant: 'BA.2' } })).statusCode).toBe(200);
    const week = (await env.database.query<{ w: string }>("SELECT to_char(now() AT TIME ZONE 'Europe/Stockholm', 'IYYY-\"W\"IW') AS w"))[0]!.w;
    expect((await lab({ method: 'GET', url: `/api/tracing/sequencing/variants?from=${week}&to=${week}` })).json().weeks).toEqual([{ week, variant: 'BA.2', count: 1 }]);
    expect((await lab({ method: 'GET', url: '/api/tracing/sequencing/variants?from=2021-W60&to=2021-W01' })).statusCode).toBe(400);

    // Cases open on the Swedish calendar day (the UTC date is yesterday's from midnight to 01:00 or 02:00).
    const today = calendarDateInStockholm(new Date());
    const national = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'national_analyst')));
    const stats = (await national({ method: 'GET', url: `/api/tracing/statistics?from=${today}&to=${today}` })).json();
    expect(stats.weeks[0].cases).toBeGreaterThanOrEqual(2);
    // Opened today, their first calls are due tomorrow: pending, in no share yet (statistics.int.test.ts has a whole week).
    expect(stats.weeks[0]).toMatchObject({ pending: stats.weeks[0].cases, reachedInTime: { denominator: 0, share: null }, medianHoursToFirstContact: null });
    // The national analyst sees aggregates, never a case.
    expect((await national({ method: 'GET', url: `/api/tracing/cases/${severeCase}` })).statusCode).toBe(403);
  });

  it('takes the region’s rules as configuration', async () => {
    const smittskydd = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
    const rules = (await smittskydd({ method: 'GET', url: '/api/tracing/settings' })).json();
    expect(rules.clusterWindowDays).toBe(14);
    const school = rules.priorities.find((p: { setting: string }) => p.setting === 'school');
    school.priority = 1;
    expect((await smittskydd({ method: 'PUT', url: '/api/tracing/settings', payload: rules })).statusCode).toBe(200);
    const pupil = await newPerson(env.ctx, { schoolId: (await unit('school', 'Södra skolan')).id, schoolClass: '1A', birthDate: '2015-01-01' });
    await positiveResult(env, pupil, daysAgo(1));
    expect((await env.database.query<{ priority: number }>('SELECT priority FROM tracing_cases WHERE person_id = $1', [pupil.id]))[0]!.priority).toBe(1);
    const bad = await smittskydd({ method: 'PUT', url: '/api/tracing/settings', payload: { ...rules, clusterWindowDays: 0 } });
    expect(bad.json().errors[0].field).toBe('clusterWindowDays');
  });
});

describe('an outbreak created by hand', () => {
  const manual = (caseIds: string[], extra: Record<string, unknown> = {}) => ({ name: 'Lagret på Bettorp', kind: 'workplace', place: 'Bettorp lager', municipalityCode: '1880', startDate: daysAgo(5).slice(0, 10), caseIds, ...extra });

  it('is created by the tracing coordinator with cases of the region, which move up to the outbreak priority', async () => {
    const workers = await Promise.all(['Eja', 'Frans'].map((givenName) => newPerson(env.ctx, { givenName, birthDate: '1985-01-01' })));
    for (const w of workers) await positiveResult(env, w, daysAgo(3));
    const caseIds = await Promise.all(workers.map((w) => caseOf(env, w.id)));
    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracing_coordinator')));
    const res = await coordinator({ method: 'POST', url: '/api/tracing/outbreaks/manual', payload: manual(caseIds) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'workplace', label: 'Lagret på Bettorp', status: 'open', cases: 2 });
    const [row] = await env.database.query<{ origin: string; place: string; municipality_code: string; start_date: string }>('SELECT origin, place, municipality_code, start_date::text FROM tracing_outbreaks WHERE id = $1', [res.json().id]);
    expect(row).toEqual({ origin: 'manual', place: 'Bettorp lager', municipality_code: '1880', start_date: daysAgo(5).slice(0, 10) });
    const cases = await env.database.query<{ priority_reason: string | null }>('SELECT priority_reason FROM tracing_cases WHERE id = ANY($1::uuid[])', [caseIds]);
    expect(cases.map((c) => c.priority_reason)).toEqual(['Utbrott: Lagret på Bettorp', 'Utbrott: Lagret på Bettorp']);
    const listed = (await coordinator({ method: 'GET', url: '/api/tracing/outbreaks' })).json().outbreaks;
    expect(listed).toContainEqual(expect.objectContaining({ id: res.json().id, cases: 2 }));
  });

  it('refuses a case of another region or an unknown one, a start in the future and no place, naming the field; and a tracer', async () => {
    const smittskydd = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
    const elsewhere = await newPerson(env.ctx, { regionId: '01', birthDate: '1980-01-01' });
    await positiveResult(env, elsewhere, daysAgo(2));
    const otherRegionCase = await caseOf(env, elsewhere.id);
    const field = async (payload: object) => {
      const res = await smittskydd({ method: 'POST', url: '/api/tracing/outbreaks/manual', payload });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().errors[0].field as string;
    };
    expect(await field(manual([otherRegionCase]))).toBe('caseIds');
    expect(await field(manual([randomUUID()]))).toBe('caseIds');
    expect(await field(manual([], { startDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) }))).toBe('startDate');
    expect(await field(manual([], { place: undefined, municipalityCode: undefined }))).toBe('place');
    expect(await field(manual([], { kind: 'spaceship' }))).toBe('kind');
    const created = await smittskydd({ method: 'POST', url: '/api/tracing/outbreaks/manual', payload: manual([]) });
    expect(created.statusCode, created.body).toBe(201);
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    expect((await tracer({ method: 'POST', url: '/api/tracing/outbreaks/manual', payload: manual([]) })).statusCode).toBe(403);
  });
});
