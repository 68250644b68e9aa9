import type { TaskTableSort } from '../../api/console/stageTasks.js';
import { executorRank } from '../../api/executorOrder.js';
import { gettingResultTime } from '../status/taskData.js';
import type { TaskRow } from '../status/taskSink.js';
import { M } from '../status/taskMetrics.js';

/*
 * The task table's sort columns: one stored column (and one index, built after the first replay) per sortable
 * column of Spark's stage page, holding the value Spark's TaskDataWrapper indexes. As in Spark's store, a task
 * without metrics reads -1 and a task that did not succeed reads −(v+1), so sorting puts them where Spark's
 * stage page puts them; successful tasks read their plain value.
 */

/** A metric as Spark stores it for sorting (LiveTask.doUpdate's makeNegative). */
function stored(row: TaskRow, v: number): number {
  return row.status === 'SUCCESS' ? v : -(v + 1);
}

/** Stored metric columns: name → how the value is computed from a task with metrics. */
const METRIC_COLUMNS = {
  run_time: (r: TaskRow, m: Float64Array) => stored(r, m[M.executorRunTime]!),
  gc_time: (r: TaskRow, m: Float64Array) => stored(r, m[M.jvmGcTime]!),
  deser_time: (r: TaskRow, m: Float64Array) => stored(r, m[M.executorDeserializeTime]!),
  ser_time: (r: TaskRow, m: Float64Array) => stored(r, m[M.resultSerializationTime]!),
  // AppStatusUtils.schedulerDelay over the stored (possibly negated) times, as TaskDataWrapper computes it.
  scheduler_delay: (r: TaskRow, m: Float64Array) =>
    Math.max(
      0,
      r.duration - stored(r, m[M.executorRunTime]!) - stored(r, m[M.executorDeserializeTime]!) - stored(r, m[M.resultSerializationTime]!) -
        gettingResultTime(r.launchTime, r.resultFetchStart, r.duration),
    ),
  getting_result_time: (r: TaskRow) => gettingResultTime(r.launchTime, r.resultFetchStart, r.duration),
  peak_memory: (r: TaskRow, m: Float64Array) => stored(r, m[M.peakExecutionMemory]!),
  input_bytes: (r: TaskRow, m: Float64Array) => stored(r, m[M.inputBytesRead]!),
  output_bytes: (r: TaskRow, m: Float64Array) => stored(r, m[M.outputBytesWritten]!),
  // Spark's shuffleTotalReads: the sum of the two stored byte counts.
  shuffle_read_bytes: (r: TaskRow, m: Float64Array) => stored(r, m[M.shuffleLocalBytesRead]!) + stored(r, m[M.shuffleRemoteBytesRead]!),
  shuffle_read_records: (r: TaskRow, m: Float64Array) => stored(r, m[M.shuffleRecordsRead]!),
  fetch_wait: (r: TaskRow, m: Float64Array) => stored(r, m[M.shuffleFetchWaitTime]!),
  remote_reads: (r: TaskRow, m: Float64Array) => stored(r, m[M.shuffleRemoteBytesRead]!),
  shuffle_write_bytes: (r: TaskRow, m: Float64Array) => stored(r, m[M.shuffleBytesWritten]!),
  shuffle_write_records: (r: TaskRow, m: Float64Array) => stored(r, m[M.shuffleRecordsWritten]!),
  shuffle_write_time: (r: TaskRow, m: Float64Array) => stored(r, m[M.shuffleWriteTime]!),
  memory_spill: (r: TaskRow, m: Float64Array) => stored(r, m[M.memoryBytesSpilled]!),
  disk_spill: (r: TaskRow, m: Float64Array) => stored(r, m[M.diskBytesSpilled]!),
} as const;

export type MetricColumn = keyof typeof METRIC_COLUMNS;
export const METRIC_COLUMN_NAMES = Object.keys(METRIC_COLUMNS) as MetricColumn[];

/** The metric sort values of a task, in {@link METRIC_COLUMN_NAMES} order (all -1 without metrics). */
export function metricSortValues(row: TaskRow): number[] {
  const m = row.metrics;
  return METRIC_COLUMN_NAMES.map((c) => (m ? METRIC_COLUMNS[c](row, m) : -1));
}

export const storedExecutorRank = (row: TaskRow): number => executorRank(row.executorId);

/** The ORDER BY terms of each sort key, before the task-id tiebreak; every term list has an index below. */
export const TASK_SORT_TERMS: Record<TaskTableSort, readonly string[]> = {
  id: [],
  index: ['idx'],
  attempt: ['attempt'],
  status: ['status'],
  locality: ['locality'],
  executor: ['executor_rank', 'executor_id'],
  host: ['host'],
  launchTime: ['launch_time'],
  duration: ['run_time'],
  gcTime: ['gc_time'],
  schedulerDelay: ['scheduler_delay'],
  deserializationTime: ['deser_time'],
  serializationTime: ['ser_time'],
  gettingResultTime: ['getting_result_time'],
  peakExecutionMemory: ['peak_memory'],
  input: ['input_bytes'],
  output: ['output_bytes'],
  shuffleRead: ['shuffle_read_bytes'],
  shuffleReadRecords: ['shuffle_read_records'],
  shuffleFetchWait: ['fetch_wait'],
  shuffleRemoteReads: ['remote_reads'],
  shuffleWrite: ['shuffle_write_bytes'],
  shuffleWriteRecords: ['shuffle_write_records'],
  shuffleWriteTime: ['shuffle_write_time'],
  memorySpill: ['memory_spill'],
  diskSpill: ['disk_spill'],
  error: ['error'],
};

/**
 * One index per sort key, on (stage, attempt, terms…): the table's rowid (task id) is the last column of every
 * SQLite index, so "ORDER BY terms, task_id" in either direction is an index walk, never a sort.
 */
export const TASK_SORT_INDEX_DDL = Object.entries(TASK_SORT_TERMS)
  .filter(([, terms]) => terms.length > 0)
  .map(([key, terms]) => `CREATE INDEX IF NOT EXISTS tasks_sort_${key} ON tasks (stage_id, stage_attempt, ${terms.join(', ')});`)
  .join('\n');
