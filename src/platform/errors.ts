/** The one error type domain code throws; the HTTP layer maps `code` to a status and problem+json. */
export type ErrorCode = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable' | 'too-large';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly errors: FieldError[];
  constructor(
    readonly code: ErrorCode,
    message: string,
    field?: string | FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
    this.errors = Array.isArray(field) ? field : field ? [{ field, message }] : [];
  }
}

export const invalid = (field: string, message: string) => new AppError('invalid', `${field}: ${message}`, field);
export const notFound = (what: string) => new AppError('not-found', `${what} was not found`);
export const forbidden = (message = 'You do not have access to this') => new AppError('forbidden', message);
export const conflict = (message: string, field?: string) => new AppError('conflict', message, field);
