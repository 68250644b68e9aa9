import type { JobData } from '../../../api/index.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';

/** Completion (or now, while running) minus submission; undefined without a submission time ("Unknown"). */
export function jobDurationMs(job: JobData, now: number): number | undefined {
  const submitted = epochMillisFromSparkDate(job.submissionTime);
  if (submitted === undefined) return undefined;
  return (epochMillisFromSparkDate(job.completionTime) ?? now) - submitted;
}

/** Spark's split of the jobs page: anything not SUCCEEDED or FAILED counts as active. */
export function jobGroup(job: JobData): 'active' | 'completed' | 'failed' {
  return job.status === 'SUCCEEDED' ? 'completed' : job.status === 'FAILED' ? 'failed' : 'active';
}
