import type { ExecutionData, JobData, StageData } from '../../../api/index.js';

/**
 * The error of a failed SQL execution. Spark 3.5's REST answer has no error field (the UI reads it from its
 * own store), so: the execution's `errorMessage` when the server passes one through, else the failure reason
 * of the first failed stage of its failed jobs, which is the error Spark reports for the query.
 */
export function sqlFailureMessage(execution: ExecutionData, jobs: readonly JobData[] | undefined, stages: readonly StageData[] | undefined): string | undefined {
  const own = (execution as { errorMessage?: unknown }).errorMessage;
  if (typeof own === 'string' && own !== '') return own;
  if (jobs === undefined || stages === undefined) return undefined;
  const stageIds = new Set(jobs.filter((j) => execution.failedJobIds.includes(j.jobId)).flatMap((j) => j.stageIds));
  const failed = stages
    .filter((s) => stageIds.has(s.stageId) && s.status === 'FAILED' && s.failureReason !== undefined)
    .sort((a, b) => a.stageId - b.stageId || a.attemptId - b.attemptId);
  return failed[0]?.failureReason;
}
