import { booleanParam, dateParam, enumListParam, enumParam, intParam, optionalIntParam, quantilesParam } from '../query/paramKinds.js';
import { defineQuery, type QueryError, type QueryOf, type QueryInputOf, type RawQuery } from '../query/queryDefinition.js';
import { JOB_STATUSES } from './job.js';
import { STAGE_STATUSES } from './stage.js';
import { TASK_STATUS_FILTERS } from './task.js';

/*
 * Query parameters of every Spark /api/v1 endpoint that takes any, with Spark 3.5's defaults.
 * Each endpoint has a definition (for the route table, the docs and the client) and a parse function
 * (for the server): `parseXQuery(request.query)` gives typed values or `{ error }` to answer with 400.
 */

/** ApplicationStatus enum of the `applications` filter. */
export const APPLICATION_STATUSES = ['COMPLETED', 'RUNNING'] as const;
export type ApplicationStatusFilter = (typeof APPLICATION_STATUSES)[number];

/** Task ordering of `taskList`. */
export const TASK_SORTINGS = ['ID', 'INCREASING_RUNTIME', 'DECREASING_RUNTIME'] as const;
export type TaskSorting = (typeof TASK_SORTINGS)[number];

/** `withSummaries` quantiles default to the full range… */
export const STAGE_SUMMARY_QUANTILES = [0.0, 0.25, 0.5, 0.75, 1.0] as const;
/** …while `taskSummary` defaults to 5%–95% (a known Spark trap). */
export const TASK_SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export const applicationsQuery = defineQuery({
  status: enumListParam(APPLICATION_STATUSES, 'Only applications whose newest attempt is completed / still running.'),
  minDate: dateParam('2010-01-01', 'Earliest start time of at least one attempt.'),
  maxDate: dateParam('3000-01-01', 'Latest start time of at least one attempt.'),
  minEndDate: dateParam('2010-01-01', 'Earliest end time (completed applications).'),
  maxEndDate: dateParam('3000-01-01', 'Latest end time; running applications pass only if it lies in the future.'),
  limit: optionalIntParam({ description: 'At most this many applications, applied after filtering. Unlimited when absent.' }),
});
export type ApplicationsQuery = QueryOf<typeof applicationsQuery>;
export type ApplicationsQueryInput = QueryInputOf<typeof applicationsQuery>;
export const parseApplicationsQuery = (raw: RawQuery): ApplicationsQuery | QueryError => applicationsQuery.parse(raw);

export const jobsQuery = defineQuery({
  status: enumListParam(JOB_STATUSES, 'Only jobs with these statuses.'),
});
export type JobsQuery = QueryOf<typeof jobsQuery>;
export type JobsQueryInput = QueryInputOf<typeof jobsQuery>;
export const parseJobsQuery = (raw: RawQuery): JobsQuery | QueryError => jobsQuery.parse(raw);

const taskStatusFilter = enumListParam(
  TASK_STATUS_FILTERS,
  'With details=true: only tasks with these statuses in `tasks`; stages without such tasks are dropped.',
);
const withSummaries = booleanParam(false, 'Add taskMetricsDistributions and executorMetricsDistributions.');
const summaryQuantiles = quantilesParam(STAGE_SUMMARY_QUANTILES, 'Quantiles of the withSummaries distributions.');

export const stagesQuery = defineQuery({
  status: enumListParam(STAGE_STATUSES, 'Only stages with these statuses.'),
  details: booleanParam(false, 'Include the `tasks` and `executorSummary` maps.'),
  withSummaries,
  quantiles: summaryQuantiles,
  taskStatus: taskStatusFilter,
});
export type StagesQuery = QueryOf<typeof stagesQuery>;
export type StagesQueryInput = QueryInputOf<typeof stagesQuery>;
export const parseStagesQuery = (raw: RawQuery): StagesQuery | QueryError => stagesQuery.parse(raw);

/** `stages/{stageId}` and `stages/{stageId}/{stageAttemptId}`: unlike the list, `details` defaults to true. */
export const stageQuery = defineQuery({
  details: booleanParam(true, 'Include the `tasks` and `executorSummary` maps.'),
  taskStatus: taskStatusFilter,
  withSummaries,
  quantiles: summaryQuantiles,
});
export type StageQuery = QueryOf<typeof stageQuery>;
export type StageQueryInput = QueryInputOf<typeof stageQuery>;
export const parseStageQuery = (raw: RawQuery): StageQuery | QueryError => stageQuery.parse(raw);

export const taskSummaryQuery = defineQuery({
  quantiles: quantilesParam(TASK_SUMMARY_QUANTILES, 'Quantiles to compute over tasks that reported metrics.'),
});
export type TaskSummaryQuery = QueryOf<typeof taskSummaryQuery>;
export type TaskSummaryQueryInput = QueryInputOf<typeof taskSummaryQuery>;
export const parseTaskSummaryQuery = (raw: RawQuery): TaskSummaryQuery | QueryError => taskSummaryQuery.parse(raw);

export const taskListQuery = defineQuery({
  offset: intParam({ default: 0, description: 'Number of tasks to skip (after sorting and filtering).' }),
  length: intParam({ default: 20, description: 'Maximum number of tasks to return.' }),
  sortBy: enumParam(TASK_SORTINGS, {
    default: 'ID',
    aliases: { runtime: 'INCREASING_RUNTIME', '-runtime': 'DECREASING_RUNTIME' },
    description: 'Task order; runtime means executorRunTime.',
  }),
  status: enumListParam(TASK_STATUS_FILTERS, 'Only tasks with these statuses.'),
});
export type TaskListQuery = QueryOf<typeof taskListQuery>;
export type TaskListQueryInput = QueryInputOf<typeof taskListQuery>;
export const parseTaskListQuery = (raw: RawQuery): TaskListQuery | QueryError => taskListQuery.parse(raw);

const sqlDetails = booleanParam(true, 'Include plan `nodes` (with metrics) and `edges`.');
const planDescription = booleanParam(true, 'Include the physical plan text (else an empty string).');

export const sqlListQuery = defineQuery({
  details: sqlDetails,
  planDescription,
  offset: intParam({ default: 0, description: 'Number of executions to skip, in id order (a position, not an execution id).' }),
  length: intParam({ default: 20, description: 'Maximum number of executions to return.' }),
});
export type SqlListQuery = QueryOf<typeof sqlListQuery>;
export type SqlListQueryInput = QueryInputOf<typeof sqlListQuery>;
export const parseSqlListQuery = (raw: RawQuery): SqlListQuery | QueryError => sqlListQuery.parse(raw);

export const sqlExecutionQuery = defineQuery({
  details: sqlDetails,
  planDescription,
});
export type SqlExecutionQuery = QueryOf<typeof sqlExecutionQuery>;
export type SqlExecutionQueryInput = QueryInputOf<typeof sqlExecutionQuery>;
export const parseSqlExecutionQuery = (raw: RawQuery): SqlExecutionQuery | QueryError => sqlExecutionQuery.parse(raw);
