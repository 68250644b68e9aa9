import { z } from 'zod';
import { Long, Milliseconds, SparkDateString } from './scalars.js';

/** Status of a SQL execution, as written in `ExecutionData.status`. */
export const SQL_EXECUTION_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED'] as const;
export const SqlExecutionStatus = z.enum(SQL_EXECUTION_STATUSES);
export type SqlExecutionStatus = z.infer<typeof SqlExecutionStatus>;

/**
 * A plan-node metric. `value` is already rendered by Spark, e.g. `"1,024"` for sums or
 * `"total (min, med, max (stageId: taskId))\n843 ms (…)"` for timings (leading newline stripped).
 */
export const SqlPlanMetric = z.looseObject({
  name: z.string(),
  value: z.string(),
});
export type SqlPlanMetric = z.infer<typeof SqlPlanMetric>;

export const SqlPlanNode = z.looseObject({
  nodeId: Long,
  nodeName: z.string(),
  /** Present when the node is part of a whole-stage-codegen stage. */
  wholeStageCodegenId: Long.optional(),
  metrics: z.array(SqlPlanMetric),
  /** Spark 4.x logs only: the plan node's simpleString. */
  desc: z.string().optional(),
});
export type SqlPlanNode = z.infer<typeof SqlPlanNode>;

/** `fromId` is the child node, `toId` its parent (data flows from → to). */
export const SqlPlanEdge = z.looseObject({
  fromId: Long,
  toId: Long,
});
export type SqlPlanEdge = z.infer<typeof SqlPlanEdge>;

/** One SQL/DataFrame execution (`sql` and `sql/{executionId}`). */
export const ExecutionData = z.looseObject({
  id: Long,
  status: SqlExecutionStatus,
  description: z.string(),
  /** Empty string when `planDescription=false`. */
  planDescription: z.string(),
  submissionTime: SparkDateString,
  /** "now − submission" while running. */
  duration: Milliseconds,
  runningJobIds: z.array(Long),
  successJobIds: z.array(Long),
  failedJobIds: z.array(Long),
  /** Sorted by nodeId descending; empty when `details=false`. */
  nodes: z.array(SqlPlanNode),
  /** Empty when `details=false`. */
  edges: z.array(SqlPlanEdge),
  // Spark 4.x logs only (Spark 4's History Server adds these):
  /** The query's UUID; absent when the log has none. */
  queryId: z.string().optional(),
  /** "" on success, the error on failure; absent while running or when the end event had none. */
  errorMessage: z.string().optional(),
  /** The top-level execution this one runs under (its own id for a root). */
  rootExecutionId: Long.optional(),
  /** SQL configs the session modified. */
  modifiedConfigs: z.record(z.string(), z.string()).optional(),
});
export type ExecutionData = z.infer<typeof ExecutionData>;
