import { z } from 'zod';
import { intParam, optionalStringParam } from '../query/paramKinds.js';
import { defineQuery, type QueryInputOf, type QueryOf } from '../query/queryDefinition.js';
import { AppListStatus } from './appListItem.js';

/*
 * Runs of a job over time and the comparison of two runs (issue 14). A job is what a scheduler runs again
 * and again: the applications of one project with the same name. Usage comes from the listing index; the
 * rest from each run's own store, read with bounded queries.
 */

/** A job of a project: its runs summed from the listing index. */
export const JobSummary = z.looseObject({
  name: z.string(),
  runs: z.int(),
  failedRuns: z.int(),
  /** CU-hours of every run. */
  cuHours: z.number(),
  /** Mean duration of the runs that ended, ms. */
  meanDurationMs: z.number(),
  /** The newest run: where the job's pages open. */
  lastRun: z.looseObject({ appId: z.string(), attemptId: z.string().optional(), startTime: z.int(), status: AppListStatus }),
});
export type JobSummary = z.infer<typeof JobSummary>;

/** The jobs of a project, costliest (CU-hours) first. */
export const JobList = z.looseObject({ project: z.string(), jobs: z.array(JobSummary) });
export type JobList = z.infer<typeof JobList>;

/** One run of a job with what it did and used. */
export const RunSummary = z.looseObject({
  appId: z.string(),
  attemptId: z.string().optional(),
  name: z.string(),
  sparkVersion: z.string(),
  status: AppListStatus,
  /** Epoch ms. */
  startTime: z.int(),
  endTime: z.int().nullable(),
  durationMs: z.int(),
  cuHours: z.number(),
  inputBytes: z.number(),
  outputBytes: z.number(),
  shuffleReadBytes: z.number(),
  shuffleWriteBytes: z.number(),
  /** Summed executor run time of every stage attempt, ms. */
  taskTimeMs: z.number(),
  failedTasks: z.int(),
  failedJobs: z.int(),
  failedStages: z.int(),
  /** Executors that ever ran (not the driver). */
  executors: z.int(),
  /** Set when the run's store could not be read now (not replayed yet): its store figures are 0. */
  storeUnavailable: z.boolean().optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** The runs of the job an application belongs to, newest first (at most `limit`). */
export const RunList = z.looseObject({
  project: z.string(),
  name: z.string(),
  /** Runs of the job in all; `runs` holds the newest `limit`. */
  total: z.int(),
  runs: z.array(RunSummary),
});
export type RunList = z.infer<typeof RunList>;

export const RUNS_DEFAULT = 30;
export const RUNS_MAX = 100;
export const runListQuery = defineQuery({
  limit: intParam({ default: RUNS_DEFAULT, min: 1, max: RUNS_MAX, description: 'How many of the newest runs to describe (each reads its own store).' }),
});
export type RunListQuery = QueryOf<typeof runListQuery>;
export type RunListQueryInput = QueryInputOf<typeof runListQuery>;

export const compareQuery = defineQuery({
  with: optionalStringParam('The application to compare with; default: the previous run of the same job.'),
  withAttempt: optionalStringParam('Its attempt id (`-` or absent for none; default: its newest attempt).'),
});
export type CompareQuery = QueryOf<typeof compareQuery>;
export type CompareQueryInput = QueryInputOf<typeof compareQuery>;

/** A Spark property whose value differs (null where the run does not set it); values redacted as in Environment. */
export const PropertyDifference = z.looseObject({
  key: z.string(),
  a: z.string().nullable(),
  b: z.string().nullable(),
  /** Keys that name the run itself (ids, hosts, ports, start times): they always differ. */
  runSpecific: z.boolean(),
});
export type PropertyDifference = z.infer<typeof PropertyDifference>;

const JobSide = z.looseObject({ jobId: z.int(), status: z.string(), durationMs: z.number(), numTasks: z.int(), numFailedTasks: z.int() });
const StageSide = z.looseObject({
  stageId: z.int(),
  attemptId: z.int(),
  status: z.string(),
  numTasks: z.int(),
  durationMs: z.number(),
  executorRunTime: z.number(),
  inputBytes: z.number(),
  shuffleReadBytes: z.number(),
  shuffleWriteBytes: z.number(),
  spilledBytes: z.number(),
});
const SqlSide = z.looseObject({ executionId: z.int(), status: z.string(), durationMs: z.number() });

/** A job, stage or query of one run matched to the other by name (call site) or query signature, in order of occurrence. */
export const JobMatch = z.looseObject({ name: z.string(), a: JobSide.nullable(), b: JobSide.nullable(), deltaMs: z.number().nullable() });
export const StageMatch = z.looseObject({ name: z.string(), a: StageSide.nullable(), b: StageSide.nullable(), deltaMs: z.number().nullable() });
export const SqlMatch = z.looseObject({
  description: z.string(),
  a: SqlSide.nullable(),
  b: SqlSide.nullable(),
  deltaMs: z.number().nullable(),
  /** Physical-plan lines (expression ids removed) found in one run's plan only. */
  planOnlyInA: z.array(z.string()),
  planOnlyInB: z.array(z.string()),
});
export type JobMatch = z.infer<typeof JobMatch>;
export type StageMatch = z.infer<typeof StageMatch>;
export type SqlMatch = z.infer<typeof SqlMatch>;

/** Two runs side by side: `a` is the run asked about, `b` the one it is compared with; deltas are a − b. */
export const RunComparison = z.looseObject({
  a: RunSummary,
  b: RunSummary,
  properties: z.array(PropertyDifference),
  jobs: z.array(JobMatch),
  stages: z.array(StageMatch),
  sql: z.array(SqlMatch),
  /** Rows left out of each list beyond its cap. */
  truncated: z.boolean(),
});
export type RunComparison = z.infer<typeof RunComparison>;
