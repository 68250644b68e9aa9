import type { Json } from './eventJson.js';
import type { LiveExecutor, LiveStage } from './liveEntities.js';

/*
 * Spark's spark.ui.retained* rules (AppStatusListener's cleanupJobs / cleanupStages / cleanupExecutors):
 * once a kind holds more than its limit, at least a tenth of the limit goes at once, oldest finished first.
 * These choose what goes; the fold removes it from its state and the store.
 */

/** How many to drop when `size` exceeds `limit` (0 when it does not). */
export function evictionCount(size: number, limit: number): number {
  return size <= limit ? 0 : Math.max(Math.trunc(limit / 10), size - limit);
}

/** Finished jobs (not running, status known), earliest completion first, then by id. */
export function jobsToEvict(jobs: Map<number, Json>, completionOf: (jobId: number) => number, limit: number): Json[] {
  const count = evictionCount(jobs.size, limit);
  if (count === 0) return [];
  const completion = (j: Json) => completionOf(j.jobId);
  return [...jobs.values()]
    .filter((j) => completion(j) >= 0 && j.status !== 'RUNNING' && j.status !== 'UNKNOWN')
    .sort((a, b) => completion(a) - completion(b) || a.jobId - b.jobId)
    .slice(0, count);
}

/** Stage attempts that are neither active nor pending, earliest completion first, then by id and attempt. */
export function stagesToEvict(stages: Map<string, LiveStage>, limit: number): LiveStage[] {
  const count = evictionCount(stages.size, limit);
  if (count === 0) return [];
  return [...stages.values()]
    .filter((s) => s.status !== 'ACTIVE' && s.status !== 'PENDING')
    .sort((a, b) => (a.info.completionTime ?? -1) - (b.info.completionTime ?? -1) || a.info.stageId - b.info.stageId || a.info.attemptId - b.info.attemptId)
    .slice(0, count);
}

/** Dead executors beyond the limit, in id order (Spark walks its "active" index from false upwards). */
export function deadExecutorsToEvict(executors: Map<string, LiveExecutor>, limit: number): LiveExecutor[] {
  const dead = [...executors.values()].filter((x) => !x.isActive);
  const count = evictionCount(dead.length, limit);
  if (count === 0) return [];
  dead.sort((a, b) => (a.executorId < b.executorId ? -1 : a.executorId > b.executorId ? 1 : 0));
  return dead.slice(0, count);
}
