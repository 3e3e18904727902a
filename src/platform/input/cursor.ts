import { z } from 'zod';
import { invalid } from '../errors.js';
import { text } from '../text/index.js';

/**
 * One codec for keyset-page cursors: the server encodes the last row's keys as base64url JSON, and
 * decoding checks them against the same zod shape, so a crafted cursor is a 400 naming `cursor`, never
 * a value that reaches SQL unchecked.
 */
export function cursorCodec<T extends z.ZodType>(shape: T) {
  const refused = () => invalid('cursor', text('error.cursor'));
  return {
    encode: (value: z.infer<T>): string => Buffer.from(JSON.stringify(value)).toString('base64url'),
    decode(cursor: string): z.infer<T> {
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw refused();
      }
      const result = shape.safeParse(parsed);
      if (!result.success) throw refused();
      return result.data;
    },
  };
}

/** The query parameter that carries a cursor: short and base64url only, before it is decoded. */
export const cursorParam = z.string().max(512).regex(/^[A-Za-z0-9_-]*$/, 'not a cursor this list gave out');
