import { isApiError } from '../../api.js';

/** The server's message for one field of a refused request (problem+json `errors`), to show at its input. */
export function fieldErrorOf(error: unknown): (field: string) => string | undefined {
  const errors = isApiError(error) ? error.fieldErrors : [];
  return (field) =>
    errors
      .filter((e) => e.field === field)
      .map((e) => e.message)
      .join('; ') || undefined;
}
