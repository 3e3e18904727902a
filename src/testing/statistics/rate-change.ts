import type { Rate } from '../rules.js';

/**
 * A new flat rate for a test type from a day on: the rate in force that day ends the day before, and the new
 * one runs to where that one ran (open-ended as a rule). A change must come after the latest rate's start, so
 * that validity periods never overlap and history is only ever added to; a correction of an earlier period is
 * a new rate after it, never a rewrite.
 */
export type RateChange = { ok: true; closes: Rate | null; validTo: string | null } | { ok: false; reason: { sv: string; en: string } };

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function planRateChange(rates: readonly Rate[], validFrom: string): RateChange {
  const latest = rates.reduce<Rate | null>((a, r) => (a === null || r.validFrom > a.validFrom ? r : a), null);
  if (latest && latest.validFrom >= validFrom) {
    return {
      ok: false,
      reason: {
        sv: `ett belopp gäller redan från ${latest.validFrom}; en ändring måste gälla från en senare dag`,
        en: `a rate already applies from ${latest.validFrom}; a change must take effect on a later day`,
      },
    };
  }
  const covering = rates.find((r) => r.validFrom < validFrom && (r.validTo === null || validFrom <= r.validTo)) ?? null;
  return { ok: true, closes: covering ? { ...covering, validTo: dayBefore(validFrom) } : null, validTo: covering?.validTo ?? null };
}
