import { z } from 'zod';
import { AccumulableInfo } from './accumulable.js';
import { ExecutorMetrics } from './executorMetrics.js';
import { ExecutorMetricsDistributions } from './executorMetricsDistributions.js';
import { ExecutorStageSummary } from './executorStageSummary.js';
import { CountByKey, Long, Milliseconds, Nanoseconds, SparkDateString } from './scalars.js';
import { TaskData } from './task.js';
import { TaskMetricDistributions } from './taskMetricDistributions.js';

/** Spark's StageStatus enum names, as written in `StageData.status`. */
export const STAGE_STATUSES = ['ACTIVE', 'COMPLETE', 'FAILED', 'PENDING', 'SKIPPED'] as const;
export const StageStatus = z.enum(STAGE_STATUSES);
export type StageStatus = z.infer<typeof StageStatus>;

/** Speculative-task counts of a stage attempt. */
export const SpeculationStageSummary = z.looseObject({
  numTasks: Long,
  numActiveTasks: Long,
  numCompletedTasks: Long,
  numFailedTasks: Long,
  numKilledTasks: Long,
});
export type SpeculationStageSummary = z.infer<typeof SpeculationStageSummary>;

/** One stage attempt. Field order follows Spark's serialization. */
export const StageData = z.looseObject({
  status: StageStatus,
  stageId: Long,
  attemptId: Long,
  numTasks: Long,
  numActiveTasks: Long,
  numCompleteTasks: Long,
  numFailedTasks: Long,
  numKilledTasks: Long,
  numCompletedIndices: Long,

  submissionTime: SparkDateString.optional(),
  firstTaskLaunchedTime: SparkDateString.optional(),
  completionTime: SparkDateString.optional(),
  failureReason: z.string().optional(),

  // Sums over the attempt's tasks (CPU times in ns, other times in ms).
  executorDeserializeTime: Milliseconds,
  executorDeserializeCpuTime: Nanoseconds,
  executorRunTime: Milliseconds,
  executorCpuTime: Nanoseconds,
  resultSize: Long,
  jvmGcTime: Milliseconds,
  resultSerializationTime: Milliseconds,
  memoryBytesSpilled: Long,
  diskBytesSpilled: Long,
  peakExecutionMemory: Long,
  inputBytes: Long,
  inputRecords: Long,
  outputBytes: Long,
  outputRecords: Long,
  shuffleRemoteBlocksFetched: Long,
  shuffleLocalBlocksFetched: Long,
  shuffleFetchWaitTime: Milliseconds,
  shuffleRemoteBytesRead: Long,
  shuffleRemoteBytesReadToDisk: Long,
  shuffleLocalBytesRead: Long,
  shuffleReadBytes: Long,
  shuffleReadRecords: Long,
  shuffleCorruptMergedBlockChunks: Long,
  shuffleMergedFetchFallbackCount: Long,
  shuffleMergedRemoteBlocksFetched: Long,
  shuffleMergedLocalBlocksFetched: Long,
  shuffleMergedRemoteChunksFetched: Long,
  shuffleMergedLocalChunksFetched: Long,
  shuffleMergedRemoteBytesRead: Long,
  shuffleMergedLocalBytesRead: Long,
  shuffleRemoteReqsDuration: Milliseconds,
  shuffleMergedRemoteReqsDuration: Milliseconds,
  shuffleWriteBytes: Long,
  shuffleWriteTime: Nanoseconds,
  shuffleWriteRecords: Long,

  name: z.string(),
  description: z.string().optional(),
  /** The call site's stack, newline-separated. */
  details: z.string(),
  schedulingPool: z.string(),
  rddIds: z.array(Long),
  accumulatorUpdates: z.array(AccumulableInfo),

  /** Task id (as a string key) → task; only with `details=true`. */
  tasks: z.record(z.string(), TaskData).optional(),
  /** Executor id → that executor's share of the stage; only with `details=true`. */
  executorSummary: z.record(z.string(), ExecutorStageSummary).optional(),
  speculationSummary: SpeculationStageSummary.optional(),
  /** Kill reason → number of tasks killed for it. */
  killedTasksSummary: CountByKey,
  resourceProfileId: Long,
  peakExecutorMetrics: ExecutorMetrics.optional(),
  /** Only with `withSummaries=true`. */
  taskMetricsDistributions: TaskMetricDistributions.optional(),
  /** Only with `withSummaries=true`. */
  executorMetricsDistributions: ExecutorMetricsDistributions.optional(),
  isShufflePushEnabled: z.boolean(),
  shuffleMergersCount: Long,
});
export type StageData = z.infer<typeof StageData>;

/**
 * Whether any task of the stage attempt has ended. Task metrics come from ended tasks, so until one has (a
 * skipped stage never will) Spark's `taskSummary` answers 404 and a client need not ask.
 */
export function anyTaskEnded(stage: Pick<StageData, 'numCompleteTasks' | 'numFailedTasks' | 'numKilledTasks'>): boolean {
  return stage.numCompleteTasks + stage.numFailedTasks + stage.numKilledTasks > 0;
}
