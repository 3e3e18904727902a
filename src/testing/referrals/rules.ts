/** Pure rules of referrals (remisser): where one stands, when it is overdue, which sampling times are accepted. */

export type ReferralState = 'written' | 'sampled' | 'received' | 'answered';

/** How far ahead a sampling time may be planned (the next working day), and how far back one may be entered. */
export const SAMPLING_AHEAD_HOURS = 72;
export const SAMPLING_BACK_DAYS = 30;

const HOUR = 3_600_000;

/**
 * Where a referral stands: answered once the lab's result is in; received once the lab scanned the tube (or
 * answered it); sampled from its sampling time on; written before that (planned sampling).
 */
export function referralState(r: { samplingAt: string; receivedAt: string | null; result: string | null }, now: Date): ReferralState {
  if (r.result) return 'answered';
  if (r.receivedAt) return 'received';
  return new Date(r.samplingAt).getTime() <= now.getTime() ? 'sampled' : 'written';
}

/** Not received at the lab `overdueHours` after its sampling time: the ordering unit should look for the tube. Flagged on the hour itself. */
export function isOverdue(r: { samplingAt: string; receivedAt: string | null; result: string | null }, now: Date, overdueHours: number): boolean {
  if (r.receivedAt || r.result) return false;
  return now.getTime() - new Date(r.samplingAt).getTime() >= overdueHours * HOUR;
}

/** A sampling time is at most SAMPLING_AHEAD_HOURS ahead (inclusive) and at most SAMPLING_BACK_DAYS back (inclusive). */
export function checkSamplingTime(at: Date, now: Date): { ok: true } | { ok: false; reason: string } {
  const diff = at.getTime() - now.getTime();
  if (diff > SAMPLING_AHEAD_HOURS * HOUR) return { ok: false, reason: `is more than ${SAMPLING_AHEAD_HOURS} hours ahead` };
  if (-diff > SAMPLING_BACK_DAYS * 24 * HOUR) return { ok: false, reason: `is more than ${SAMPLING_BACK_DAYS} days back` };
  return { ok: true };
}
