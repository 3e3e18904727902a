import { describe, expect, it } from 'vitest';
import { adverseEventProblems, criterionTerm, symptomTerm, type AdverseEventInput } from './rules.js';

const dose = { administeredAt: '2026-12-07T09:00:00.000Z' };
const now = new Date('2026-12-08T12:00:00.000Z');
const ok: AdverseEventInput = { symptoms: ['fever'], onsetAt: '2026-12-07T20:00:00.000Z', serious: false, seriousCriteria: [] };
const fields = (input: Partial<AdverseEventInput>) => adverseEventProblems({ ...ok, ...input }, dose, now).map((p) => p.field);

describe('adverseEventProblems', () => {
  it.each<[string, Partial<AdverseEventInput>, string[]]>([
    ['a plain non-serious report', {}, []],
    ['onset a minute before the dose', { onsetAt: '2026-12-07T08:59:00.000Z' }, ['onsetAt']],
    ['onset at the moment of the dose', { onsetAt: '2026-12-07T09:00:00.000Z' }, []],
    ['onset a minute after the dose', { onsetAt: '2026-12-07T09:01:00.000Z' }, []],
    ['onset the day before, as an offset time', { onsetAt: '2026-12-06T23:00:00+01:00' }, ['onsetAt']],
    ['onset now', { onsetAt: '2026-12-08T12:00:00.000Z' }, []],
    ['onset five minutes ahead (clock skew)', { onsetAt: '2026-12-08T12:05:00.000Z' }, []],
    ['onset six minutes ahead', { onsetAt: '2026-12-08T12:06:00.000Z' }, ['onsetAt']],
    ['no symptom', { symptoms: [] }, ['symptoms']],
    ['an unknown symptom code', { symptoms: ['fever', 'zombie'] }, ['symptoms']],
    ['a symptom twice', { symptoms: ['fever', 'fever'] }, ['symptoms']],
    ['other with a description', { symptoms: ['other'], description: 'Yrsel' }, []],
    ['other without a description', { symptoms: ['other'] }, ['description']],
    ['other with only spaces', { symptoms: ['other'], description: '   ' }, ['description']],
    ['serious with a criterion', { serious: true, seriousCriteria: ['hospitalisation'] }, []],
    ['serious with every criterion', { serious: true, seriousCriteria: ['death', 'life_threatening', 'hospitalisation', 'disability', 'congenital_anomaly', 'medically_important'] }, []],
    ['serious without a criterion', { serious: true, seriousCriteria: [] }, ['seriousCriteria']],
    ['non-serious with a criterion', { serious: false, seriousCriteria: ['death'] }, ['seriousCriteria']],
    ['an unknown criterion', { serious: true, seriousCriteria: ['boredom'] }, ['seriousCriteria']],
    ['a criterion twice', { serious: true, seriousCriteria: ['death', 'death'] }, ['seriousCriteria']],
    ['everything wrong at once', { symptoms: ['zombie'], onsetAt: '2026-12-01T00:00:00.000Z', serious: true }, ['symptoms', 'onsetAt', 'seriousCriteria']],
  ])('%s', (_name, input, expected) => {
    expect(fields(input)).toEqual(expected);
  });

  it('names the field and the reason in each message', () => {
    expect(adverseEventProblems({ ...ok, symptoms: ['zombie'] }, dose, now)).toEqual([{ field: 'symptoms', message: 'symptoms: unknown symptom code zombie' }]);
    expect(adverseEventProblems({ ...ok, onsetAt: '2026-12-07T08:00:00.000Z' }, dose, now)[0]!.message).toBe('onsetAt: is before the dose was given (2026-12-07T09:00:00.000Z)');
    expect(adverseEventProblems({ ...ok, serious: true }, dose, now)[0]!.message).toMatch(/^seriousCriteria: a serious event names at least one criterion/);
  });

  it('gives the terms of known codes, and the code itself for an unknown one', () => {
    expect(symptomTerm('fever')).toEqual({ code: 'fever', sv: 'Feber', en: 'Fever' });
    expect(criterionTerm('death')).toEqual({ code: 'death', sv: 'Dödsfall', en: 'Death' });
    expect(symptomTerm('x')).toEqual({ code: 'x', sv: 'x', en: 'x' });
  });
});
