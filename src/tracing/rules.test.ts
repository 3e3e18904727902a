import { describe, expect, it } from 'vitest';
import { balance } from './assignment.js';
import { deadlines, decideCase, priorityOf } from './rules.js';

const none = { careHome: null, homeCare: false, careWorkplace: null, school: null, schoolClass: null };

describe('one case per person and 90 days', () => {
  const latest = { id: 'c1', positiveTakenAt: '2021-10-01T10:00:00Z' };
  it.each([
    ['no earlier case', undefined, '2021-10-05T10:00:00Z', { kind: 'open', possibleReinfection: false, previousCaseId: null }],
    ['a positive 30 days later joins the case', latest, '2021-10-31T10:00:00Z', { kind: 'attach', caseId: 'c1' }],
    ['on day 90 it still joins', latest, '2021-12-30T10:00:00Z', { kind: 'attach', caseId: 'c1' }],
    ['after 90 days it is a new case, possibly a reinfection', latest, '2022-01-02T10:00:00Z', { kind: 'open', possibleReinfection: true, previousCaseId: 'c1' }],
  ])('%s', (_, l, takenAt, expected) => expect(decideCase(l, new Date(takenAt))).toEqual(expected));
});

describe('priority, explained', () => {
  it('puts health and elderly care first, schools second, the rest last', () => {
    expect(priorityOf({ ...none, careHome: 'Lindgården' })).toEqual({ priority: 1, reason: 'Vård och omsorg: bor på särskilt boende (Lindgården)' });
    expect(priorityOf({ ...none, homeCare: true }).priority).toBe(1);
    expect(priorityOf({ ...none, careWorkplace: 'Vårdcentralen Tullhus', school: 'Västra skolan' }).priority).toBe(1);
    expect(priorityOf({ ...none, school: 'Västra skolan', schoolClass: '7B' })).toEqual({ priority: 2, reason: 'Skola: Västra skolan, klass 7B' });
    expect(priorityOf(none)).toEqual({ priority: 4, reason: 'Övriga' });
  });
});

describe('deadlines', () => {
  it('sends the questionnaire within the hour and calls by the end of the next day, Swedish time', () => {
    const d = deadlines(new Date('2021-12-05T22:30:00Z')); // Sunday 23:30 in Stockholm
    expect(d.questionnaireDueAt.toISOString()).toBe('2021-12-05T23:30:00.000Z');
    expect(d.firstCallDueAt.toISOString()).toBe('2021-12-06T23:00:00.000Z'); // Tuesday 00:00 in Stockholm
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
});
