import { describe, expect, it } from 'vitest';
import { processCount } from './cluster.js';

const server = { databaseUrl: 'postgres://db/lagesbild' };
const embedded = { databaseUrl: undefined };

describe('processCount', () => {
  it.each([
    ['PostgreSQL, not asked: one per CPU', server, undefined, 4, 4],
    ['PostgreSQL, one CPU', server, undefined, 1, 1],
    ['PostgreSQL, asked for 1', server, 1, 8, 1],
    ['PostgreSQL, asked for 3 on 2 CPUs', server, 3, 2, 3],
    ['PostgreSQL, asked for the most', server, 64, 2, 64],
    ['embedded, not asked', embedded, undefined, 8, 1],
    ['embedded, asked for 1', embedded, 1, 8, 1],
  ])('%s', (_, config, asked, cpus, expected) => {
    expect(processCount(config, asked, cpus)).toBe(expected);
  });

  it.each([
    ['zero', server, 0],
    ['one more than the most', server, 65],
    ['a fraction', server, 1.5],
    ['not a number', server, Number.NaN],
  ])('refuses %s, naming --workers', (_, config, asked) => {
    expect(() => processCount(config, asked, 2)).toThrow(/--workers must be a whole number from 1 to 64/);
  });

  it('refuses several processes on the embedded database, saying why', () => {
    expect(() => processCount(embedded, 2, 2)).toThrow(/embedded database lives inside one process.*DATABASE_URL/);
  });
});
