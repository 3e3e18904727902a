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
    { format: 'A.b/{yy}-{serial}', ok: true },
    { format: '{yyyy}.{serial}', ok: true },
    { format: '{serial}x{yyyy}', ok: true },
  ])('$format is accepted: $ok', ({ format, ok }) => {
    expect(typeof parseCaseNumberFormat(format) !== 'string').toBe(ok);
  });

  it.each([
    ['HSN {yyyy}/{serial}', "' ' is not allowed: use letters, digits, - / . and {yy}, {yyyy}, {serial}"],
    ['{yy}R_S{serial}', "'_' is not allowed: use letters, digits, - / . and {yy}, {yyyy}, {serial}"],
    ['{yy}RS{nr}', '{nr} is not a placeholder: use {yy}, {yyyy} or {serial}'],
    ['{}RS{serial}', '{} is not a placeholder: use {yy}, {yyyy} or {serial}'],
    ['{yy}RS', 'the format needs exactly one {serial}'],
    ['{yy}RS{serial}-{serial}', 'the format needs exactly one {serial}'],
    ['RS{serial}', 'the format needs exactly one year, {yy} or {yyyy}'],
    ['{yy}-{yyyy}RS{serial}', 'the format needs exactly one year, {yy} or {yyyy}'],
    ['{yyyy}{serial}', 'put a letter or sign between {serial} and the year'],
    ['RS{serial}{yy}', 'put a letter or sign between {serial} and the year'],
  ])('%s is refused: %s', (format, reason) => {
    expect(parseCaseNumberFormat(format)).toBe(reason);
  });

  it('reads a format into its parts', () => {
    expect(parseCaseNumberFormat('HSN-{yyyy}/{serial}')).toEqual([{ kind: 'literal', text: 'HSN-' }, { kind: 'yyyy' }, { kind: 'literal', text: '/' }, { kind: 'serial' }]);
    expect(parseCaseNumberFormat(DEFAULT_CASE_NUMBER_FORMAT)).toEqual([{ kind: 'yy' }, { kind: 'literal', text: 'RS' }, { kind: 'serial' }]);
  });

  it('refuses to format or read with a broken format', () => {
    expect(() => formatCaseNumber('{yy}{serial}', 2021, 1)).toThrow('invalid case number format {yy}{serial}: put a letter or sign between {serial} and the year');
    expect(() => parseCaseNumber('RS{serial}', 'RS1')).toThrow('invalid case number format RS{serial}');
  });

  it.each([
    { format: DEFAULT_CASE_NUMBER_FORMAT, year: 2021, serial: 5471, number: '21RS5471' },
    { format: DEFAULT_CASE_NUMBER_FORMAT, year: 2009, serial: 1, number: '09RS1' },
    { format: 'HSN-{yyyy}/{serial}', year: 2022, serial: 40, number: 'HSN-2022/40' },
    { format: '{serial}-{yy}', year: 2021, serial: 12, number: '12-21' },
    { format: DEFAULT_CASE_NUMBER_FORMAT, year: 2000, serial: 9999999, number: '00RS9999999' },
    { format: DEFAULT_CASE_NUMBER_FORMAT, year: 2099, serial: 10, number: '99RS10' },
    { format: 'HSN-{yyyy}/{serial}', year: 1900, serial: 1, number: 'HSN-1900/1' },
    { format: 'HSN-{yyyy}/{serial}', year: 2199, serial: 7, number: 'HSN-2199/7' },
    { format: 'A.b/{yy}-{serial}', year: 2023, serial: 5, number: 'A.b/23-5' },
  ])('$year and $serial make $number and read back', ({ format, year, serial, number }) => {
    expect(formatCaseNumber(format, year, serial)).toBe(number);
    expect(parseCaseNumber(format, number)).toEqual({ year, serial });
  });

  it.each(['21RS', 'RS5471', '21rs5471', '21RS05471', '21RS0', '2021RS5471', ' 21RS5471', '21RS5471x', '21RS12345678', '21RS10000000', '2RS5471', 'X21RS5471'])('%s is malformed', (number) => {
    expect(parseCaseNumber(DEFAULT_CASE_NUMBER_FORMAT, number)).toBeNull();
  });

  it.each([
    ['HSN-{yyyy}/{serial}', 'HSN-1899/1'],
    ['HSN-{yyyy}/{serial}', 'HSN-2200/1'],
    ['HSN-{yyyy}/{serial}', 'HSN-22/1'],
    ['HSN-{yyyy}/{serial}', 'HSN-2022-40'],
    ['HSN-{yyyy}/{serial}', 'HSNx2022/40'],
    ['A.b/{yy}-{serial}', 'AXb/23-5'],
    ['A.b/{yy}-{serial}', 'A.b/23-5-'],
    ['{serial}-{yy}', '12-2021'],
  ])('%s does not read %s', (format, number) => {
    expect(parseCaseNumber(format, number)).toBeNull();
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
    expect(missingMemoSections(null)).toEqual(['proposal', 'summary', 'background', 'environment', 'children', 'genderEquality', 'economy', 'sendTo']);
  });
  it('flags a section left out, in the memo’s order, whatever order they come in', () => {
    const { summary: _summary, ...withoutSummary } = full;
    expect(missingMemoSections({ ...withoutSummary, sendTo: [], background: '\n' })).toEqual(['summary', 'background', 'sendTo']);
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
    ['Att Avslå motionen.', 'rejected'],
    ['att yrkandet ges avslag.', 'rejected'],
    ['att fastställa budgeten.', 'approved'],
    ['att protokollet är godkänt.', 'approved'],
    ['att bifalla motionen.', 'granted'],
    ['att anse besvarad.', 'deemed_answered'],
    ['att motionen anses härmed besvarad.', 'deemed_answered'],
    ['att motionen är besvarad.', 'answered'],
    ['att återremittera ärendet, och att bifalla yrkandet om utredning.', 'referred_back'],
    ['att anse frågan besvarad och bifalla.', 'deemed_answered'],
    ['att bifalla, att avslå resten.', 'granted'],
    ['att avslå och godkänna.', 'rejected'],
    ['att godkänna och besvara.', 'approved'],
  ])('"%s" is %s', (clause, outcome) => {
    expect(outcomeOfDecision([clause as string])).toBe(outcome);
  });
  it('reads all the clauses together', () => {
    expect(outcomeOfDecision(['att notera informationen.', 'att avslå medborgarförslaget.'])).toBe('rejected');
    expect(outcomeOfDecision(['att anse', 'medborgarförslaget besvarat.'])).toBe('deemed_answered');
    expect(outcomeOfDecision([])).toBeNull();
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
  it('says what to record when the justering is late', () => {
    expect(justeringProblem('2021-12-15', '2022-01-10', undefined)).toBe('the minutes were to be checked by 2021-12-15; record the reason for the late justering');
  });
  it.each([
    ['2021-12-16', '2022-01-06'],
    ['2022-02-20', '2022-03-13'],
    ['2024-02-20', '2024-03-12'], // leap year
    ['2021-12-20', '2022-01-10'], // over new year
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
    { decidedOn: '2021-11-02', registeredOn: '2021-10-20', meeting: 'dec' }, // registered before it was decided: the decision day counts
  ])('decided $decidedOn, registered $registeredOn → $meeting', ({ decidedOn, registeredOn, meeting }) => {
    expect(reportingMeeting({ decidedOn, registeredOn }, meetings)).toBe(meeting);
    expect(reportingMeeting({ decidedOn, registeredOn }, [...meetings].reverse())).toBe(meeting);
  });
  it('takes the first of two meetings on one day by id, and nothing without meetings', () => {
    const sameDay = [
      { id: 'm2', heldOn: '2021-12-01' },
      { id: 'm1', heldOn: '2021-12-01' },
      { id: 'm0', heldOn: '2021-12-02' },
    ];
    expect(reportingMeeting({ decidedOn: '2021-11-01', registeredOn: '2021-11-01' }, sameDay)).toBe('m1');
    expect(reportingMeeting({ decidedOn: '2021-11-01', registeredOn: '2021-11-01' }, [])).toBeNull();
  });
});

describe('overdue actions', () => {
  it.each([
    { dueOn: '2022-06-29', status: 'ongoing' as const, overdue: true },
    { dueOn: '2022-06-30', status: 'ongoing' as const, overdue: false },
    { dueOn: '2022-07-01', status: 'planned' as const, overdue: false },
    { dueOn: '2022-01-01', status: 'done' as const, overdue: false },
    { dueOn: '2022-06-29', status: 'started' as const, overdue: true },
    { dueOn: '2022-06-29', status: 'planned' as const, overdue: true },
  ])('due $dueOn, $status, on 2022-06-30: overdue $overdue', ({ dueOn, status, overdue }) => {
    expect(isOverdue({ dueOn, status }, '2022-06-30')).toBe(overdue);
  });
});
