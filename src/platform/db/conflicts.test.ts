import { describe, expect, it } from 'vitest';
import { retryOnConflict, sqlState } from './conflicts.js';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
/** As drizzle throws it: its own error, the driver's in `cause`. */
const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: pgError(code) });

/** A transaction that fails with the given errors, one per run, then answers 'done'; counts its runs. */
function transaction(...failures: unknown[]) {
  let runs = 0;
  return {
    run: async () => {
      const failure = failures[runs++];
      if (failure) throw failure;
      return 'done';
    },
    runs: () => runs,
  };
}

describe('sqlState', () => {
  it.each([
    ['a driver error', pgError('40P01'), '40P01'],
    ['a drizzle error wrapping one', wrapped('23505'), '23505'],
    ['an error without a code', new Error('x'), undefined],
    ['a numeric code (Node system errors have strings; anything else is not a SQLSTATE)', { code: 5 }, undefined],
    ['null', null, undefined],
  ])('%s', (_, error, state) => expect(sqlState(error)).toBe(state));
});

describe('retryOnConflict', () => {
  it.each([
    ['a deadlock', pgError('40P01')],
    ['a serialization failure', pgError('40001')],
    ['a wrapped deadlock', wrapped('40P01')],
  ])('runs the transaction again after %s', async (_, failure) => {
    const tx = transaction(failure);
    await expect(retryOnConflict(tx.run)).resolves.toBe('done');
    expect(tx.runs()).toBe(2);
  });

  it('retries only once: a second conflict goes to the caller', async () => {
    const second = pgError('40P01');
    const tx = transaction(pgError('40001'), second);
    await expect(retryOnConflict(tx.run)).rejects.toBe(second);
    expect(tx.runs()).toBe(2);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a domain error', new Error('not found')],
  ])('does not retry %s', async (_, failure) => {
    const tx = transaction(failure);
    await expect(retryOnConflict(tx.run)).rejects.toBe(failure);
    expect(tx.runs()).toBe(1);
  });

  it('runs a transaction that succeeds once', async () => {
    const tx = transaction();
    await expect(retryOnConflict(tx.run)).resolves.toBe('done');
    expect(tx.runs()).toBe(1);
  });
});
