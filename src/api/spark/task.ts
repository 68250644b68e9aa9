import { z } from 'zod';
import { AccumulableInfo } from './accumulable.js';
import { Long, Milliseconds, SparkDateString, StringMap } from './scalars.js';
import { TaskMetrics } from './taskMetrics.js';

/**
 * Values of `TaskData.status`. Note `GET RESULT` (with a space) while the driver fetches a large result;
 * the `status`/`taskStatus` query filters use {@link TASK_STATUS_FILTERS}, which has no such value.
 */
export const TASK_STATUSES = ['RUNNING', 'SUCCESS', 'FAILED', 'KILLED', 'GET RESULT', 'UNKNOWN'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Spark's TaskStatus enum used by the task filters (query parameters), in Spark's declaration order. */
export const TASK_STATUS_FILTERS = ['RUNNING', 'KILLED', 'FAILED', 'SUCCESS', 'UNKNOWN'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

export const TASK_LOCALITIES = ['PROCESS_LOCAL', 'NODE_LOCAL', 'NO_PREF', 'RACK_LOCAL', 'ANY'] as const;
export const TaskLocality = z.enum(TASK_LOCALITIES);
export type TaskLocality = z.infer<typeof TaskLocality>;

export const TaskData = z.looseObject({
  taskId: Long,
  index: Long,
  attempt: Long,
  /** -1 in logs written before Spark 3.3 (no partition id recorded). */
  partitionId: Long,
  launchTime: SparkDateString,
  resultFetchStart: SparkDateString.optional(),
  /** absent while the task runs. */
  duration: Milliseconds.optional(),
  executorId: z.string(),
  host: z.string(),
  status: TaskStatus,
  taskLocality: TaskLocality,
  speculative: z.boolean(),
  accumulatorUpdates: z.array(AccumulableInfo),
  errorMessage: z.string().optional(),
  taskMetrics: TaskMetrics.optional(),
  /** Log name (stdout, stderr, …) → URL. */
  executorLogs: StringMap,
  schedulerDelay: Milliseconds,
  gettingResultTime: Milliseconds,
});
export type TaskData = z.infer<typeof TaskData>;
