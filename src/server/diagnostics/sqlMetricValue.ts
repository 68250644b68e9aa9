/*
 * The total a SQL metric's display string shows, as a number. The store keeps SQL metrics the way Spark's
 * SQL tab renders them ("1,234", "10.0 GiB", or "total (min, med, max (stageId: taskId))\n10.0 GiB (…)"), so
 * the file and broadcast rules read them back; a size is exact to Spark's one decimal.
 */

const UNIT_BYTES: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, PiB: 1024 ** 5, EiB: 1024 ** 6 };

/** The total (or single value) of a sum or size metric; undefined for anything else (timings, "N/A"). */
export function sqlMetricTotal(display: string): number | undefined {
  const newline = display.indexOf('\n');
  const value = (newline >= 0 ? display.slice(newline + 1) : display).trim();
  // A bare count ends the string; a size is followed by its unit and Spark's (min, med, max) part.
  const m = /^(-?[\d,]+(?:\.\d+)?)(?:$|\s+(B|KiB|MiB|GiB|TiB|PiB|EiB)(?:\s|$))/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return m[2] === undefined ? n : n * UNIT_BYTES[m[2]]!;
}
