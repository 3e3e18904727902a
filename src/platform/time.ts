const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Milliseconds that Swedish wall-clock time is ahead of UTC at an instant (1 h in winter, 2 h in summer). */
function stockholmOffset(at: Date): number {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a Swedish wall-clock time: `stockholmTime('2021-12-05', '23:30')`. */
export function stockholmTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let at = new Date(wall - stockholmOffset(new Date(wall)));
  at = new Date(wall - stockholmOffset(at)); // once more, for the hours around a DST change
  return at;
}
