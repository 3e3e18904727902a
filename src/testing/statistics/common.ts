import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, invalid } from '../../platform/errors.js';
import { daysBetween, daysInRange } from '../../platform/input/index.js';
import type { Database, Db } from '../../platform/db/client.js';
import { isIsoWeek } from '../rules.js';

/** The regions a statistics request covers: staff their own; the national analyst all, or the one asked for. */
export function regionsInScope(actor: Actor, regionId: string | undefined): { regionIds: string[] | 'all'; national: boolean } {
  if (actor.role === 'national_analyst') return regionId ? { regionIds: [regionId], national: false } : { regionIds: 'all', national: true };
  if (regionId && regionId !== actor.regionId) throw new AppError('forbidden', 'regionId: staff see the statistics of their own region only', 'regionId');
  return { regionIds: [actor.regionId], national: false };
}

export function weekRange(from: string, to: string, maxWeeks = 106): void {
  if (!isIsoWeek(from)) throw invalid('from', `not an ISO week (YYYY-Www): ${from}`);
  if (!isIsoWeek(to)) throw invalid('to', `not an ISO week (YYYY-Www): ${to}`);
  if (from > to) throw invalid('to', 'the last week comes before the first');
  const weeks = weeksBetween(from, to);
  if (weeks.length > maxWeeks) throw invalid('to', `at most ${maxWeeks} weeks at a time`);
}

export function dayRange(from: string, to: string, maxDays = 366): string[] {
  const valid = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  if (!valid(from)) throw invalid('from', `not a date (YYYY-MM-DD): ${from}`);
  if (!valid(to)) throw invalid('to', `not a date (YYYY-MM-DD): ${to}`);
  if (from > to) throw invalid('to', 'the last day comes before the first');
  if (daysInRange(from, to) > maxDays) throw invalid('to', `at most ${maxDays} days at a time`);
  return daysBetween(from, to);
}

/** Every ISO week from `from` to `to`, both included. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const [fy, fw] = from.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(fy, 0, 4);
  const monday0 = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * 86_400_000 + (fw - 1) * 7 * 86_400_000;
  for (let t = monday0 + 3 * 86_400_000; ; t += 7 * 86_400_000) {
    const thursday = new Date(t);
    const year = thursday.getUTCFullYear();
    const week = Math.ceil(((t - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
    const w = `${year}-W${String(week).padStart(2, '0')}`;
    if (w > to) break;
    out.push(w);
    if (out.length > 1000) break;
  }
  return out;
}

/**
 * On PostgreSQL, give the report query room to count distinct people in memory and skip JIT compilation
 * (which costs more than it saves on a query of a second). PGlite has neither knob worth turning.
 */
export async function tuneForReport(database: Pick<Database, "kind">, tx: Db): Promise<void> {
  if (database.kind !== 'postgres') return;
  await tx.execute(sql.raw("SET LOCAL work_mem = '64MB'"));
  await tx.execute(sql.raw('SET LOCAL jit = off'));
}

export const testTypeSv = { pcr: 'PCR', antigen: 'Antigen', serology: 'Antikropp (serologi)' } as const;
