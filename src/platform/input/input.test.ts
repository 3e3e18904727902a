import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cursorCodec, cursorParam, day, dayRange, instant, text } from './index.js';
import { AppError } from '../errors.js';

const ok = (schema: z.ZodType, v: unknown) => schema.safeParse(v).success;
const message = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error?.issues[0]?.message;

describe('text', () => {
  const name = text({ max: 10 });
  const note = text({ max: 10, multiline: true });
  it.each([
    ['Anna', true, 'Anna'],
    ['  Anna  ', true, 'Anna'],
    ['1234567890', true, '1234567890'], // on the limit
    ['12345678901', false, 'at most 10 characters'], // one past it
    ['', false, 'must not be empty'],
    ['   ', false, 'must not be empty'],
    ['An\u0000na', false, 'control characters and line breaks are not allowed'],
    ['An\nna', false, 'control characters and line breaks are not allowed'],
    ['An\u200Bna', false, 'control characters and line breaks are not allowed'], // zero-width space hides what was typed
    ['Åsa Öberg', true, 'Åsa Öberg'],
  ])('single line %j', (input, valid, expected) => {
    const r = name.safeParse(input);
    expect(r.success).toBe(valid);
    expect(valid ? r.data : r.error?.issues[0]?.message).toBe(expected);
  });
  it.each([
    ['rad 1\nrad2', true],
    ['a\tb\r\nc', true],
    ['a\u0000b', false],
    ['a\u0007b', false],
  ])('multi-line %j', (input, valid) => expect(ok(note, input)).toBe(valid));
  it('refuses a megabyte before scanning it', () => expect(message(name, 'x'.repeat(1_000_000))).toBe('at most 10 characters'));
});

describe('day and instant', () => {
  it.each([
    ['1900-01-01', true],
    ['1899-12-31', false],
    ['2100-12-31', true],
    ['2101-01-01', false],
    ['9999-12-31', false],
    ['2021-02-29', false],
    ['2024-02-29', true],
    ['2021-1-01', false],
  ])('day %s', (v, valid) => expect(ok(day, v)).toBe(valid));
  it.each([
    ['2021-05-01T08:00:00+02:00', true],
    ['2021-05-01T08:00:00Z', true],
    ['2021-05-01T08:00:00', false],
    ['9999-12-31T00:00:00Z', false],
    ['1900-01-01T00:00:00Z', true],
    ['1899-12-31T23:59:59Z', false],
  ])('instant %s', (v, valid) => expect(ok(instant, v)).toBe(valid));
});

describe('day ranges', () => {
  const range = z.object({ from: day, to: day }).superRefine(dayRange(7));
  it.each([
    ['2021-01-01', '2021-01-07', true], // seven days, on the limit
    ['2021-01-01', '2021-01-08', false], // eight
    ['2021-01-01', '2021-01-01', true],
    ['2021-01-02', '2021-01-01', false], // backwards
  ])('%s to %s', (from, to, valid) => {
    const r = range.safeParse({ from, to });
    expect(r.success).toBe(valid);
    if (!valid) expect(r.error?.issues[0]?.path).toEqual(['to']);
  });
});

describe('cursors', () => {
  const codec = cursorCodec(z.object({ at: instant, id: z.uuid() }));
  const value = { at: '2021-05-01T08:00:00Z', id: '00000000-0000-4000-8000-000000000001' };
  it('decodes what it encoded', () => expect(codec.decode(codec.encode(value))).toEqual(value));
  it.each([
    ['not base64 json', Buffer.from('garbage|x|y').toString('base64url')],
    ['wrong shape', Buffer.from(JSON.stringify({ at: 'x', id: 1 })).toString('base64url')],
    ['empty', ''],
    ['a NUL inside', Buffer.from(JSON.stringify({ ...value, id: '\u0000' })).toString('base64url')],
  ])('refuses %s as invalid, naming the cursor', (_, cursor) => {
    const e = (() => {
      try {
        codec.decode(cursor);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).errors[0]?.field).toBe('cursor');
  });
  it('allows only base64url characters in the parameter', () => {
    expect(ok(cursorParam, codec.encode(value))).toBe(true);
    expect(ok(cursorParam, 'a|b')).toBe(false);
  });
});
