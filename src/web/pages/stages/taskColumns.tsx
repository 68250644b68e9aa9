import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { AppRef, TaskData, TaskTableSort } from '../../../api/index.js';
import { ErrorMessageCell } from '../../components/ErrorMessageCell.js';
import { LogLinks } from '../../components/LogLinks.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { ValuePair } from '../../components/ValuePair.js';
import { appPaths } from '../../lib/appPaths.js';
import { breakableHost } from '../../lib/breakableText.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatDuration } from '../../lib/formatDuration.js';
import type { StageDataPresence } from './stageDataPresence.js';
import type { StageOptionalMetric } from './stageOptionalMetrics.js';

const col = createColumnHelper<TaskData>();
const sizeRecords = (b: number | undefined, r: number | undefined) => (b === undefined ? '' : <ValuePair text={`${formatBytes(b)} / ${r ?? 0}`} />);
// Durations and sizes never wrap inside a value ("0.5 s" split over two lines reads as two numbers).
const number = { align: 'right' as const, cellClassName: 'whitespace-nowrap' };
const msCell = (v: number | undefined) => (v === undefined ? '' : formatDuration(v));

/**
 * Spark's task-table columns (§2.5 9). Every column but Logs and Accumulators sorts on the server, ascending on
 * the first click as in Spark's table; a column's id is its sort key of the console task table. Optional columns
 * follow the "Show Additional Metrics" boxes.
 */
export function taskColumns(app: AppRef, o: { presence: StageDataPresence; shown: ReadonlySet<StageOptionalMetric>; accumulators: boolean }) {
  const m = (t: TaskData) => t.taskMetrics;
  const ms = (id: TaskTableSort, header: string, get: (t: TaskData) => number | undefined, headerTitle?: string) =>
    col.accessor(get, { id, header, sortDescFirst: false, meta: { ...number, ...(headerTitle ? { headerTitle } : {}) }, cell: (c) => msCell(c.getValue()) });
  const size = (id: TaskTableSort, header: string, get: (t: TaskData) => number | undefined) =>
    col.accessor(get, { id, header, sortDescFirst: false, meta: number, cell: (c) => (c.getValue() === undefined ? '' : formatBytes(c.getValue()!)) });
  const when = <T,>(on: boolean, cols: T[]): T[] => (on ? cols : []);
  return [
    col.accessor('index', { id: 'index', header: 'Index', sortDescFirst: false, meta: { align: 'right' } }),
    col.accessor('taskId', { id: 'id', header: 'Task ID', sortDescFirst: false, meta: { align: 'right' } }),
    col.accessor('attempt', { id: 'attempt', header: 'Attempt', sortDescFirst: false, meta: { align: 'right' } }),
    col.accessor('status', {
      id: 'status',
      header: 'Status',
      cell: (c) => (
        <span className="inline-flex items-center gap-1 whitespace-nowrap">
          <StatusBadge status={c.getValue()} />
          {c.row.original.speculative && <span className="text-xs text-slate-500">(speculative)</span>}
        </span>
      ),
    }),
    col.accessor('taskLocality', { id: 'locality', header: 'Locality level', meta: { cellClassName: 'whitespace-nowrap' } }),
    col.accessor('executorId', {
      id: 'executor',
      header: 'Executor ID',
      cell: (c) => (
        <Link to={appPaths.executors(app, c.getValue())} className="link" data-testid="task-executor-link">
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('host', { id: 'host', header: 'Host', meta: { cellClassName: 'min-w-32 [overflow-wrap:anywhere]' }, cell: (c) => breakableHost(c.getValue()) }),
    col.display({ id: 'logs', header: 'Logs', enableSorting: false, cell: (c) => <LogLinks logs={c.row.original.executorLogs} executorId={c.row.original.executorId} /> }),
    col.accessor('launchTime', { id: 'launchTime', header: 'Launch Time', sortDescFirst: false, cell: (c) => <SparkDateTime text={c.getValue()} /> }),
    ms('duration', 'Duration', (t) => m(t)?.executorRunTime, 'Executor run time of the task (its wall time less scheduling, deserialization and result handling).'),
    ms('gcTime', 'GC Time', (t) => m(t)?.jvmGcTime),
    ...when(o.shown.has('schedulerDelay'), [ms('schedulerDelay', 'Scheduler Delay', (t) => t.schedulerDelay)]),
    ...when(o.shown.has('deserializationTime'), [ms('deserializationTime', 'Task Deserialization Time', (t) => m(t)?.executorDeserializeTime)]),
    ...when(o.presence.shuffleRead && o.shown.has('shuffleFetchWait'), [ms('shuffleFetchWait', 'Shuffle Read Fetch Wait Time', (t) => m(t)?.shuffleReadMetrics.fetchWaitTime)]),
    ...when(o.presence.shuffleRead && o.shown.has('shuffleRemoteReads'), [size('shuffleRemoteReads', 'Shuffle Remote Reads', (t) => m(t)?.shuffleReadMetrics.remoteBytesRead)]),
    ...when(o.shown.has('serializationTime'), [ms('serializationTime', 'Result Serialization Time', (t) => m(t)?.resultSerializationTime)]),
    ...when(o.shown.has('gettingResultTime'), [ms('gettingResultTime', 'Getting Result Time', (t) => t.gettingResultTime)]),
    ...when(o.shown.has('peakExecutionMemory'), [size('peakExecutionMemory', 'Peak Execution Memory', (t) => m(t)?.peakExecutionMemory)]),
    ...when(o.accumulators, [
      col.accessor((t) => t.accumulatorUpdates.filter((a) => !a.name.startsWith('internal.')).map((a) => `${a.name}: ${a.update ?? a.value}`).join(', '), {
        id: 'accumulators',
        header: 'Accumulators',
        enableSorting: false,
      }),
    ]),
    ...when(o.presence.input, [
      col.accessor((t) => m(t)?.inputMetrics.bytesRead, { id: 'input', header: 'Input Size / Records', sortDescFirst: false, meta: { align: 'right' }, cell: (c) => sizeRecords(c.getValue(), m(c.row.original)?.inputMetrics.recordsRead) }),
    ]),
    ...when(o.presence.output, [
      col.accessor((t) => m(t)?.outputMetrics.bytesWritten, { id: 'output', header: 'Output Size / Records', sortDescFirst: false, meta: { align: 'right' }, cell: (c) => sizeRecords(c.getValue(), m(c.row.original)?.outputMetrics.recordsWritten) }),
    ]),
    ...when(o.presence.shuffleWrite && o.shown.has('shuffleWriteTime'), [
      col.accessor((t) => m(t)?.shuffleWriteMetrics.writeTime, { id: 'shuffleWriteTime', header: 'Shuffle Write Time', sortDescFirst: false, meta: number, cell: (c) => (c.getValue() === undefined ? '' : formatDuration(c.getValue()! / 1e6)) }),
    ]),
    ...when(o.presence.shuffleWrite, [
      col.accessor((t) => m(t)?.shuffleWriteMetrics.bytesWritten, { id: 'shuffleWrite', header: 'Shuffle Write Size / Records', sortDescFirst: false, meta: { align: 'right' }, cell: (c) => sizeRecords(c.getValue(), m(c.row.original)?.shuffleWriteMetrics.recordsWritten) }),
    ]),
    ...when(o.presence.shuffleRead, [
      col.accessor((t) => { const r = m(t)?.shuffleReadMetrics; return r === undefined ? undefined : r.localBytesRead + r.remoteBytesRead; }, {
        id: 'shuffleRead',
        header: 'Shuffle Read Size / Records',
        sortDescFirst: false,
        meta: { align: 'right' },
        cell: (c) => sizeRecords(c.getValue(), m(c.row.original)?.shuffleReadMetrics.recordsRead),
      }),
    ]),
    ...when(o.presence.spill, [
      col.accessor((t) => m(t)?.memoryBytesSpilled, { id: 'memorySpill', header: 'Spill (Memory)', sortDescFirst: false, meta: number, cell: (c) => (c.getValue() === undefined ? '' : formatBytes(c.getValue()!)) }),
      col.accessor((t) => m(t)?.diskBytesSpilled, { id: 'diskSpill', header: 'Spill (Disk)', sortDescFirst: false, meta: number, cell: (c) => (c.getValue() === undefined ? '' : formatBytes(c.getValue()!)) }),
    ]),
    col.accessor('errorMessage', { id: 'error', header: 'Errors', sortDescFirst: false, cell: (c) => <ErrorMessageCell message={c.getValue()} /> }),
  ];
}
