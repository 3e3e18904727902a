/** The input types every route uses: bounded text, bounded days and instants, validated cursors. */
export { text, code, type TextOptions } from './text.js';
export { day, instant, dayRange, daysBetween, daysInRange, MIN_DAY, MAX_DAY } from './dates.js';
export { cursorCodec, cursorParam } from './cursor.js';
export { regionCode, municipalityCode, postalCode, phone, isoWeek, clockTime } from './codes.js';
