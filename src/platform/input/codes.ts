import { z } from 'zod';

/**
 * The short codes clients send, each once: a pattern and a length bound (checked before the pattern, so
 * a megabyte never reaches a regular expression), with the message a person can act on.
 */
const coded = (max: number, pattern: RegExp, message: string) => z.string().max(max, `at most ${max} characters`).regex(pattern, message);

/** A region (county) code, as in SCB's list: 01–25. */
export const regionCode = coded(2, /^\d{2}$/, 'a two-digit region code such as 18');
/** A municipality code: four digits, the first two its county's. */
export const municipalityCode = coded(4, /^\d{4}$/, 'a four-digit municipality code such as 1880');
/** A Swedish postcode: five digits, a space after the third allowed. */
export const postalCode = z.string().max(20).trim().regex(/^\d{3} ?\d{2}$/, 'a postcode of five digits');
/** A phone number as people write it: digits, spaces, dashes, brackets, a leading +. */
export const phone = z.string().max(40).trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number such as 070-123 45 67');
/** An ISO week in the years the domain has. */
export const isoWeek = coded(8, /^(19\d\d|20\d\d|2100)-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week such as 2021-W09');
/** A time of day, HH:MM on the 24-hour clock. */
export const clockTime = coded(5, /^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');
