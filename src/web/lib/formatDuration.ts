/**
 * Durations the way Spark's UI prints them (UIUtils.formatDuration / the JS formatDuration):
 * "N ms" under 100 ms, "0.N s" under 1 s, "N s" under a minute, "N.N min" under 10 minutes,
 * "N min" under an hour, "N.N h" beyond. Users compare our pages with Spark's, so the text must match.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (ms < 100) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 1) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${seconds.toFixed(0)} s`;
  const minutes = seconds / 60;
  if (minutes < 10) return `${minutes.toFixed(1)} min`;
  if (minutes < 60) return `${minutes.toFixed(0)} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** Nanoseconds (Spark's CPU and shuffle-write times) as a duration. */
export function formatNanos(ns: number): string {
  return formatDuration(ns / 1e6);
}
