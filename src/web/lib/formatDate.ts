import { parseSparkDate } from '../../api/index.js';

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `yyyy-MM-dd HH:mm:ss` in the browser's time zone, like Spark's JS pages; "-" for missing or non-positive times. */
export function formatDate(epochMs: number | undefined | null): string {
  if (epochMs === undefined || epochMs === null || !Number.isFinite(epochMs) || epochMs <= 0) return '-';
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Spark's REST date text (`2015-03-17T23:11:50.242GMT`) → epoch ms; undefined when absent or unparsable. */
export function sparkTime(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseSparkDate(text);
}

/** Formats a Spark REST date string for display. */
export function formatSparkDate(text: string | undefined): string {
  return formatDate(sparkTime(text));
}

/** Time of day with milliseconds, for timeline tooltips where sub-second order matters. */
export function formatTimeOfDay(epochMs: number): string {
  const d = new Date(epochMs);
  const ms = d.getMilliseconds();
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
}
