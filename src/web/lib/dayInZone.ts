import { epochMillisFromWallClockInZone } from './timeZones.js';

/*
 * Day filters (`<input type=date>` values, `yyyy-MM-dd`) read in the zone the times are shown in, so
 * "started on 2024-12-07" means that day as the list shows it.
 */

function parseDay(day: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Reject days the calendar does not have (2024-02-30) instead of rolling them over.
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  return { year, month, day: date };
}

function startOf(d: { year: number; month: number; day: number }, zone: string): number {
  return epochMillisFromWallClockInZone({ ...d, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
}

/** The first millisecond of that day in `zone`; undefined if the text is not a day. */
export function startOfDayInZone(day: string, zone: string): number | undefined {
  const d = parseDay(day);
  return d === undefined ? undefined : startOf(d, zone);
}

/** The last millisecond of that day in `zone` (days of 23 or 25 hours included), so "to 2015-02-03" includes that whole day. */
export function endOfDayInZone(day: string, zone: string): number | undefined {
  const d = parseDay(day);
  // The wall clock normalises day + 1 past a month's or year's end.
  return d === undefined ? undefined : startOf({ ...d, day: d.day + 1 }, zone) - 1;
}
