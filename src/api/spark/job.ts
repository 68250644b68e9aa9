import { z } from 'zod';
import { CountByKey, Long, SparkDateString } from './scalars.js';

/** Spark's JobExecutionStatus enum names, as written in `JobData.status`. */
export const JOB_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'UNKNOWN'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobData = z.looseObject({
  jobId: Long,
  name: z.string(),
  description: z.string().optional(),
  submissionTime: SparkDateString.optional(),
  completionTime: SparkDateString.optional(),
  stageIds: z.array(Long),
  jobGroup: z.string().optional(),
  jobTags: z.array(z.string()),
  status: JobStatus,
  numTasks: Long,
  numActiveTasks: Long,
  numCompletedTasks: Long,
  numSkippedTasks: Long,
  numFailedTasks: Long,
  numKilledTasks: Long,
  numCompletedIndices: Long,
  numActiveStages: Long,
  numCompletedStages: Long,
  numSkippedStages: Long,
  numFailedStages: Long,
  /** Kill reason → number of tasks killed for it. */
  killedTasksSummary: CountByKey,
});
export type JobData = z.infer<typeof JobData>;
