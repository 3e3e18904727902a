import { describe, expect, it } from 'vitest';
import {
  capacityLevel,
  checkKitCode,
  formatKitCode,
  isIsoWeek,
  isoWeekDates,
  isoWeekOf,
  newKitCode,
  rateFor,
  resultMessage,
  resultNotice,
  sampleStatus,
  type Rate,
} from './rules.js';

describe('ISO weeks in Swedish time', () => {
  it.each([
    // Stockholm is UTC+1 in winter, UTC+2 in summer: the week turns at Swedish midnight, not at UTC's.
    ['2021-12-12T22:30:00Z', '2021-W49', 'Sunday 23:30 in Stockholm'],
    ['2021-12-12T23:30:00Z', '2021-W50', 'Monday 00:30 in Stockholm, still Sunday in UTC'],
    ['2021-06-13T21:59:00Z', '2021-W23', 'Sunday 23:59 summer time'],
    ['2021-06-13T22:00:00Z', '2021-W24', 'Monday 00:00 summer time'],
    ['2021-01-03T12:00:00Z', '2020-W53', 'a Sunday in January belongs to the previous year'],
    ['2021-01-04T12:00:00Z', '2021-W01', 'the Monday after is week 1'],
    ['2024-12-29T12:00:00Z', '2024-W52', 'the last Sunday of 2024'],
    ['2024-12-30T12:00:00Z', '2025-W01', 'a Monday in December in next year’s week 1'],
    ['2026-01-01T12:00:00Z', '2026-W01', 'a Thursday 1 January is week 1'],
    ['2027-01-01T12:00:00Z', '2026-W53', 'a Friday 1 January is the previous year’s week 53'],
    ['2021-03-07T12:00:00Z', '2021-W09', 'Sunday: day 7, not day 0'],
    ['2021-03-08T12:00:00Z', '2021-W10', 'the Monday after'],
  ])('%s is in %s (%s)', (at, week) => {
    expect(isoWeekOf(new Date(at))).toBe(week);
  });

  it.each([
    ['2021-W49', '2021-12-06', '2021-12-12'],
    ['2021-W01', '2021-01-04', '2021-01-10'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    // 4 January 2015 is a Sunday (day 0 in JavaScript, 7 in ISO): week 1 starts the Monday before.
    ['2015-W01', '2014-12-29', '2015-01-04'],
    // 4 January 2021 is a Monday: week 1 starts on that day.
    ['2021-W02', '2021-01-11', '2021-01-17'],
  ])('%s runs from Monday %s to Sunday %s', (week, monday, sunday) => {
    expect(isoWeekDates(week)).toEqual({ monday, sunday });
  });

  it.each(['2021-49', '2021-W4', 'x2021-W49', '2021-W491'])('isoWeekDates refuses %s', (week) => {
    expect(() => isoWeekDates(week)).toThrow(new RangeError(`not an ISO week: ${week}`));
  });

  it.each([
    ['2021-W49', true],
    ['2021-W01', true],
    ['2020-W53', true], // a 53-week year
    ['2026-W53', true],
    ['2021-W53', false], // 2021 has 52 weeks
    ['2021-W52', true],
    ['2021-W00', false],
    ['2021-W54', false],
    ['2021-W4', false],
    ['2021-W049', false],
    [' 2021-W49', false],
    ['2021-W49 ', false],
    ['week 49', false],
  ])('isIsoWeek(%s) is %s', (week, ok) => {
    expect(isIsoWeek(week)).toBe(ok);
  });
});

describe('kit codes', () => {
  // Luhn mod 32 over Crockford's alphabet 0–9 A–H J K M N P–T V–Z (values 0–31), by hand, from the right:
  // factor 2, 1, 2, …; each product p adds floor(p / 32) + p % 32; check = (32 − sum % 32) % 32.
  // 7H2KM9PQ4R8T = 7 17 2 19 20 9 22 23 4 24 8 26:
  //   T 26·2=52 → 1+20=21, 8 → 8, R 24·2=48 → 1+16=17, 4 → 4, Q 23·2=46 → 1+14=15, P → 22,
  //   9·2=18 → 18, M → 20, K 19·2=38 → 1+6=7, 2 → 2, H 17·2=34 → 1+2=3, 7 → 7; sum 144, 144 % 32 = 16,
  //   check (32 − 16) % 32 = 16 = G.
  // ZZZZZZZZZZZZ: six pairs of (31·2=62 → 1+30=31) + 31 = 372, 372 % 32 = 20, check 12 = C.
  // 000000000001: 1·2 = 2, check 30 = Y.   000000000000: sum 0, check (32 − 0) % 32 = 0.
  it.each([
    ['7H2KM9PQ4R8TG', '7H2KM9PQ4R8TG'],
    ['ZZZZZZZZZZZZC', 'ZZZZZZZZZZZZC'],
    ['000000000001Y', '000000000001Y'],
    ['0000000000000', '0000000000000'],
    ['7h2k-m9pq-4r8t-g', '7H2KM9PQ4R8TG'],
    ['  7H2K M9PQ 4R8T G  ', '7H2KM9PQ4R8TG'],
    ['https://1177.se/kit/7H2K-M9PQ-4R8T-G', '7H2KM9PQ4R8TG'],
    ['https://1177.se/registrera?kit=7H2K-M9PQ-4R8T-G', '7H2KM9PQ4R8TG'],
    ['OOOOOOOOOOOIY', '000000000001Y'],
  ])('accepts %s as %s', (input, code) => {
    expect(checkKitCode(input)).toEqual({ ok: true, code });
  });

  it('reads O as 0 and both I and L as 1, in either case', () => {
    // 00000000001 then 0 … : body 000000000010, check: the 1 gets factor 1 → sum 1, check 31 = Z.
    expect(checkKitCode('oooooooooo1oz')).toEqual({ ok: true, code: '000000000010Z' });
    expect(checkKitCode('00000000000LY')).toEqual({ ok: true, code: '000000000001Y' });
    expect(checkKitCode('00000000000iY')).toEqual({ ok: true, code: '000000000001Y' });
  });

  it.each([
    ['7H2KM9PQ4R8T', 'a kit id has 13 characters (XXXX-XXXX-XXXX-C); this has 12'],
    ['7H2KM9PQ4R8TGG', 'a kit id has 13 characters (XXXX-XXXX-XXXX-C); this has 14'],
    ['', 'a kit id has 13 characters (XXXX-XXXX-XXXX-C); this has 0'],
    ['7H2KM9PQ4R8TU', "'U' cannot occur in a kit id"],
    ['7H2KM9PQ4R8_G', "'_' cannot occur in a kit id"],
    ['7H2KM9PQ4R8TH', 'the check character does not match: a character is mistyped'],
    ['7H2KM9PQ4R8TF', 'the check character does not match: a character is mistyped'],
    ['7H2KM9PQ4R9TG', 'the check character does not match: a character is mistyped'],
    ['H72KM9PQ4R8TG', 'the check character does not match: a character is mistyped'],
    ['ZZZZZZZZZZZZB', 'the check character does not match: a character is mistyped'],
  ])('refuses %s: %s', (input, reason) => {
    expect(checkKitCode(input)).toEqual({ ok: false, reason });
  });

  it('makes a code from 12 random bytes (each taken mod 32) and its check character', () => {
    const bytes = [7, 17 + 32, 2 + 64, 19 + 96, 20 + 128, 9 + 160, 22 + 192, 23 + 224, 4, 24, 8, 26];
    const asked: number[] = [];
    const code = newKitCode((n) => {
      asked.push(n);
      return Buffer.from(bytes);
    });
    expect(asked).toEqual([12]);
    expect(code).toBe('7H2KM9PQ4R8TG');
    expect(checkKitCode(newKitCode())).toMatchObject({ ok: true });
  });

  it('prints a code in groups of four', () => {
    expect(formatKitCode('7H2KM9PQ4R8TG')).toBe('7H2K-M9PQ-4R8T-G');
  });
});

describe('sample status as the citizen sees it', () => {
  it.each([
    [{ receivedAt: null, result: null, answeredAt: null }, 'registered'],
    [{ receivedAt: '2021-12-01T08:00:00Z', result: null, answeredAt: null }, 'received'],
    [{ receivedAt: '2021-12-01T08:00:00Z', result: 'positive', answeredAt: null }, 'analysed'],
    [{ receivedAt: null, result: 'negative', answeredAt: null }, 'analysed'],
    [{ receivedAt: '2021-12-01T08:00:00Z', result: 'positive', answeredAt: '2021-12-01T12:00:00Z' }, 'answered'],
    [{ receivedAt: null, result: null, answeredAt: '2021-12-01T12:00:00Z' }, 'answered'],
  ] as const)('%j is %s', (s, status) => {
    expect(sampleStatus(s)).toBe(status);
  });
});

describe('the answer to the citizen', () => {
  // 23:30 UTC on 30 November is 1 December in Stockholm: the date in the message is the Swedish one.
  const takenAt = '2021-11-30T23:30:00Z';

  it.each([
    ['pcr', 'positive', 'Provsvar: PCR-test (covid-19) 2021-12-01', ['Ditt prov från 2021-12-01 visar att du har covid-19.', 'Förhållningsregler: stanna hemma', 'En smittspårare kommer att kontakta dig', 'Ring 112']],
    ['pcr', 'negative', 'Provsvar: PCR-test (covid-19) 2021-12-01', ['Ditt prov från 2021-12-01 visar inte covid-19.', 'Om du har symtom']],
    ['antigen', 'not_assessable', 'Provsvar: antigentest (covid-19) 2021-12-01', ['Ditt prov från 2021-12-01 kunde inte bedömas (ej bedömbart). Ta ett nytt prov']],
    ['antigen', 'positive', 'Provsvar: antigentest (covid-19) 2021-12-01', ['visar att du har covid-19']],
    ['serology', 'positive', 'Provsvar: antikroppstest (covid-19) 2021-12-01', ['Antikroppar mot covid-19 påvisades.', 'Testet visar inte om du är smittsam nu.', '\n\nProvet togs 2021-12-01.']],
    ['serology', 'negative', 'Provsvar: antikroppstest (covid-19) 2021-12-01', ['Inga antikroppar mot covid-19 påvisades.\n\nProvet togs 2021-12-01.']],
    ['serology', 'not_assessable', 'Provsvar: antikroppstest (covid-19) 2021-12-01', ['Provet kunde inte bedömas. Gör om testet']],
  ] as const)('%s %s', (testType, result, subject, parts) => {
    const message = resultMessage(testType, result, takenAt);
    expect(message.subject).toBe(subject);
    for (const part of parts) expect(message.body).toContain(part);
  });

  it('keeps the positive advice in separate paragraphs, and says nothing of a positive to a negative', () => {
    expect(resultMessage('pcr', 'positive', takenAt).body.split('\n\n')).toHaveLength(4);
    expect(resultMessage('pcr', 'negative', takenAt).body).not.toContain('smittspårare');
    expect(resultMessage('serology', 'negative', takenAt).body).not.toContain('sannolikt');
  });

  it('the notice by SMS or e-mail never carries the answer', () => {
    expect(resultNotice()).toEqual({
      subject: 'Ditt provsvar finns i 1177',
      body: 'Ditt provsvar finns nu i din inkorg på 1177.se. Logga in med e-legitimation för att läsa det. Hälsningar, Lägesbild',
    });
    expect(resultNotice('en')).toEqual({ subject: 'Your test result is in 1177', body: 'Your test result is now in your inbox at 1177.se. Log in with e-ID to read it. Regards, Lägesbild' });
    for (const lang of ['sv', 'en'] as const) expect(`${resultNotice(lang).subject} ${resultNotice(lang).body}`).not.toMatch(/positiv|negativ|covid/i);
  });

  it('writes the answer in the language the citizen chose, and only in it', () => {
    const message = resultMessage('pcr', 'positive', takenAt, 'en');
    expect(message.subject).toBe('Test result: PCR test (COVID-19) 2021-12-01');
    expect(message.body.split('\n\n')).toEqual([
      'Your sample from 2021-12-01 shows that you have COVID-19.',
      expect.stringMatching(/^Rules of conduct: stay at home/),
      expect.stringMatching(/^A contact tracer will contact you/),
      expect.stringMatching(/Call 112 in an emergency\.$/),
    ]);
    expect(resultMessage('serology', 'negative', takenAt, 'en').body).toBe('No antibodies against COVID-19 were found.\n\nThe sample was taken on 2021-12-01.');
    expect(`${message.subject} ${message.body}`).not.toMatch(/Provsvar|prov från/);
  });
});

describe('capacity level', () => {
  it.each([
    [0, 0, 'ok'], // no capacity, no demand
    [1, 0, 'over'], // no capacity, some demand
    [0, -5, 'ok'], // negative capacity counts as none
    [1, -5, 'over'],
    [89, 100, 'ok'],
    [90, 100, 'ok'], // exactly 90 %
    [91, 100, 'warning'], // just above 90 %
    [100, 100, 'warning'], // exactly full
    [101, 100, 'over'],
    [9, 10, 'ok'], // exactly 90 % of a small capacity
    [10, 10, 'warning'],
    [11, 10, 'over'],
  ] as const)('demand %d of capacity %d is %s', (demand, capacity, level) => {
    expect(capacityLevel(demand, capacity)).toBe(level);
  });
});

describe('the standard sum (schablon) for a test', () => {
  const rates: Rate[] = [
    { testType: 'pcr', validFrom: '2021-01-01', validTo: '2021-06-30', sek: 1400, staffCollectedOnly: false },
    { testType: 'pcr', validFrom: '2021-07-01', validTo: null, sek: 1000, staffCollectedOnly: false },
    { testType: 'antigen', validFrom: '2021-01-01', validTo: '2021-12-31', sek: 250, staffCollectedOnly: true },
  ];

  it.each([
    ['pcr', '2020-12-31', 'self', 'no standard sum for pcr on 2020-12-31'],
    ['pcr', '2021-01-01', 'self', 1400],
    ['pcr', '2021-06-30', 'self', 1400],
    ['pcr', '2021-07-01', 'self', 1000],
    ['pcr', '2030-01-01', 'staff', 1000],
    ['antigen', '2021-12-31', 'staff', 250],
    ['antigen', '2022-01-01', 'staff', 'no standard sum for antigen on 2022-01-01'],
    ['antigen', '2021-06-01', 'self', 'antigen is reimbursed only when healthcare staff took the sample'],
    ['serology', '2021-06-01', 'staff', 'no standard sum for serology on 2021-06-01'],
  ] as const)('%s taken %s (%s): %s', (testType, takenOn, collection, expected) => {
    const outcome = rateFor(rates, testType, takenOn, collection);
    if (typeof expected === 'number') expect(outcome).toEqual({ rate: expect.objectContaining({ testType, sek: expected }) });
    else expect(outcome).toEqual({ excluded: expected });
  });
});
