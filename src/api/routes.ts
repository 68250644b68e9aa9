import { z } from 'zod';
import { accessRoutes } from './console/accessRoutes.js';
import { consoleRoutes } from './console/consoleRoutes.js';
import { runRoutes } from './console/runRoutes.js';
import { appRoute, json, route, SPARK_API_PREFIX, zip, type RouteSpec } from './routeDefinition.js';
import { ApplicationAttemptInfo, ApplicationInfo } from './spark/application.js';
import { ApplicationEnvironmentInfo } from './spark/environment.js';
import { sparkErrors } from './spark/errors.js';
import { ExecutorSummary } from './spark/executor.js';
import { JobData } from './spark/job.js';
import { ProcessSummary } from './spark/process.js';
import {
  applicationsQuery,
  jobsQuery,
  sqlExecutionQuery,
  sqlListQuery,
  stageQuery,
  stagesQuery,
  taskListQuery,
  taskSummaryQuery,
} from './spark/queries.js';
import { ExecutionData } from './spark/sql.js';
import { StageData } from './spark/stage.js';
import { RDDStorageInfo } from './spark/storage.js';
import { TaskData } from './spark/task.js';
import { TaskMetricDistributions } from './spark/taskMetricDistributions.js';
import { ThreadStackTrace } from './spark/threadStackTrace.js';
import { VersionInfo } from './spark/version.js';

/*
 * The route table: every endpoint of Spark 3.5's History Server REST API that a History Server serves
 * (spec §1.2), then the console's own API. The streaming (DStreams) and `taskTable` (DataTables feed for
 * Spark's own stage page) endpoints are deliberately absent: the former exist only in a live driver UI,
 * the latter is internal to Spark's HTML UI.
 */

const stageNotFound = { status: 404, body: sparkErrors.unknownStage('{stageId}'), when: 'no such stage' } as const;
const stageAttemptNotFound = {
  status: 404,
  body: sparkErrors.unknownStageAttempt('{stageId}', ['{attemptIds}']),
  when: 'the stage exists but not this attempt; lists the attempts that do',
} as const;

export const sparkRoutes = {
  version: route({
    operationId: 'version',
    access: 'signedIn',
    path: `${SPARK_API_PREFIX}/version`,
    response: json(VersionInfo),
    summary: 'Spark version the server is compatible with',
    tag: 'meta',
  }),
  applications: route({
    operationId: 'listApplications',
    access: 'signedIn',
    path: `${SPARK_API_PREFIX}/applications`,
    query: applicationsQuery,
    response: json(z.array(ApplicationInfo)),
    summary: 'Applications, ordered by end time descending',
    description:
      'An application is running when its newest attempt is incomplete. It is kept when its status ' +
      'matches `status` and at least one attempt passes the date checks: minDate ≤ start ≤ maxDate, and ' +
      'for a completed application minEndDate ≤ end ≤ maxEndDate (a running one passes the end check only ' +
      'when maxEndDate is in the future). `limit` applies after filtering. Only applications of projects the caller may view are listed.',
    tag: 'applications',
  }),
  application: route({
    operationId: 'getApplication',
    access: 'projectView',
    path: `${SPARK_API_PREFIX}/applications/{appId}`,
    response: json(ApplicationInfo),
    summary: 'One application with all its attempts',
    tag: 'applications',
    errors: [{ status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application, or one of a project the caller is not in' }],
  }),
  applicationAttempt: route({
    operationId: 'getApplicationAttempt',
    access: 'projectView',
    path: `${SPARK_API_PREFIX}/applications/{appId}/{attemptId}`,
    response: json(ApplicationAttemptInfo),
    summary: 'One attempt of an application',
    tag: 'applications',
    errors: [
      {
        status: 404,
        body: sparkErrors.unknownAppAttempt('{appId}', '{attemptId}'),
        when: 'no such application or attempt, or one of a project the caller is not in',
      },
    ],
  }),
  jobs: appRoute({
    operationId: 'listJobs',
    access: 'projectView',
    subPath: '/jobs',
    query: jobsQuery,
    response: json(z.array(JobData)),
    summary: 'Jobs, newest first',
    tag: 'jobs',
  }),
  job: appRoute({
    operationId: 'getJob',
    access: 'projectView',
    subPath: '/jobs/{jobId}',
    response: json(JobData),
    summary: 'One job',
    tag: 'jobs',
    errors: [{ status: 404, body: sparkErrors.unknownJob('{jobId}'), when: 'no such job' }],
  }),
  stages: appRoute({
    operationId: 'listStages',
    access: 'projectView',
    subPath: '/stages',
    query: stagesQuery,
    response: json(z.array(StageData)),
    summary: 'Stage attempts, newest first (stage id, then attempt id, descending)',
    description:
      '`taskStatus` only matters with `details=true`: it filters each `tasks` map and drops stages with no ' +
      'task in the requested states.',
    tag: 'stages',
  }),
  stageAttempts: appRoute({
    operationId: 'listStageAttempts',
    access: 'projectView',
    subPath: '/stages/{stageId}',
    query: stageQuery,
    response: json(z.array(StageData)),
    summary: 'Every attempt of one stage',
    tag: 'stages',
    errors: [stageNotFound],
  }),
  stage: appRoute({
    operationId: 'getStageAttempt',
    access: 'projectView',
    subPath: '/stages/{stageId}/{stageAttemptId}',
    query: stageQuery,
    response: json(StageData),
    summary: 'One stage attempt',
    tag: 'stages',
    errors: [stageNotFound, stageAttemptNotFound],
  }),
  taskSummary: appRoute({
    operationId: 'getTaskSummary',
    access: 'projectView',
    subPath: '/stages/{stageId}/{stageAttemptId}/taskSummary',
    query: taskSummaryQuery,
    response: json(TaskMetricDistributions),
    summary: 'Quantiles of task metrics of one stage attempt',
    description: 'Only tasks that reported metrics count (failed and killed tasks do not).',
    tag: 'tasks',
    errors: [
      {
        status: 404,
        body: sparkErrors.noTaskMetrics('{stageId}', '{stageAttemptId}'),
        when: 'no task of the attempt has reported metrics (or there is no such attempt)',
      },
    ],
  }),
  taskList: appRoute({
    operationId: 'listTasks',
    access: 'projectView',
    subPath: '/stages/{stageId}/{stageAttemptId}/taskList',
    query: taskListQuery,
    response: json(z.array(TaskData)),
    summary: 'One page of the tasks of one stage attempt',
    description: 'An unknown stage attempt gives an empty list, as in Spark.',
    tag: 'tasks',
  }),
  executors: appRoute({
    operationId: 'listActiveExecutors',
    access: 'projectView',
    subPath: '/executors',
    response: json(z.array(ExecutorSummary)),
    summary: 'Active executors (and the driver)',
    tag: 'executors',
  }),
  allExecutors: appRoute({
    operationId: 'listAllExecutors',
    access: 'projectView',
    subPath: '/allexecutors',
    response: json(z.array(ExecutorSummary)),
    summary: 'Active and dead executors (and the driver)',
    tag: 'executors',
  }),
  executorThreads: appRoute({
    operationId: 'getExecutorThreads',
    access: 'projectView',
    subPath: '/executors/{executorId}/threads',
    response: json(z.array(ThreadStackTrace)),
    summary: 'Thread dump of a live executor (live driver UI only)',
    description: 'A History Server has no live executors and always answers 503 (after the checks below).',
    tag: 'executors',
    errors: [
      { status: 400, body: sparkErrors.invalidExecutorId(), when: 'executorId is neither `driver` nor a number' },
      { status: 503, body: sparkErrors.threadDumpsUnavailable(), when: 'always, in a History Server' },
    ],
  }),
  miscProcesses: appRoute({
    operationId: 'listMiscellaneousProcesses',
    access: 'projectView',
    subPath: '/allmiscellaneousprocess',
    response: json(z.array(ProcessSummary)),
    summary: 'Processes other than driver and executors (e.g. the YARN application master)',
    tag: 'executors',
  }),
  rdds: appRoute({
    operationId: 'listRdds',
    access: 'projectView',
    subPath: '/storage/rdd',
    response: json(z.array(RDDStorageInfo)),
    summary: 'Cached RDDs (numCachedPartitions > 0)',
    description: 'Replayed logs have block updates only if the application ran with spark.eventLog.logBlockUpdates.enabled=true.',
    tag: 'storage',
  }),
  rdd: appRoute({
    operationId: 'getRdd',
    access: 'projectView',
    subPath: '/storage/rdd/{rddId}',
    response: json(RDDStorageInfo),
    summary: 'One RDD with its data distribution and partitions',
    tag: 'storage',
    errors: [{ status: 404, body: sparkErrors.unknownRdd('{rddId}'), when: 'no such RDD' }],
  }),
  environment: appRoute({
    operationId: 'getEnvironment',
    access: 'projectView',
    subPath: '/environment',
    response: json(ApplicationEnvironmentInfo),
    summary: 'Runtime, properties (redacted, sorted by name), classpath and resource profiles',
    tag: 'environment',
  }),
  sqlList: appRoute({
    operationId: 'listSqlExecutions',
    access: 'projectView',
    subPath: '/sql',
    query: sqlListQuery,
    response: json(z.array(ExecutionData)),
    summary: 'SQL executions in id order, paged by position',
    tag: 'sql',
  }),
  sqlExecution: appRoute({
    operationId: 'getSqlExecution',
    access: 'projectView',
    subPath: '/sql/{executionId}',
    query: sqlExecutionQuery,
    response: json(ExecutionData),
    summary: 'One SQL execution',
    tag: 'sql',
    errors: [{ status: 404, body: sparkErrors.unknownSqlExecution('{executionId}'), when: 'no such execution' }],
  }),
  logs: appRoute({
    operationId: 'downloadEventLogs',
    access: 'projectLogs',
    subPath: '/logs',
    // Spark's event-log download goes out as application/octet-stream, not application/zip.
    response: zip('eventLogs-{appId}.zip', 'application/octet-stream'),
    responseWithAttempt: zip('eventLogs-{appId}-{attemptId}.zip', 'application/octet-stream'),
    summary: 'Event logs as a zip (all attempts, or one)',
    description:
      'The log files byte for byte: a single-file log is one entry named after the file; a rolling log is a ' +
      'directory entry `eventlog_v2_…/` plus every file in it.',
    tag: 'logs',
    errors: [{ status: 503, body: sparkErrors.eventLogsUnavailable('{appId}'), when: 'the log files cannot be read' }],
  }),
} as const;

export { accessRoutes, consoleRoutes, runRoutes };

type RouteEntry = RouteSpec | { readonly withoutAttempt: RouteSpec; readonly withAttempt: RouteSpec };

function flatten(entries: Readonly<Record<string, RouteEntry>>): RouteSpec[] {
  return Object.values(entries).flatMap((e) => ('withAttempt' in e ? [e.withoutAttempt, e.withAttempt] : [e]));
}

/**
 * Every concrete route: Spark's, the console's, then access (projects, people). The server registers exactly these (with
 * {@link toFastifyPath}); the OpenAPI document lists exactly these.
 */
export const routeTable: readonly RouteSpec[] = [...flatten(sparkRoutes), ...flatten(consoleRoutes), ...flatten(runRoutes), ...flatten(accessRoutes)];
