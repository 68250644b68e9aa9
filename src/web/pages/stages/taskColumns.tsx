import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { AppRef, TaskData } from '../../../api/index.js';
import { ErrorMessageCell } from '../../components/ErrorMessageCell.js';
import { LogLinks } from '../../components/LogLinks.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatDuration } from '../../lib/formatDuration.js';
import type { StageDataPresence } from './stageDataPresence.js';

const col = createColumnHelper<TaskData>();
const sizeRecords = (b: number | undefined, r: number | undefined) => (b === undefined ? '' : `${formatBytes(b)} / ${r ?? 0}`);
const msCell = (v: number | undefined) => (v === undefined ? '' : formatDuration(v));

/**
 * Spark's task-table columns (§2.5 9). Only "Task ID" (by id) and "Duration" (by run time) sort, because
 * those are the orders Spark's taskList offers on the server.
 */
export function taskColumns(app: AppRef, o: { presence: StageDataPresence; additional: boolean; accumulators: boolean }) {
  const m = (t: TaskData) => t.taskMetrics;
  return [
    col.accessor('index', { header: 'Index', enableSorting: false, meta: { align: 'right' } }),
    col.accessor('taskId', { id: 'taskId', header: 'Task ID', sortDescFirst: false, meta: { align: 'right' } }),
    col.accessor('attempt', { header: 'Attempt', enableSorting: false, meta: { align: 'right' } }),
    col.accessor('status', {
      header: 'Status',
      enableSorting: false,
      cell: (c) => (
        <span className="inline-flex items-center gap-1 whitespace-nowrap">
          <StatusBadge status={c.getValue()} />
          {c.row.original.speculative && <span className="text-xs text-slate-500">(speculative)</span>}
        </span>
      ),
    }),
    col.accessor('taskLocality', { header: 'Locality level', enableSorting: false }),
    col.accessor('executorId', {
      header: 'Executor ID',
      enableSorting: false,
      cell: (c) => (
        <Link to={appPaths.executors(app, c.getValue())} className="link" data-testid="task-executor-link">
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('host', { header: 'Host', enableSorting: false }),
    col.display({ id: 'logs', header: 'Logs', cell: (c) => <LogLinks logs={c.row.original.executorLogs} executorId={c.row.original.executorId} /> }),
    col.accessor('launchTime', { header: 'Launch Time', enableSorting: false, cell: (c) => <SparkDateTime text={c.getValue()} /> }),
    col.accessor((t) => m(t)?.executorRunTime, {
      id: 'duration',
      header: 'Duration',
      sortDescFirst: true,
      meta: { align: 'right', headerTitle: 'Executor run time of the task.' },
      cell: (c) => msCell(c.getValue()),
    }),
    col.accessor((t) => m(t)?.jvmGcTime, { id: 'gc', header: 'GC Time', enableSorting: false, meta: { align: 'right' }, cell: (c) => msCell(c.getValue()) }),
    ...(o.additional
      ? [
          col.accessor('schedulerDelay', { header: 'Scheduler Delay', enableSorting: false, meta: { align: 'right' }, cell: (c) => msCell(c.getValue()) }),
          col.accessor((t) => m(t)?.executorDeserializeTime, { id: 'deser', header: 'Task Deserialization Time', enableSorting: false, meta: { align: 'right' }, cell: (c) => msCell(c.getValue()) }),
          ...(o.presence.shuffleRead
            ? [
                col.accessor((t) => m(t)?.shuffleReadMetrics.fetchWaitTime, { id: 'fetchWait', header: 'Shuffle Read Fetch Wait Time', enableSorting: false, meta: { align: 'right' }, cell: (c) => msCell(c.getValue()) }),
                col.accessor((t) => m(t)?.shuffleReadMetrics.remoteBytesRead, { id: 'remoteReads', header: 'Shuffle Remote Reads', enableSorting: false, meta: { align: 'right' }, cell: (c) => (c.getValue() === undefined ? '' : formatBytes(c.getValue()!)) }),
              ]
            : []),
          col.accessor((t) => m(t)?.resultSerializationTime, { id: 'ser', header: 'Result Serialization Time', enableSorting: false, meta: { align: 'right' }, cell: (c) => msCell(c.getValue()) }),
          col.accessor('gettingResultTime', { header: 'Getting Result Time', enableSorting: false, meta: { align: 'right' }, cell: (c) => msCell(c.getValue()) }),
          col.accessor((t) => m(t)?.peakExecutionMemory, { id: 'peakMemory', header: 'Peak Execution Memory', enableSorting: false, meta: { align: 'right' }, cell: (c) => (c.getValue() === undefined ? '' : formatBytes(c.getValue()!)) }),
        ]
      : []),
    ...(o.accumulators
      ? [
          col.accessor((t) => t.accumulatorUpdates.filter((a) => !a.name.startsWith('internal.')).map((a) => `${a.name}: ${a.update ?? a.value}`).join(', '), {
            id: 'accumulators',
            header: 'Accumulators',
            enableSorting: false,
          }),
        ]
      : []),
    ...(o.presence.input
      ? [col.display({ id: 'input', header: 'Input Size / Records', meta: { align: 'right' }, cell: (c) => sizeRecords(m(c.row.original)?.inputMetrics.bytesRead, m(c.row.original)?.inputMetrics.recordsRead) })]
      : []),
    ...(o.presence.output
      ? [col.display({ id: 'output', header: 'Output Size / Records', meta: { align: 'right' }, cell: (c) => sizeRecords(m(c.row.original)?.outputMetrics.bytesWritten, m(c.row.original)?.outputMetrics.recordsWritten) })]
      : []),
    ...(o.presence.shuffleWrite
      ? [
          col.display({ id: 'writeTime', header: 'Shuffle Write Time', meta: { align: 'right' }, cell: (c) => { const w = m(c.row.original)?.shuffleWriteMetrics.writeTime; return w === undefined ? '' : formatDuration(w / 1e6); } }),
          col.display({ id: 'shuffleWrite', header: 'Shuffle Write Size / Records', meta: { align: 'right' }, cell: (c) => sizeRecords(m(c.row.original)?.shuffleWriteMetrics.bytesWritten, m(c.row.original)?.shuffleWriteMetrics.recordsWritten) }),
        ]
      : []),
    ...(o.presence.shuffleRead
      ? [
          col.display({
            id: 'shuffleRead',
            header: 'Shuffle Read Size / Records',
            meta: { align: 'right' },
            cell: (c) => {
              const r = m(c.row.original)?.shuffleReadMetrics;
              return r === undefined ? '' : sizeRecords(r.localBytesRead + r.remoteBytesRead, r.recordsRead);
            },
          }),
        ]
      : []),
    ...(o.presence.spill
      ? [
          col.display({ id: 'spillMemory', header: 'Spill (Memory)', meta: { align: 'right' }, cell: (c) => { const v = m(c.row.original)?.memoryBytesSpilled; return v === undefined ? '' : formatBytes(v); } }),
          col.display({ id: 'spillDisk', header: 'Spill (Disk)', meta: { align: 'right' }, cell: (c) => { const v = m(c.row.original)?.diskBytesSpilled; return v === undefined ? '' : formatBytes(v); } }),
        ]
      : []),
    col.accessor('errorMessage', { header: 'Errors', enableSorting: false, cell: (c) => <ErrorMessageCell message={c.getValue()} /> }),
  ];
}
