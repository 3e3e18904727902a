import { z } from 'zod';

/**
 * The one string type for text a client sends. PostgreSQL refuses NUL in text (a 500 before this), and
 * other control characters only hide what a person typed, so both are refused with a 400 naming the field.
 * Single-line text refuses line breaks too; multi-line text (notes, answers, memos) keeps them.
 */
const singleLine = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;
// Tab, line feed and carriage return are the only control characters a multi-line text may carry.
const multiLine = /^(?:[\t\n\r]|[^\p{Cc}\u2028\u2029])*$/u;

export interface TextOptions {
  /** Most characters accepted after trimming; every text field has one. */
  max: number;
  /** Fewest characters after trimming; 1 unless said otherwise, so "   " is not a name. */
  min?: number;
  multiline?: boolean;
}

export function text({ max, min = 1, multiline = false }: TextOptions) {
  return z
    .string()
    .max(max * 4, `at most ${max} characters`) // checked before the regex runs on a megabyte of input
    .regex(multiline ? multiLine : singleLine, multiline ? 'control characters are not allowed' : 'control characters and line breaks are not allowed')
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `at least ${min} characters`)
    .max(max, `at most ${max} characters`);
}

/** A code from a fixed alphabet (identifiers, batch numbers): no spaces inside, bounded. */
export const code = (max: number, pattern = /^[A-Za-z0-9._:/-]+$/) =>
  text({ max }).regex(pattern, 'letters, digits and . _ : / - only');
