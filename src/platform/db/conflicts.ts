/** PostgreSQL error codes (SQLSTATE) the code reacts to, and the one retry of a transaction that lost a race. */

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const SERIALIZATION_FAILURE = '40001';
export const DEADLOCK_DETECTED = '40P01';

/** The SQLSTATE of a driver error, also when drizzle wraps it (its `cause`); undefined for any other error. */
export function sqlState(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = err?.code ?? err?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs a whole transaction, and once more when PostgreSQL aborted it as a serialization failure or a deadlock
 * victim: the transaction was rolled back entirely, so running it again is safe, and the second run meets the
 * other transaction committed. Lock in a fixed order first (a deadlock should not happen at all); this is the
 * safety net for what no order covers. A second failure goes to the caller.
 */
export async function retryOnConflict<T>(transaction: () => Promise<T>): Promise<T> {
  try {
    return await transaction();
  } catch (e) {
    const state = sqlState(e);
    if (state !== SERIALIZATION_FAILURE && state !== DEADLOCK_DETECTED) throw e;
    return transaction();
  }
}
