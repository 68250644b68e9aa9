/**
 * Spark's executor order: `driver` first, then executor ids numerically ("2" before "10"); ids that are not
 * numbers (some cluster managers use names) sort after, by text.
 */
export function compareExecutorIds(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'driver') return -1;
  if (b === 'driver') return 1;
  return a.localeCompare(b, 'en', { numeric: true });
}
