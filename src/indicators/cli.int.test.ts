/**
 * `lagesbild import contacts FILE` and `lagesbild indicators compute PERIOD` as an operator runs them: a child
 * process on an on-disk PGlite data dir (or, with DATABASE_URL, a database of its own).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTestDatabase } from '../../test/db.js';

const root = new URL('../../', import.meta.url).pathname;
let shared: Awaited<ReturnType<typeof sharedTestDatabase>>;

function lagesbild(...args: string[]) {
  const { DATABASE_URL: _, ...env } = process.env;
  return spawnSync(process.execPath, ['bin/lagesbild.js', ...args, '--data-dir', shared.dir], {
    cwd: root,
    env: { ...env, AUDIT_KEY: 'the audit key of the indicators CLI test, 32+ chars', ...(shared.serverUrl ? { DATABASE_URL: shared.serverUrl } : {}) },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  shared = await sharedTestDatabase('lagesbild-indicators-cli');
}, 120_000);
afterAll(() => shared.remove());

describe('the indicators commands', () => {
  it('imports contacts with the bad row named, changes nothing the second time, and computes from them', () => {
    const file = join(shared.dir, 'kontakter.csv');
    writeFileSync(
      file,
      [
        'contact_id;person_id;care_unit;provider;contact_date;contact_type;professional_category;practitioner;named_doctor',
        'c1;194001010018;VC1;P;2022-02-01;visit;läkare;A;ja',
        'c2;194001010018;VC1;P;2022-03-01;visit;läkare;B;ja',
        'c3;19400101-0012;VC1;P;2022-03-01;visit;läkare;A;ja',
      ].join('\n'),
    );
    const first = lagesbild('import', 'contacts', file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 in, 0 unchanged, 1 rejected of 3 rows/);
    expect(first.stdout).toMatch(/row 4, person_id: /);
    const again = lagesbild('import', 'contacts', file);
    expect(again.stdout).toMatch(/was already imported .*nothing changed/);
    const run = lagesbild('indicators', 'compute', '2022');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Computed 2022: \d+ values from 2 contacts of 1 persons/);
    const bad = lagesbild('indicators', 'compute', '2022-Q5');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/period: no computable indicator/);
  }, 300_000);
});
