/** The stored, JSON-serialisable form of one SQL execution (SQLExecutionUIData + SparkPlanGraphWrapper). */
import type { SqlPlanGraph } from './planGraph.js';

export type SqlJobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';
export type SqlExecutionStatus = 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface SqlJobRef {
  jobId: number;
  status: SqlJobStatus;
}

export interface SqlExecutionRecord {
  executionId: number;
  /** Spark 3.4+: the top-level execution this one runs under (itself for a root); -1 when no start event was seen. */
  rootExecutionId: number;
  /** null when the log never carried an execution-start event for this id (Spark writes no field then). */
  description: string | null;
  /** Call site (`details` of the start event). */
  details: string | null;
  physicalPlanDescription: string | null;
  /** Spark 4.x: the query's UUID (`queryId` of the start event); null when the log has none. */
  queryId?: string | null;
  /** Spark 3.3+: SQL configs the session modified. */
  modifiedConfigs: Record<string, string>;
  /** Epoch ms of the start event; -1 when unknown. */
  submissionTime: number;
  /** Epoch ms of the end event; null while running. */
  completionTime: number | null;
  /** Spark 3.4+: "" on success, the error text on failure; null when the end event had none (older logs) or no end yet. */
  errorMessage: string | null;
  /** Derived with Spark 3.5's rules (see sqlExecutionStatus). */
  status: SqlExecutionStatus;
  /** Linked jobs in the order Spark iterates its job map (this is the order of the REST id lists). */
  jobs: SqlJobRef[];
  /** Stage ids of the linked jobs, in Spark's set iteration order. */
  stageIds: number[];
  /**
   * accumulatorId (decimal string) → display string, as SQLAppStatusListener.aggregateMetrics renders it
   * (leading "\n" not yet stripped). For running executions: what is known so far.
   */
  metricValues: Record<string, string>;
  /** The latest plan graph (replaced by adaptive updates); null if no plan was ever seen. */
  graph: SqlPlanGraph | null;
}

/** SQLExecutionUIData.executionStatus (Spark 3.5, SPARK-44334). */
export function sqlExecutionStatus(
  errorMessage: string | null,
  completionTime: number | null,
  jobStatuses: Iterable<SqlJobStatus>,
): SqlExecutionStatus {
  if (errorMessage !== null) return errorMessage === '' ? 'COMPLETED' : 'FAILED';
  if (completionTime === null) return 'RUNNING';
  // Logs older than 3.4 carry no errorMessage: a failed job marks the execution failed.
  for (const s of jobStatuses) if (s === 'FAILED') return 'FAILED';
  return 'COMPLETED';
}
