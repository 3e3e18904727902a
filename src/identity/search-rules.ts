import { AppError } from '../platform/errors.js';

/** A staff search returns at most this many people: enough to tell namesakes apart, never a list of the population. */
export const FIND_LIMIT = 10;

/** What a staff search may look for: one identity number, or a name together with the birth date. */
export type FindCriteria = { by: 'identityNumber'; identityNumber: string } | { by: 'name'; words: string[]; birthDate: string };

const problem = (field: string, sv: string, en: string) => new AppError('invalid', `${field}: ${en}`, [{ field, message: `${sv} / ${en}` }]);

/** Letters, with hyphens and apostrophes inside a name (Anna-Karin, O'Brien); anything else could widen the match. */
const NAME_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;
const MIN_LETTERS = 2;
const MAX_WORDS = 4;

/**
 * Turns a staff search into criteria narrow enough to find one person and nobody else (issue 20, section 4):
 * the identity number alone, or a name (each word at least two letters, no wildcards) with the exact birth date.
 * Anything wider is refused with a problem naming the field to fill in or correct. `today` is a Swedish date.
 */
export function findCriteria(q: { identityNumber?: string | undefined; name?: string | undefined; birthDate?: string | undefined }, today: string): FindCriteria {
  const identityNumber = q.identityNumber?.trim();
  const name = q.name?.trim();
  if (identityNumber) {
    if (name || q.birthDate) throw problem(name ? 'name' : 'birthDate', 'Sök antingen på identitetsnummer eller på namn och födelsedatum', 'search by the identity number, or by name and birth date, not both');
    return { by: 'identityNumber', identityNumber };
  }
  if (!name && !q.birthDate) throw problem('identityNumber', 'Ange identitetsnummer, eller namn och födelsedatum', 'give the identity number, or a name and the birth date');
  if (!name) throw problem('name', 'Ange namnet till födelsedatumet', 'a birth date alone finds everyone born that day: give the name too');
  if (!q.birthDate) throw problem('birthDate', 'Ange födelsedatum till namnet', 'a name alone lists everyone of that name: give the birth date too');
  const words = name.split(/\s+/);
  if (words.length > MAX_WORDS) throw problem('name', `Högst ${MAX_WORDS} namn`, `at most ${MAX_WORDS} names`);
  for (const word of words) {
    if (!NAME_WORD.test(word)) throw problem('name', 'Bara bokstäver (och bindestreck), inga jokertecken', 'letters (and hyphens) only, no wildcards');
    if ([...word.matchAll(/\p{L}/gu)].length < MIN_LETTERS) throw problem('name', `Varje namn behöver minst ${MIN_LETTERS} bokstäver`, `every name needs at least ${MIN_LETTERS} letters`);
  }
  if (q.birthDate > today) throw problem('birthDate', 'Födelsedatumet ligger i framtiden', 'the birth date is in the future');
  return { by: 'name', words, birthDate: q.birthDate };
}
