import { z } from 'zod';
import { booleanParam, enumListParam, enumParam, intParam, optionalStringParam } from '../query/paramKinds.js';
import { defineQuery, type QueryError, type QueryInputOf, type QueryOf, type RawQuery } from '../query/queryDefinition.js';
import { TASK_STATUS_FILTERS, TaskData } from '../spark/task.js';

/*
 * The console's task table (`GET …/stages/{stageId}/{stageAttemptId}/tasks`): what Spark's stage page gets from its
 * internal `taskTable` feed — every column sortable on the server, a search box, paging — over the public
 * TaskData shape. Spark's REST `taskList` keeps its own three orders; this endpoint offers all of the stage
 * page's, each an indexed query.
 */

/**
 * Sort keys, one per sortable column of Spark's stage task table (its KV-store index in brackets):
 * Index [idx], Task ID, Attempt [att], Status [sta], Locality level [loc], Executor ID [exe], Host [hst],
 * Launch Time [lt], Duration = executor run time [ert], GC Time [gc], Scheduler Delay [dly],
 * Task Deserialization Time [des], Result Serialization Time [rst], Getting Result Time [grt],
 * Peak Execution Memory [pem], Input Size [is], Output Size [os], Shuffle Read Size [stby], its records [srr],
 * Shuffle Read Fetch Wait Time [srt], Shuffle Remote Reads [srby], Shuffle Write Size [sws], its records [swr],
 * Shuffle Write Time [swt], Spill (Memory) [mbs], Spill (Disk) [dbs], Errors [err].
 */
export const TASK_TABLE_SORTS = [
  'id',
  'index',
  'attempt',
  'status',
  'locality',
  'executor',
  'host',
  'launchTime',
  'duration',
  'gcTime',
  'schedulerDelay',
  'deserializationTime',
  'serializationTime',
  'gettingResultTime',
  'peakExecutionMemory',
  'input',
  'output',
  'shuffleRead',
  'shuffleReadRecords',
  'shuffleFetchWait',
  'shuffleRemoteReads',
  'shuffleWrite',
  'shuffleWriteRecords',
  'shuffleWriteTime',
  'memorySpill',
  'diskSpill',
  'error',
] as const;
export type TaskTableSort = (typeof TASK_TABLE_SORTS)[number];

/** Spark's stage page offers 20/40/60/100 (and All); the console caps a page at this many tasks instead of All. */
export const TASK_TABLE_MAX_LENGTH = 1000;

export const taskTableQuery = defineQuery({
  sort: enumParam(TASK_TABLE_SORTS, {
    default: 'index',
    description:
      'Sort key. Metric keys order as Spark\'s stage page does: tasks without metrics read -1, and failed or killed ' +
      'tasks read −(value+1), so they come first ascending. `duration` is the executor run time. Ties go by task id.',
  }),
  desc: booleanParam(false, 'Descending order.'),
  offset: intParam({ default: 0, description: 'Number of matching tasks to skip.' }),
  length: intParam({ default: 20, min: 1, max: TASK_TABLE_MAX_LENGTH, description: 'Page size.' }),
  status: enumListParam(TASK_STATUS_FILTERS, 'Only tasks with these statuses.'),
  search: optionalStringParam(
    'Case-insensitive substring of a task\'s id, index, attempt, executor id, host, status, locality or error message.',
  ),
});
export type TaskTableQuery = QueryOf<typeof taskTableQuery>;
export type TaskTableQueryInput = QueryInputOf<typeof taskTableQuery>;
export const parseTaskTableQuery = (raw: RawQuery): TaskTableQuery | QueryError => taskTableQuery.parse(raw);

export const TaskTablePage = z.looseObject({
  /** Tasks of the attempt that match the status filter and the search. */
  total: z.int(),
  tasks: z.array(TaskData),
});
export type TaskTablePage = z.infer<typeof TaskTablePage>;
