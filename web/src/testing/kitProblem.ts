import { isApiError } from '../api.js';
import type { TKey } from '../i18n/useT.js';

/** A plain-language headline for why a kit code was refused, from the server's problem. */
export function kitProblemHeadline(error: unknown): TKey {
  if (!isApiError(error)) return 'testing.register.errors.other';
  if (error.status === 409) return 'testing.register.errors.alreadyUsed';
  const message = error.fieldErrors.find((e) => e.field === 'kitCode')?.message ?? error.problem.detail ?? '';
  if (error.status === 400) {
    if (/check character/i.test(message)) return 'testing.register.errors.checkCharacter';
    if (/13 characters|has \d+ characters|this has \d+/i.test(message)) return 'testing.register.errors.length';
    if (/cannot occur/i.test(message)) return 'testing.register.errors.characters';
    if (/not one of the region/i.test(message)) return 'testing.register.errors.unknown';
  }
  if (error.status === 404) return 'testing.register.errors.unknown';
  return 'testing.register.errors.other';
}
