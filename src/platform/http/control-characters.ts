import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.js';
import { text } from '../text/index.js';

/**
 * Control characters (tab, line feed and carriage return aside) have no place in anything a person or a
 * client sends, and PostgreSQL refuses NUL in text and jsonb: a NUL in any field once gave a 500. The
 * schemas refuse them field by field (`text()`); this check runs before validation on every route, so a
 * field a schema forgot, a jsonb answer or a query parameter cannot carry one either.
 */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function findControlCharacters(value: unknown, path: string, found: FieldError[] = [], depth = 0): FieldError[] {
  if (found.length >= 10 || depth > 32) return found;
  if (typeof value === 'string') {
    if (forbidden.test(value)) found.push({ field: path, message: text('validation.controlCharacters') });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findControlCharacters(v, path ? `${path}.${i}` : String(i), found, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = path ? `${path}.${k}` : k;
      if (forbidden.test(k)) found.push({ field: key, message: text('validation.controlCharacters') });
      else findControlCharacters(v, key, found, depth + 1);
    }
  }
  return found;
}

export async function refuseControlCharacters(req: FastifyRequest) {
  const errors = [req.params, req.query, req.body].flatMap((part) => findControlCharacters(part, ''));
  if (errors.length) throw new AppError('invalid', text('validation.controlCharactersIn', { fields: errors.map((e) => e.field).join(', ') }), errors);
}
