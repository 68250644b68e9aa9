import { z } from 'zod';
import { ExecutorMetrics } from './executorMetrics.js';
import { Long, Milliseconds, SparkDateString, StringMap } from './scalars.js';

/** Storage-memory figures of an executor; Spark omits them for executors from logs that predate them. */
export const MemoryMetrics = z.looseObject({
  usedOnHeapStorageMemory: Long,
  usedOffHeapStorageMemory: Long,
  totalOnHeapStorageMemory: Long,
  totalOffHeapStorageMemory: Long,
});
export type MemoryMetrics = z.infer<typeof MemoryMetrics>;

/** A custom resource (GPU, FPGA, …) assigned to an executor. */
export const ResourceInformation = z.looseObject({
  name: z.string(),
  addresses: z.array(z.string()),
});
export type ResourceInformation = z.infer<typeof ResourceInformation>;

export const ExecutorSummary = z.looseObject({
  /** `driver` or the executor number as a string. */
  id: z.string(),
  hostPort: z.string(),
  isActive: z.boolean(),
  rddBlocks: Long,
  memoryUsed: Long,
  diskUsed: Long,
  totalCores: Long,
  maxTasks: Long,
  activeTasks: Long,
  failedTasks: Long,
  completedTasks: Long,
  totalTasks: Long,
  totalDuration: Milliseconds,
  totalGCTime: Milliseconds,
  totalInputBytes: Long,
  totalShuffleRead: Long,
  totalShuffleWrite: Long,
  /** Deprecated alias of isExcluded, still written by Spark 3.5. */
  isBlacklisted: z.boolean(),
  maxMemory: Long,
  addTime: SparkDateString,
  removeTime: SparkDateString.optional(),
  removeReason: z.string().optional(),
  /** Log name (stdout, stderr, …) → URL. */
  executorLogs: StringMap,
  memoryMetrics: MemoryMetrics.optional(),
  /** Deprecated alias of excludedInStages. */
  blacklistedInStages: z.array(Long),
  peakMemoryMetrics: ExecutorMetrics.optional(),
  attributes: StringMap,
  resources: z.record(z.string(), ResourceInformation),
  resourceProfileId: Long,
  isExcluded: z.boolean(),
  excludedInStages: z.array(Long),
});
export type ExecutorSummary = z.infer<typeof ExecutorSummary>;
