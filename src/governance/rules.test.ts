import { describe, expect, it } from 'vitest';
import {
  appealPeriod,
  DEFAULT_CASE_NUMBER_FORMAT,
  formatCaseNumber,
  isAttClause,
  isOverdue,
  justeringProblem,
  missingMemoSections,
  outcomeOfDecision,
  parseCaseNumber,
  parseCaseNumberFormat,
  reportingMeeting,
} from './rules.js';

describe('diarienummer format', () => {
  it.each([
    { format: DEFAULT_CASE_NUMBER_FORMAT, ok: true },
    { format: 'HSN {yyyy}/{serial}', ok: false }, // a space is not allowed
    { format: 'HSN-{yyyy}/{serial}', ok: true },
    { format: '{serial}-{yy}', ok: true },
    { format: '{yy}RS', ok: false },
    { format: '{yy}RS{serial}{serial}', ok: false },
    { format: 'RS{serial}', ok: false },
    { format: '{yy}{serial}', ok: false },
    { format: '{yy}RS{nr}', ok: false },
    { format: '{yy}R_S{serial}', ok: false },
    { format: '', ok: false },
  ])('$format is accepted: $ok', ({ format, ok }) => {
    expect(typeof parseCaseNumberFormat(format) !== 'string').toBe(ok);
  });

  it.each([
    { format: DEFAULT_CASE_NUMBER_FORMAT, year: 2021, serial: 5471, number: '21RS5471' },
    { format: DEFAULT_CASE_NUMBER_FORMAT, year: 2009, serial: 1, number: '09RS1' },
    { format: 'HSN-{yyyy}/{serial}', year: 2022, serial: 40, number: 'HSN-2022/40' },
    { format: '{serial}-{yy}', year: 2021, serial: 12, number: '12-21' },
  ])('$year and $serial make $number and read back', ({ format, year, serial, number }) => {
    expect(formatCaseNumber(format, year, serial)).toBe(number);
    expect(parseCaseNumber(format, number)).toEqual({ year, serial });
  });

  it.each(['21RS', 'RS5471', '21rs5471', '21RS05471', '21RS0', '2021RS5471', ' 21RS5471', '21RS5471x', '21RS12345678'])('%s is malformed', (number) => {
    expect(parseCaseNumber(DEFAULT_CASE_NUMBER_FORMAT, number)).toBeNull();
  });
});

describe('briefing memo', () => {
  const full = {
    proposal: ['att anse medborgarförslaget besvarat.'],
    summary: 'Sammanfattning',
    background: 'Ärendets beredning',
    assessment: 'Bedömning',
    environment: 'Inga',
    children: 'Inga',
    genderEquality: 'Inga',
    economy: 'Inga',
    followUp: null,
    supportingDocuments: [],
    sendTo: [{ name: 'Förslagsställaren', email: 'a@example.se' }],
  };

  it('flags nothing on a complete memo; assessment, follow-up and supporting documents are optional', () => {
    expect(missingMemoSections(full)).toEqual([]);
    expect(missingMemoSections({ ...full, assessment: null })).toEqual([]);
  });
  it.each([
    { change: { proposal: [] }, missing: ['proposal'] },
    { change: { summary: '  ' }, missing: ['summary'] },
    { change: { children: null, economy: '' }, missing: ['children', 'economy'] },
    { change: { sendTo: [] }, missing: ['sendTo'] },
  ])('flags $missing', ({ change, missing }) => {
    expect(missingMemoSections({ ...full, ...change })).toEqual(missing);
  });
  it('flags every mandatory section when there is no memo', () => {
    expect(missingMemoSections(null)).toHaveLength(8);
  });
  it.each([
    ['att anse medborgarförslaget besvarat', true],
    ['  att  godkänna svaret', true],
    ['Att godkänna', false],
    ['attgodkänna', false],
    ['godkänna svaret', false],
  ])('"%s" is an att clause: %s', (clause, ok) => {
    expect(isAttClause(clause as string)).toBe(ok);
  });
  it.each([
    ['att anse medborgarförslaget besvarat.', 'deemed_answered'],
    ['att motionen anses besvarad.', 'deemed_answered'],
    ['att anse medborgarförslaget bifallet eftersom en bröstpump har köpts in.', 'granted'],
    ['att avslå medborgarförslaget.', 'rejected'],
    ['att förslaget till svar godkänns som Region Örebro läns svar till Socialdepartementet.', 'approved'],
    ['att ärendet återremitteras till förvaltningen.', 'referred_back'],
    ['att besvara remissen enligt förslaget.', 'answered'],
    ['att lägga informationen till handlingarna.', null],
  ])('"%s" is %s', (clause, outcome) => {
    expect(outcomeOfDecision([clause as string])).toBe(outcome);
  });
});

describe('justering and anslag', () => {
  it.each([
    { today: '2021-12-14', reason: null, ok: true },
    { today: '2021-12-15', reason: null, ok: true },
    { today: '2021-12-16', reason: null, ok: false },
    { today: '2021-12-16', reason: '  ', ok: false },
    { today: '2021-12-16', reason: 'Ordföranden var sjuk', ok: true },
  ])('deadline 2021-12-15, checked $today with reason $reason: allowed $ok', ({ today, reason, ok }) => {
    expect(justeringProblem('2021-12-15', today, reason) === null).toBe(ok);
  });
  it.each([
    ['2021-12-16', '2022-01-06'],
    ['2022-02-20', '2022-03-13'],
    ['2024-02-20', '2024-03-12'], // leap year
  ])('posted %s, appeal until %s', (posted, until) => {
    expect(appealPeriod(posted)).toEqual({ from: posted, until });
  });
});

describe('delegated decisions go to the next meeting', () => {
  const meetings = [
    { id: 'oct', heldOn: '2021-10-28' },
    { id: 'dec', heldOn: '2021-12-01' },
    { id: 'feb', heldOn: '2022-02-09' },
  ];
  it.each([
    { decidedOn: '2021-10-27', registeredOn: '2021-10-27', meeting: 'oct' },
    { decidedOn: '2021-10-28', registeredOn: '2021-10-28', meeting: 'oct' },
    { decidedOn: '2021-10-29', registeredOn: '2021-10-29', meeting: 'dec' },
    { decidedOn: '2021-10-20', registeredOn: '2021-11-02', meeting: 'dec' }, // registered after October's meeting
    { decidedOn: '2021-12-01', registeredOn: '2021-12-01', meeting: 'dec' },
    { decidedOn: '2021-12-02', registeredOn: '2021-12-02', meeting: 'feb' },
    { decidedOn: '2022-03-01', registeredOn: '2022-03-01', meeting: null },
  ])('decided $decidedOn, registered $registeredOn → $meeting', ({ decidedOn, registeredOn, meeting }) => {
    expect(reportingMeeting({ decidedOn, registeredOn }, meetings)).toBe(meeting);
  });
});

describe('overdue actions', () => {
  it.each([
    { dueOn: '2022-06-29', status: 'ongoing' as const, overdue: true },
    { dueOn: '2022-06-30', status: 'ongoing' as const, overdue: false },
    { dueOn: '2022-07-01', status: 'planned' as const, overdue: false },
    { dueOn: '2022-01-01', status: 'done' as const, overdue: false },
  ])('due $dueOn, $status, on 2022-06-30: overdue $overdue', ({ dueOn, status, overdue }) => {
    expect(isOverdue({ dueOn, status }, '2022-06-30')).toBe(overdue);
  });
});
