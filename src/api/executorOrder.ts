/**
 * The one executor-id order of the console, server and browser alike: `driver` first, then executor ids
 * numerically ("2" before "10"); ids that are not numbers (some cluster managers use names) come after, by text.
 * (Spark's REST lists keep their own order; this is the order every console table and chart shows.)
 */
export function compareExecutorIds(a: string, b: string): number {
  if (a === b) return 0;
  const ra = executorRank(a);
  const rb = executorRank(b);
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Above every numeric executor id Spark assigns (an Int), below nothing: where named executors go. */
const NAMED_EXECUTOR_RANK = 2 ** 53 - 1;

/**
 * A number that orders executor ids as {@link compareExecutorIds} does, up to the text tiebreak among named
 * executors: -1 for the driver, the id itself when it is a number, else one rank above every number. Stores
 * index it so a task page sorted by executor is an index scan.
 */
export function executorRank(id: string): number {
  if (id === 'driver') return -1;
  if (/^\d{1,15}$/.test(id)) return Number(id);
  return NAMED_EXECUTOR_RANK;
}
