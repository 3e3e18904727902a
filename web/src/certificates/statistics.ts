import { CERTIFICATE_KINDS, type CertificateKind, type MonthRow } from './api.js';

/** Issued certificates per month and kind, summed over the regions shown (the chart's data, oldest month first). */
export function issuedPerMonth(rows: readonly MonthRow[]): ({ month: string } & Record<CertificateKind, number>)[] {
  const months = new Map<string, Record<CertificateKind, number>>();
  for (const r of rows) {
    const sum = months.get(r.month) ?? { vaccination: 0, test: 0, recovery: 0 };
    for (const kind of CERTIFICATE_KINDS) sum[kind] += r.issued[kind];
    months.set(r.month, sum);
  }
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, issued]) => ({ month, ...issued }));
}

/** Refusals per rule over the whole period, most frequent first; rules that refused nothing are left out. */
export function refusalsByRule(rows: readonly MonthRow[]): { rule: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const [rule, n] of Object.entries(r.refusedByRule)) counts.set(rule, (counts.get(rule) ?? 0) + n);
  return [...counts].filter(([, n]) => n > 0).map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** The first day of the month `monthsBack` months before the given Swedish date (yyyy-mm-dd). */
export function firstOfMonthBefore(day: string, monthsBack: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - monthsBack;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
