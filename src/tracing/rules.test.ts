import { describe, expect, it } from 'vitest';
import { balance } from './assignment.js';
import { adviceCodes, deadlines, decideCase, defaultTracingConfig, normaliseSettingName, priorityOf, SAME_CASE_DAYS, sequencingReasons, TracingConfig } from './rules.js';

const none = { careHome: null, homeCare: false, careWorkplace: null, school: null, schoolClass: null };

describe('one case per person and 90 days', () => {
  const latest = { id: 'c1', positiveTakenAt: '2021-10-01T10:00:00Z' };
  it.each([
    ['no earlier case', undefined, '2021-10-05T10:00:00Z', { kind: 'open', possibleReinfection: false, previousCaseId: null }],
    ['a positive 30 days later joins the case', latest, '2021-10-31T10:00:00Z', { kind: 'attach', caseId: 'c1' }],
    ['on day 90 it still joins', latest, '2021-12-30T10:00:00Z', { kind: 'attach', caseId: 'c1' }],
    ['on day 89 it joins', latest, '2021-12-29T10:00:00Z', { kind: 'attach', caseId: 'c1' }],
    ['a millisecond after day 90 it is a new case, possibly a reinfection', latest, '2021-12-30T10:00:00.001Z', { kind: 'open', possibleReinfection: true, previousCaseId: 'c1' }],
    ['after 90 days it is a new case, possibly a reinfection', latest, '2022-01-02T10:00:00Z', { kind: 'open', possibleReinfection: true, previousCaseId: 'c1' }],
    ['a positive taken 90 days before the case’s (registered late) joins it', latest, '2021-07-03T10:00:00Z', { kind: 'attach', caseId: 'c1' }],
    ['one taken 91 days before is another case', latest, '2021-07-02T10:00:00Z', { kind: 'open', possibleReinfection: true, previousCaseId: 'c1' }],
  ])('%s', (_, l, takenAt, expected) => expect(decideCase(l, new Date(takenAt))).toEqual(expected));

  it.each([
    ['2021-10-15T10:00:00Z', 'attach', 'day 14 of a region’s 14'],
    ['2021-10-15T10:00:01Z', 'open', 'a second after day 14'],
  ])('a region’s own window: %s is %s (%s)', (takenAt, kind) => {
    expect(decideCase(latest, new Date(takenAt), 14).kind).toBe(kind);
  });

  it('is 90 days unless the region says otherwise', () => {
    expect(SAME_CASE_DAYS).toBe(90);
    expect(defaultTracingConfig.sameCaseDays).toBe(90);
  });
});

describe('priority, explained', () => {
  it('puts health and elderly care first, schools second, the rest last', () => {
    expect(priorityOf({ ...none, careHome: 'Lindgården' })).toEqual({ priority: 1, reason: 'Vård och omsorg: bor på särskilt boende (Lindgården)' });
    expect(priorityOf({ ...none, homeCare: true }).priority).toBe(1);
    expect(priorityOf({ ...none, careWorkplace: 'Vårdcentralen Tullhus', school: 'Västra skolan' }).priority).toBe(1);
    expect(priorityOf({ ...none, school: 'Västra skolan', schoolClass: '7B' })).toEqual({ priority: 2, reason: 'Skola: Västra skolan, klass 7B' });
    expect(priorityOf(none)).toEqual({ priority: 4, reason: 'Övriga' });
  });

  it.each([
    [{ careHome: 'Lindgården' }, 1, 'Vård och omsorg: bor på särskilt boende (Lindgården)'],
    [{ homeCare: true }, 1, 'Vård och omsorg: har hemtjänst'],
    [{ careWorkplace: 'Vårdcentralen Tullhus' }, 1, 'Vård och omsorg: arbetar på Vårdcentralen Tullhus'],
    [{ school: 'Västra skolan' }, 2, 'Skola: Västra skolan'],
    [{ school: 'Västra skolan', schoolClass: '7B' }, 2, 'Skola: Västra skolan, klass 7B'],
    [{ schoolClass: '7B' }, 4, 'Övriga'],
    [{ outbreak: 'Utbrott på Lindgården' }, 3, 'Utbrott: Utbrott på Lindgården'],
    [{ outbreak: null }, 4, 'Övriga'],
    [{ school: 'Västra skolan', outbreak: 'Västra skolan v. 49' }, 2, 'Skola: Västra skolan'],
  ])('by default %j gives priority %d: %s', (settings, priority, reason) => {
    expect(priorityOf({ ...none, ...settings })).toEqual({ priority, reason });
  });

  it('gives the most urgent matching rule, whatever its place in the region’s list', () => {
    const config = {
      priorities: [
        { setting: 'school', priority: 5 },
        { setting: 'outbreak', priority: 2 },
        { setting: 'care_home', priority: 3 },
      ],
      otherPriority: 7,
    } as const;
    const person = { ...none, careHome: 'Lindgården', school: 'Västra skolan', outbreak: 'Lindgården v. 49' };
    expect(priorityOf(person, { ...config, priorities: [...config.priorities] })).toEqual({ priority: 2, reason: 'Utbrott: Lindgården v. 49' });
    expect(priorityOf({ ...person, outbreak: null }, { ...config, priorities: [...config.priorities] })).toEqual({ priority: 3, reason: 'Vård och omsorg: bor på särskilt boende (Lindgården)' });
    expect(priorityOf(none, { ...config, priorities: [...config.priorities] })).toEqual({ priority: 7, reason: 'Övriga' });
  });

  it('keeps the first of two equally urgent rules', () => {
    const priorities = [
      { setting: 'home_care', priority: 1 },
      { setting: 'care_home', priority: 1 },
    ] as TracingConfig['priorities'];
    expect(priorityOf({ ...none, careHome: 'Lindgården', homeCare: true }, { priorities, otherPriority: 4 }).reason).toBe('Vård och omsorg: har hemtjänst');
  });

  it('gives a setting the region has left out of its list no priority', () => {
    const priorities: TracingConfig['priorities'] = [{ setting: 'school', priority: 2 }];
    expect(priorityOf({ ...none, careHome: 'Lindgården' }, { priorities, otherPriority: 6 })).toEqual({ priority: 6, reason: 'Övriga' });
  });
});

describe('a region’s tracing configuration', () => {
  it('defaults to the seed’s order and every sequencing criterion', () => {
    expect(defaultTracingConfig).toEqual({
      sameCaseDays: 90,
      priorities: [
        { setting: 'care_home', priority: 1 },
        { setting: 'home_care', priority: 1 },
        { setting: 'care_workplace', priority: 1 },
        { setting: 'school', priority: 2 },
        { setting: 'outbreak', priority: 3 },
      ],
      otherPriority: 4,
      clusterWindowDays: 14,
      clusterMinCases: 3,
      sequencing: { travelAbroad: true, cluster: true, reinfection: true, vaccineBreakthrough: true, severeIllness: true },
    });
  });

  it('fills in only what a region left out', () => {
    expect(TracingConfig.parse({ sequencing: { cluster: false } }).sequencing).toEqual({ travelAbroad: true, cluster: false, reinfection: true, vaccineBreakthrough: true, severeIllness: true });
    expect(TracingConfig.parse({ sequencing: {} }).sequencing).toEqual({ travelAbroad: true, cluster: true, reinfection: true, vaccineBreakthrough: true, severeIllness: true });
    expect(TracingConfig.parse({ otherPriority: 5 })).toEqual({ ...defaultTracingConfig, otherPriority: 5 });
  });

  it.each([
    ['sameCaseDays', 0, false],
    ['sameCaseDays', 1, true],
    ['sameCaseDays', 365, true],
    ['sameCaseDays', 366, false],
    ['sameCaseDays', 30.5, false],
    ['otherPriority', 0, false],
    ['otherPriority', 1, true],
    ['otherPriority', 9, true],
    ['otherPriority', 10, false],
    ['otherPriority', 2.5, false],
    ['clusterWindowDays', 0, false],
    ['clusterWindowDays', 1, true],
    ['clusterWindowDays', 60, true],
    ['clusterWindowDays', 61, false],
    ['clusterWindowDays', 7.5, false],
    ['clusterMinCases', 1, false],
    ['clusterMinCases', 2, true],
    ['clusterMinCases', 100, true],
    ['clusterMinCases', 101, false],
    ['clusterMinCases', 2.5, false],
    ['unknownLimit', 3, false],
  ])('%s = %d is %s', (key, value, ok) => {
    expect(TracingConfig.safeParse({ [key]: value }).success).toBe(ok);
  });

  it.each([
    [[{ setting: 'school', priority: 0 }], false],
    [[{ setting: 'school', priority: 1 }], true],
    [[{ setting: 'school', priority: 9 }], true],
    [[{ setting: 'school', priority: 10 }], false],
    [[{ setting: 'school', priority: 1.5 }], false],
    [[{ setting: 'church', priority: 1 }], false],
    [[{ setting: 'school', priority: 1, note: 'x' }], false],
    [[], true],
  ])('priorities %j: %s', (priorities, ok) => {
    expect(TracingConfig.safeParse({ priorities }).success).toBe(ok);
  });

  it('refuses an unknown sequencing criterion', () => {
    expect(TracingConfig.safeParse({ sequencing: { astrology: true } }).success).toBe(false);
    expect(TracingConfig.safeParse({ sequencing: { travelAbroad: 'yes' } }).success).toBe(false);
  });
});

describe('sequencing criteria', () => {
  const all = { travelAbroad: true, cluster: true, reinfection: true, vaccineBreakthrough: true, severeIllness: true };
  const no = { travelAbroad: false, cluster: false, reinfection: false, vaccineBreakthrough: false, severeIllness: false };
  it.each([
    [all, all, ['travelAbroad', 'cluster', 'reinfection', 'vaccineBreakthrough', 'severeIllness']],
    [{ ...no, cluster: true, severeIllness: true }, all, ['cluster', 'severeIllness']],
    [all, { ...all, cluster: false, travelAbroad: false }, ['reinfection', 'vaccineBreakthrough', 'severeIllness']],
    [{ ...no, reinfection: true }, { ...all, reinfection: false }, []],
    [no, all, []],
    [all, no, []],
  ])('facts %j with criteria %j: %j', (facts, config, reasons) => {
    expect(sequencingReasons(facts, config)).toEqual(reasons);
  });
});

describe('setting names as cluster keys', () => {
  it.each([
    ['Västra skolan', 'västra skolan'],
    ['  Västra  Skolan ', 'västra skolan'],
    ['ÅSBRO\tSKOLA\n7B', 'åsbro skola 7b'],
    ['Lindgården', 'lindgården'],
  ])('%j is %j', (name, key) => {
    expect(normaliseSettingName(name)).toBe(key);
  });
});

describe('advice', () => {
  it('has one code per rule of conduct', () => {
    expect(adviceCodes).toEqual(['stay-home', 'avoid-risk-groups', 'inform-contacts', 'household-test', 'seek-care']);
  });
});

describe('deadlines', () => {
  it('sends the questionnaire within the hour and calls by the end of the next day, Swedish time', () => {
    const d = deadlines(new Date('2021-12-05T22:30:00Z')); // Sunday 23:30 in Stockholm
    expect(d.questionnaireDueAt.toISOString()).toBe('2021-12-05T23:30:00.000Z');
    expect(d.firstCallDueAt.toISOString()).toBe('2021-12-06T23:00:00.000Z'); // Tuesday 00:00 in Stockholm
  });

  it.each([
    ['2021-12-05T23:00:00Z', '2021-12-06T00:00:00.000Z', '2021-12-07T23:00:00.000Z', 'Monday 00:00 in Stockholm: by the end of Tuesday'],
    ['2021-12-05T22:59:59Z', '2021-12-05T23:59:59.000Z', '2021-12-06T23:00:00.000Z', 'Sunday 23:59:59: by the end of Monday'],
    ['2021-11-30T10:00:00Z', '2021-11-30T11:00:00.000Z', '2021-12-01T23:00:00.000Z', 'over a month’s end'],
    ['2021-03-27T10:00:00Z', '2021-03-27T11:00:00.000Z', '2021-03-28T22:00:00.000Z', 'over the change to summer time'],
    ['2021-12-31T12:00:00Z', '2021-12-31T13:00:00.000Z', '2022-01-01T23:00:00.000Z', 'over a year’s end'],
  ])('opened %s: questionnaire by %s, first call by %s (%s)', (openedAt, questionnaire, firstCall) => {
    const d = deadlines(new Date(openedAt));
    expect(d.questionnaireDueAt.toISOString()).toBe(questionnaire);
    expect(d.firstCallDueAt.toISOString()).toBe(firstCall);
  });
});

describe('balancing the queue', () => {
  it('gives each case to the tracer with the fewest open cases', () => {
    const tracers = [
      { id: 'a', name: 'Ali', openCases: 3 },
      { id: 's', name: 'Sara', openCases: 0 },
    ];
    const result = balance([{ id: '1' }, { id: '2' }, { id: '3' }, { id: '4' }, { id: '5' }], tracers);
    expect([...result.values()]).toEqual(['s', 's', 's', 'a', 's']);
    expect(balance([{ id: '1' }], [])).toEqual(new Map());
  });

  it('breaks ties by name, whatever the tracers’ order, and does not change the tracers given', () => {
    const tracers = [
      { id: 'z', name: 'Zelda', openCases: 1 },
      { id: 'b', name: 'Bo', openCases: 1 },
      { id: 'e', name: 'Eva', openCases: 2 },
    ];
    const result = balance([{ id: '1' }, { id: '2' }, { id: '3' }, { id: '4' }], tracers);
    expect([...result.entries()]).toEqual([
      ['1', 'b'],
      ['2', 'z'],
      ['3', 'b'],
      ['4', 'e'],
    ]);
    expect(tracers.map((t) => t.openCases)).toEqual([1, 1, 2]);
    expect(balance([], tracers)).toEqual(new Map());
  });
});
