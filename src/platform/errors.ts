import { render, text, type Text } from './text/index.js';

/** The one error type domain code throws; the HTTP layer maps `code` to a status and problem+json. */
export type ErrorCode = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable' | 'too-large';

/**
 * What is wrong with one field. `message` is a catalogue text (rendered in the reader's language when sent) or,
 * for code not yet on the catalogue, a plain string sent as it is.
 */
export interface FieldError {
  field: string;
  message: string | Text;
}

/** Texts in `message` and field errors are rendered in English for `Error.message` (logs, the CLI); the HTTP layer renders them anew in the reader's language. */
export class AppError extends Error {
  readonly errors: FieldError[];
  readonly text: string | Text;
  constructor(
    readonly code: ErrorCode,
    message: string | Text,
    field?: string | FieldError[],
  ) {
    super(typeof message === 'string' ? message : render('en', message));
    this.name = 'AppError';
    this.text = message;
    this.errors = Array.isArray(field) ? field : field ? [{ field, message }] : [];
  }
}

/** The field and the reason: `invalid('takenAt', text('testing.takenAt.future'))`, or a plain message (older callers). */
export const invalid = (field: string, message: string | Text) =>
  new AppError('invalid', typeof message === 'string' ? `${field}: ${message}` : message, [{ field, message }]);
/** `what` names the thing: a catalogue text (`text('what.person')`) or, from older callers, an English noun phrase. */
export const notFound = (what: string | Text, field?: string) =>
  new AppError('not-found', typeof what === 'string' ? `${what} was not found` : text('error.notFound', { what }), field);
export const forbidden = (message: string | Text = text('error.forbidden')) => new AppError('forbidden', message);
export const conflict = (message: string | Text, field?: string) => new AppError('conflict', message, field);
