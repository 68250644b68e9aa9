/**
 * Spark's REST date format: `yyyy-MM-dd'T'HH:mm:ss.SSS'GMT'`, always UTC with a literal `GMT` suffix
 * (Jackson is configured that way in Spark's JacksonMessageWriter). Both the server (writing JSON) and the
 * client (sending date query parameters) need the exact same text, so it lives in the contract.
 */

const SPARK_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})GMT$/;

/** The dates the format can carry: 0000-01-01T00:00:00.000 … 9999-12-31T23:59:59.999 (UTC). */
export const MIN_TIME_MS = -62_167_219_200_000;
export const MAX_TIME_MS = 253_402_300_799_999;

/** Epoch milliseconds → `2015-03-17T23:11:50.242GMT`. Spark writes `endTime = -1` as `1969-12-31T23:59:59.999GMT`. */
export function formatSparkDate(epochMs: number): string {
  // Outside the four-digit years the nearest date is written: a value from a log must never throw (±Long.Max).
  const ms = Number.isNaN(epochMs) ? 0 : Math.max(MIN_TIME_MS, Math.min(MAX_TIME_MS, epochMs));
  // toISOString already renders UTC with millisecond precision; only the zone suffix differs.
  return new Date(ms).toISOString().replace(/Z$/, 'GMT');
}

/** Reads back a date written by {@link formatSparkDate}; returns undefined for anything else. */
export function parseSparkDate(text: string): number | undefined {
  const m = SPARK_DATE.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The same shape without capture groups, as a JSON-Schema pattern for the response schemas. */
export const SPARK_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}GMT$';
