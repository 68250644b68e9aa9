import { parseSparkDate } from '../../api/index.js';
import { wallClockInZone, zoneShortName } from './timeZones.js';

/*
 * The console's date formatters, one per direction: Spark's REST text → epoch ms (`epochMillisFromSparkDate`),
 * epoch ms → text in a given zone (`formatEpochMillisInZone`, `formatTimeOfDayInZone`). Every displayed time
 * goes through a zone chosen by the reader (see components/timeZone); none reads the browser's zone implicitly.
 */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The latest instant a Date holds (±100 000 000 days from the epoch). */
const MAX_DATE_MS = 8.64e15;

/** Spark's "no time": absent, not a number, or not positive (`-1`, `0`); also past what a Date can hold. */
function isMissing(epochMs: number | undefined | null): epochMs is undefined | null {
  return epochMs === undefined || epochMs === null || !Number.isFinite(epochMs) || epochMs <= 0 || epochMs > MAX_DATE_MS;
}

/** `yyyy-MM-dd HH:mm:ss` in `zone`, like Spark's JS pages; "-" for missing or non-positive times. */
export function formatEpochMillisInZone(epochMs: number | undefined | null, zone: string): string {
  if (isMissing(epochMs)) return '-';
  const w = wallClockInZone(epochMs, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The same with the zone's short name at that instant (`2024-12-07 14:49:01 UTC`), for text that stands alone. */
export function formatEpochMillisWithZone(epochMs: number | undefined | null, zone: string): string {
  if (isMissing(epochMs)) return '-';
  return `${formatEpochMillisInZone(epochMs, zone)} ${zoneShortName(epochMs, zone)}`;
}

/** Time of day in `zone`: `HH:mm`, `HH:mm:ss` or `HH:mm:ss.SSS`, as precise as the caller needs. */
export function formatTimeOfDayInZone(epochMs: number, zone: string, precision: 'minute' | 'second' | 'millisecond' = 'millisecond'): string {
  const w = wallClockInZone(epochMs, zone);
  const hm = `${pad(w.hour)}:${pad(w.minute)}`;
  if (precision === 'minute') return hm;
  if (precision === 'second') return `${hm}:${pad(w.second)}`;
  return `${hm}:${pad(w.second)}.${pad(w.millisecond, 3)}`;
}

/** `M/d HH:mm` in `zone`: a chart tick for runs longer than a day. */
export function formatMonthDayTimeInZone(epochMs: number, zone: string): string {
  const w = wallClockInZone(epochMs, zone);
  return `${w.month}/${w.day} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Spark's REST date text (`2015-03-17T23:11:50.242GMT`) → epoch ms; undefined when absent or unparsable. */
export function epochMillisFromSparkDate(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseSparkDate(text);
}

/** A Spark REST date shown in `zone` (`yyyy-MM-dd HH:mm:ss`); "-" when absent. */
export function formatSparkDateInZone(text: string | undefined, zone: string): string {
  return formatEpochMillisInZone(epochMillisFromSparkDate(text), zone);
}
