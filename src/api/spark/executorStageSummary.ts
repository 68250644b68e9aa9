import { z } from 'zod';
import { ExecutorMetrics } from './executorMetrics.js';
import { Long, Milliseconds } from './scalars.js';

/** One executor's share of one stage attempt (`StageData.executorSummary[execId]`). */
export const ExecutorStageSummary = z.looseObject({
  taskTime: Milliseconds,
  failedTasks: Long,
  succeededTasks: Long,
  killedTasks: Long,
  inputBytes: Long,
  inputRecords: Long,
  outputBytes: Long,
  outputRecords: Long,
  shuffleRead: Long,
  shuffleReadRecords: Long,
  shuffleWrite: Long,
  shuffleWriteRecords: Long,
  memoryBytesSpilled: Long,
  diskBytesSpilled: Long,
  /** Deprecated alias of isExcludedForStage, still written by Spark 3.5. */
  isBlacklistedForStage: z.boolean(),
  peakMemoryMetrics: ExecutorMetrics.optional(),
  isExcludedForStage: z.boolean(),
});
export type ExecutorStageSummary = z.infer<typeof ExecutorStageSummary>;
