import { invalid } from '../platform/errors.js';
import { text, type TextKey, type TextParams } from '../platform/text/index.js';

/** A staff search returns at most this many people: enough to tell namesakes apart, never a list of the population. */
export const FIND_LIMIT = 10;

/** What a staff search may look for: one identity number, or a name together with the birth date. */
export type FindCriteria = { by: 'identityNumber'; identityNumber: string } | { by: 'name'; words: string[]; birthDate: string };

const problem = (field: string, key: TextKey, params?: TextParams) => invalid(field, text(key, params));

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
    if (name || q.birthDate) throw problem(name ? 'name' : 'birthDate', 'identity.search.notBoth');
    return { by: 'identityNumber', identityNumber };
  }
  if (!name && !q.birthDate) throw problem('identityNumber', 'identity.search.nothing');
  if (!name) throw problem('name', 'identity.search.nameToo');
  if (!q.birthDate) throw problem('birthDate', 'identity.search.birthDateToo');
  const words = name.split(/\s+/);
  if (words.length > MAX_WORDS) throw problem('name', 'identity.search.maxWords', { max: MAX_WORDS });
  for (const word of words) {
    if (!NAME_WORD.test(word)) throw problem('name', 'identity.search.lettersOnly');
    if ([...word.matchAll(/\p{L}/gu)].length < MIN_LETTERS) throw problem('name', 'identity.search.minLetters', { min: MIN_LETTERS });
  }
  if (q.birthDate > today) throw problem('birthDate', 'identity.search.futureBirthDate');
  return { by: 'name', words, birthDate: q.birthDate };
}
