import { describe, expect, it } from 'vitest';
import { newKitCode, formatKitCode } from '../rules.js';
import { CSV_FIELD_NAMES, parseResultsCsv } from './csv.js';
import { FHIR_FIELD_NAMES, parseResultsFhir } from './fhir.js';
import { fileFieldName, repeatedLines } from './rows.js';

const now = new Date('2021-12-10T12:00:00Z');
const kit = newKitCode();
const typo = (k: string) => k.slice(0, 12) + (k[12] === 'A' ? 'B' : 'A');

describe('CSV', () => {
  it('reads both separators, a BOM, Swedish words, NAAT, local Swedish time and quoted fields', () => {
    const semicolon = `\uFEFFkit_id;test_type;result;result_time;method\n${formatKitCode(kit)};NAAT;positiv;2021-12-05 14:30;RT-PCR\n`;
    const comma = `method,result_time,kit_id,test_type,result\r\n"RT-PCR, Cobas",2021-07-05T14:30:00+02:00,${kit.toLowerCase()},antigen,ej bedömbar\r\n`;
    expect(parseResultsCsv(Buffer.from(semicolon), now)).toEqual([
      { line: 2, ok: true, input: { line: 2, kitCode: kit, testType: 'pcr', result: 'positive', resultAt: '2021-12-05T13:30:00.000Z', method: 'RT-PCR' } },
    ]);
    expect(parseResultsCsv(comma, now)).toEqual([
      { line: 2, ok: true, input: { line: 2, kitCode: kit, testType: 'antigen', result: 'not_assessable', resultAt: '2021-07-05T12:30:00.000Z', method: 'RT-PCR, Cobas' } },
    ]);
  });

  it('rejects rows with the line, the field and a reason', () => {
    const rows = parseResultsCsv(
      [
        'kit_id;test_type;result;result_time',
        `${typo(kit)};pcr;negative;2021-12-05T10:00:00Z`,
        `${kit};lfd;negative;2021-12-05T10:00:00Z`,
        '',
        `${kit};pcr;maybe;2021-12-05T10:00:00Z`,
        `${kit};pcr;negative;2021-02-30T10:00:00Z`,
        `${kit};pcr;negative;yesterday`,
        `${kit};pcr;negative;2022-01-01T10:00:00Z`,
      ].join('\n'),
      now,
    );
    expect(rows.map((r) => (r.ok ? r.line : [r.line, r.field, r.reason]))).toEqual([
      [2, 'kit_id', expect.stringMatching(/check character/)],
      [3, 'test_type', expect.stringMatching(/unknown test type 'lfd'/)],
      [5, 'result', expect.stringMatching(/unknown result 'maybe'/)],
      [6, 'result_time', expect.stringMatching(/not a real date/)],
      [7, 'result_time', expect.stringMatching(/not an ISO-8601 time/)],
      [8, 'result_time', expect.stringMatching(/in the future/)],
    ]);
  });

  it('refuses a file without the header', () => {
    expect(() => parseResultsCsv(`${kit};pcr;negative;2021-12-05T10:00:00Z\n`, now)).toThrow(/header/);
  });
});

describe('FHIR', () => {
  const observation = (extra: Record<string, unknown>) => ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '94500-6' }] },
    valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260373001', display: 'Detected' }] },
    issued: '2021-12-05T14:30:00+01:00',
    ...extra,
  });

  it('reads DiagnosticReports with contained resources and Observations with Specimen entries; unreadable resources become rejected rows', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'DiagnosticReport',
            status: 'final',
            contained: [
              { resourceType: 'Specimen', id: 's', identifier: [{ value: formatKitCode(kit) }] },
              observation({ id: 'o', specimen: { reference: '#s' }, method: { text: 'RT-PCR' } }),
            ],
            result: [{ reference: '#o' }],
          },
        },
        { fullUrl: 'urn:uuid:spec-2', resource: { resourceType: 'Specimen', identifier: [{ system: 'urn:lagesbild:kit', value: kit }] } },
        { resource: observation({ specimen: { reference: 'urn:uuid:spec-2' }, code: { coding: [{ system: 'http://loinc.org', code: '94558-4' }] }, valueCodeableConcept: { text: 'Inconclusive' } }) },
        { resource: observation({ specimen: { reference: 'Specimen/missing' } }) },
        { resource: observation({ specimen: { reference: 'urn:uuid:spec-2' }, code: { coding: [{ system: 'http://loinc.org', code: '12345-6' }] } }) },
        { resource: { resourceType: 'Patient', id: 'p' } },
      ],
    };
    const rows = parseResultsFhir(JSON.stringify(bundle), now);
    expect(rows).toEqual([
      { line: 0, ok: true, input: { line: 0, kitCode: kit, testType: 'pcr', result: 'positive', resultAt: '2021-12-05T13:30:00.000Z', method: 'RT-PCR' } },
      { line: 2, ok: true, input: { line: 2, kitCode: kit, testType: 'antigen', result: 'not_assessable', resultAt: '2021-12-05T13:30:00.000Z', method: null } },
      { line: 3, ok: false, field: 'specimen.identifier', reason: expect.stringMatching(/neither contained nor in the Bundle/) },
      { line: 4, ok: false, field: 'code', reason: expect.stringMatching(/no known LOINC code \(got 12345-6\)/) },
    ]);
  });

  it('refuses what is not a Bundle', () => {
    expect(() => parseResultsFhir('{"resourceType":"Patient"}', now)).toThrow(/Bundle/);
    expect(() => parseResultsFhir('nope', now)).toThrow(/not JSON/);
  });
});

describe('the report', () => {
  it.each([
    [CSV_FIELD_NAMES, 'testType', 'test_type'],
    [CSV_FIELD_NAMES, 'result', 'result'],
    [CSV_FIELD_NAMES, 'kitCode', 'kit_id'],
    [FHIR_FIELD_NAMES, 'testType', 'code'],
    [FHIR_FIELD_NAMES, 'result', 'valueCodeableConcept'],
    [CSV_FIELD_NAMES, 'test_type', 'test_type'], // already the file's name (a parse error)
    [CSV_FIELD_NAMES, 'line', 'line'],
  ])('names a field as the file does: %#', (names, field, name) => expect(fileFieldName(names, field)).toBe(name));

  it('names the first line a repeated answer repeats, by kit, test type and result', () => {
    const other = newKitCode();
    const rows = parseResultsCsv(
      [
        'kit_id;test_type;result;result_time',
        `${kit};pcr;negative;2021-12-05T10:00:00Z`, // 2
        `${kit};pcr;positive;2021-12-05T10:00:00Z`, // 3 another answer: not a repeat
        `${formatKitCode(kit)};pcr;negative;2021-12-05T11:00:00Z`, // 4 repeats 2 (the kit written with dashes, another time)
        `${other};pcr;negative;2021-12-05T10:00:00Z`, // 5 another kit
        `${kit};antigen;negative;2021-12-05T10:00:00Z`, // 6 another test type
        `${kit};pcr;maybe;2021-12-05T10:00:00Z`, // 7 refused: no repeat of anything
        `${kit};pcr;negative;2021-12-05T10:00:00Z`, // 8 repeats 2, not 4
        `${kit};pcr;positive;2021-12-05T10:00:00Z`, // 9 repeats 3
      ].join('\n'),
      now,
    );
    expect([...repeatedLines(rows)]).toEqual([[4, 2], [8, 2], [9, 3]]);
  });
});
