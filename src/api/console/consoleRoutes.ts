import { z } from 'zod';
import { download, eventStream, json, route, text, zip } from '../routeDefinition.js';
import { sparkErrors } from '../spark/errors.js';
import { APP_CHANGE_EVENT, APP_CHANGES_HEARTBEAT_MS, APP_COMPLETE_EVENT, AppChangeEvent } from './appChanges.js';
import { AppListPage } from './appListItem.js';
import { appListQuery } from './appListQuery.js';
import { AppLogList, LogChunk, logChunkQuery } from './appLogs.js';
import { APP_LOG_SEARCH_DONE_EVENT, APP_LOG_SEARCH_FILE_EVENT, AppLogSearchDone, AppLogSearchFile, appLogSearchQuery, LogSearchResult, logSearchQuery } from './logSearch.js';
import { AppFacets, ConsoleStatus } from './consoleMeta.js';
import { Diagnostics } from './diagnostics.js';
import { StageGraph } from './stageGraph.js';
import { TaskTablePage, taskTableQuery } from './stageTasks.js';
import { TaskTimeline } from './taskTimeline.js';

/** The console's own API under /api/console. It grows here, separately from the Spark-compatible table. */
export const CONSOLE_API_PREFIX = '/api/console';

export const consoleRoutes = {
  docs: route({
    operationId: 'openApiDocument',
    access: 'public',
    path: '/api/docs',
    response: json(z.looseObject({ openapi: z.string() })),
    summary: 'This document: the OpenAPI 3.1 description of every route',
    tag: 'meta',
  }),
  metrics: route({
    operationId: 'prometheusMetrics',
    access: 'consoleAdmin',
    path: '/metrics',
    response: text('text/plain; version=0.0.4'),
    summary: 'Server health as Prometheus metrics (replays, stores, descriptors, requests)',
    description: 'Scrape with a console administrator\'s API token (`Authorization: Bearer`).',
    tag: 'meta',
  }),
  facets: route({
    operationId: 'consoleAppFacets',
    access: 'signedIn',
    path: `${CONSOLE_API_PREFIX}/facets`,
    response: json(AppFacets),
    summary: 'Distinct users, Spark versions and projects',
    description: 'The values the application list can be filtered by, across every indexed log.',
    tag: 'console',
  }),
  status: route({
    operationId: 'consoleStatus',
    access: 'signedIn',
    path: `${CONSOLE_API_PREFIX}/status`,
    response: json(ConsoleStatus),
    summary: 'Ingest status',
    description: 'Replays still pending, the time of the last scan, and the logs that could not be read with their errors.',
    tag: 'console',
  }),
  apps: route({
    operationId: 'consoleListApps',
    access: 'signedIn',
    path: `${CONSOLE_API_PREFIX}/apps`,
    query: appListQuery,
    response: json(AppListPage),
    summary: 'Paged, filtered application listing',
    description:
      'Server-side filtering, sorting and paging over every indexed event log, including logs that could ' +
      'not be read (listed with `error`). `total` counts matches before paging.',
    tag: 'console',
  }),
  appLogs: route({
    operationId: 'consoleAppLogs',
    readsAppLogFiles: true,
    access: 'projectLogs',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/logs`,
    response: json(AppLogList),
    summary: 'Driver and executor log files of an application',
    description: 'Historical stdout/stderr of every executor and the driver log, found under the configured app-log roots.',
    tag: 'console',
    errors: [{ status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' }],
  }),
  appLogChunk: route({
    operationId: 'consoleAppLogChunk',
    readsAppLogFiles: true,
    access: 'projectLogs',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/logs/{executorId}/{logType}`,
    query: logChunkQuery,
    response: json(LogChunk),
    summary: 'A byte range of one log (default: its last 100 KiB)',
    tag: 'console',
    errors: [
      { status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' },
      { status: 404, body: 'no {logType} log for executor {executorId}', when: 'no such log file' },
    ],
  }),
  appLogDownload: route({
    operationId: 'consoleAppLogDownload',
    access: 'projectLogs',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/logs/{executorId}/{logType}/download`,
    response: download('text/plain', '{appId}-{executorId}-{logType}'),
    summary: 'The whole log file, as long as it was at the request',
    description: 'A log that is still growing is sent up to its length at the request. One `Range: bytes=…` is honoured (206).',
    tag: 'console',
    errors: [
      { status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' },
      { status: 404, body: 'no {logType} log for executor {executorId}', when: 'no such log file' },
      { status: 416, body: 'range not satisfiable: {range} (file is {size} bytes)', when: 'the Range lies outside the file' },
    ],
  }),
  appLogsZip: route({
    operationId: 'consoleAppLogsZip',
    access: 'projectLogs',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/all-logs.zip`,
    response: zip('{appId}-logs.zip'),
    summary: 'Every log of an application as one zip: driver, executors (rolled pieces included) and event log',
    description:
      'Streamed; files are taken as long as they were at the request, so logs still growing give a whole archive. ' +
      'Entries: `{appId}/driver/…`, `{appId}/executors/{executorId}/…`, `{appId}/eventlog/…`.',
    tag: 'console',
    errors: [{ status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' }],
  }),
  appLogsSearch: route({
    operationId: 'consoleAppLogsSearch',
    access: 'projectLogs',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/logs-search`,
    query: appLogSearchQuery,
    response: eventStream({ [APP_LOG_SEARCH_FILE_EVENT]: AppLogSearchFile, [APP_LOG_SEARCH_DONE_EVENT]: AppLogSearchDone }),
    summary: 'Search every log of an application, streamed file by file',
    description:
      `A text/event-stream: one \`event: ${APP_LOG_SEARCH_FILE_EVENT}\` per log (driver first, then executors) with its ` +
      `match count and first matches, as each is searched; then \`event: ${APP_LOG_SEARCH_DONE_EVENT}\` with the totals, ` +
      'and the stream ends. Same pattern rules as the single-file search.',
    tag: 'console',
    errors: [
      { status: 400, body: 'invalid regular expression: {reason}', when: 'the pattern is invalid, could take exponential time, matches the empty text or holds a line break (an empty or too long `q` is the parameter error above)' },
      { status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' },
    ],
  }),
  appLogSearch: route({
    operationId: 'consoleAppLogSearch',
    readsAppLogFiles: true,
    access: 'projectLogs',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/logs/{executorId}/{logType}/search`,
    query: logSearchQuery,
    response: json(LogSearchResult),
    summary: 'Search a whole log: total matches and one page of them with byte offsets',
    description:
      'The file is searched as long as it was at the request, streamed, never loaded whole. `total` counts every ' +
      'match (up to a million); `matches` holds `limit` of them from `from` forward, or the ones just before it.',
    tag: 'console',
    errors: [
      { status: 400, body: 'invalid regular expression: {reason}', when: 'the pattern is invalid, could take exponential time, matches the empty text or holds a line break (an empty or too long `q` is the parameter error above)' },
      { status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' },
      { status: 404, body: 'no {logType} log for executor {executorId}', when: 'no such log file' },
    ],
  }),
  stageGraph: route({
    operationId: 'consoleStageGraph',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/attempts/{attempt}/stage-graph`,
    response: json(StageGraph),
    summary: 'Stage parents, RDD graphs and locality of every stage attempt',
    description: 'The data Spark UI draws its job and stage DAGs from. `attempt` is the attempt id, or `-` for an application without attempt ids.',
    tag: 'console',
    errors: [{ status: 404, body: sparkErrors.noSuchApp('{appId}'), when: 'no such application or attempt' }],
  }),
  diagnostics: route({
    operationId: 'consoleDiagnostics',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/attempts/{attempt}/diagnostics`,
    response: json(Diagnostics),
    summary: 'Why an application attempt failed or was slow: ranked findings with their numbers',
    description:
      'Rules with DataFlint\'s thresholds: skew (slowest task > 5 s and > 10× the median), spill, GC > 10% of task ' +
      'time (per stage and executor), many tiny tasks (> 5000 with median < 500 ms), idle cores > 50%, lost executors, ' +
      'fetch failures, stage retries, failed tasks grouped by error, large partitions (> 5 GB read by one task), executor ' +
      'memory over- or under-provisioned (peak heap < 70% or > 95% of spark.executor.memory), small files (> 100 files ' +
      'averaging < 3 MB read or written by a SQL node) and broadcasts over 1 GB. Each finding has its measured values, ' +
      'thresholds, the time (or CU-hours) it explains, and links to stages, tasks, executors or SQL queries. Ranked critical ' +
      'first, then by impact. `attempt` is the attempt id, or `-` for an application without attempt ids.',
    tag: 'console',
    errors: [{ status: 404, body: sparkErrors.noSuchApp('{appId}'), when: 'no such application or attempt' }],
  }),
  taskTimeline: route({
    operationId: 'consoleTaskTimeline',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/attempts/{attempt}/stages/{stageId}/{stageAttemptId}/timeline`,
    response: json(TaskTimeline),
    summary: "A stage attempt's tasks as columns for the task timeline",
    tag: 'console',
    errors: [
      { status: 404, body: sparkErrors.noSuchApp('{appId}'), when: 'no such application or attempt' },
      { status: 404, body: sparkErrors.unknownStage('{stageId}'), when: 'no such stage attempt' },
    ],
  }),
  taskTable: route({
    operationId: 'consoleTaskTable',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/attempts/{attempt}/stages/{stageId}/{stageAttemptId}/tasks`,
    query: taskTableQuery,
    response: json(TaskTablePage),
    summary: "One page of a stage attempt's tasks, sorted on any column of Spark's stage page and searched",
    description:
      'The stage page\'s task table: sorted by the server on an index (any of its columns), filtered by status and a ' +
      'search text, paged. `total` counts the matching tasks. `attempt` is the attempt id, or `-` for an ' +
      'application without attempt ids.',
    tag: 'console',
    errors: [
      { status: 404, body: sparkErrors.noSuchApp('{appId}'), when: 'no such application or attempt' },
      { status: 404, body: sparkErrors.unknownStage('{stageId}'), when: 'no such stage attempt' },
    ],
  }),
  appChanges: route({
    operationId: 'consoleAppChanges',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/changes`,
    response: eventStream({ [APP_CHANGE_EVENT]: AppChangeEvent, [APP_COMPLETE_EVENT]: AppChangeEvent }),
    summary: 'Server-sent events: changes of one application',
    description:
      `A text/event-stream. Each \`event: ${APP_CHANGE_EVENT}\` message has \`id: <revision>\` and one ` +
      '`data:` line holding an AppChangeEvent (JSON) naming the changed scopes, so the UI invalidates only ' +
      `those queries. A \`: ping\` comment comes every ${APP_CHANGES_HEARTBEAT_MS / 1000} s. Reconnects send ` +
      '`Last-Event-ID`. `event: complete` (same data) is sent once the application has ended, then the ' +
      'stream closes.',
    tag: 'console',
    errors: [{ status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' }],
  }),
} as const;
