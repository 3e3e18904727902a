import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { render, type Text } from '../platform/text/index.js';
import { findCriteria } from './search-rules.js';

const TODAY = '2025-06-15';
type Query = Parameters<typeof findCriteria>[0];

/** The field a refused search names, or the criteria it becomes. */
const outcome = (q: Query) => {
  try {
    return findCriteria(q, TODAY);
  } catch (e) {
    if (e instanceof AppError) return { refused: e.errors[0]!.field };
    throw e;
  }
};

describe('a staff search is narrow enough to find one person', () => {
  it.each<[string, Query, unknown]>([
    ['the identity number alone', { identityNumber: ' 19800517-1234 ' }, { by: 'identityNumber', identityNumber: '19800517-1234' }],
    ['a name and the birth date', { name: ' Anna  Svensson ', birthDate: '1980-05-17' }, { by: 'name', words: ['Anna', 'Svensson'], birthDate: '1980-05-17' }],
    ['two-letter names', { name: 'Bo Ek', birthDate: '1950-01-01' }, { by: 'name', words: ['Bo', 'Ek'], birthDate: '1950-01-01' }],
    ['hyphens and apostrophes inside a name', { name: "Anna-Karin O'Brien", birthDate: '1980-05-17' }, { by: 'name', words: ['Anna-Karin', "O'Brien"], birthDate: '1980-05-17' }],
    ['born today', { name: 'Åsa Öberg', birthDate: TODAY }, { by: 'name', words: ['Åsa', 'Öberg'], birthDate: TODAY }],
    ['four names', { name: 'Ab Cd Ef Gh', birthDate: '1980-05-17' }, { by: 'name', words: ['Ab', 'Cd', 'Ef', 'Gh'], birthDate: '1980-05-17' }],
    ['nothing', {}, { refused: 'identityNumber' }],
    ['blanks only', { identityNumber: '  ', name: ' ' }, { refused: 'identityNumber' }],
    ['a name without the birth date', { name: 'Anna Svensson' }, { refused: 'birthDate' }],
    ['a birth date without a name', { birthDate: '1980-05-17' }, { refused: 'name' }],
    ['a one-letter name', { name: 'A', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['a one-letter word beside a full one', { name: 'Anna S', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['a wildcard', { name: 'Sven*', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['a SQL wildcard', { name: 'Sv%', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['an underscore', { name: 'S_en', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['digits in a name', { name: 'Anna 1980', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['a lone hyphen', { name: 'Anna -', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['five names', { name: 'Ab Cd Ef Gh Ij', birthDate: '1980-05-17' }, { refused: 'name' }],
    ['a birth date tomorrow', { name: 'Anna Svensson', birthDate: '2025-06-16' }, { refused: 'birthDate' }],
    ['the number and a name', { identityNumber: '19800517-1234', name: 'Anna' }, { refused: 'name' }],
    ['the number and a birth date', { identityNumber: '19800517-1234', birthDate: '1980-05-17' }, { refused: 'birthDate' }],
  ])('%s', (_, q, expected) => {
    expect(outcome(q)).toEqual(expected);
  });

  it('says in Swedish and English what to give', () => {
    const refused = (() => {
      try {
        findCriteria({ name: 'Anna Svensson' }, TODAY);
      } catch (e) {
        return (e as AppError).errors[0]!;
      }
      throw new Error('not refused');
    })();
    expect(refused.field).toBe('birthDate');
    expect(render('sv', refused.message as Text)).toBe('ett namn ensamt listar alla med det namnet: ange födelsedatumet också');
    expect(render('en', refused.message as Text)).toBe('a name alone lists everyone of that name: give the birth date too');
  });
});
