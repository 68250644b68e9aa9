import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { ExecutorSummary } from '../../../api/index.js';
import { LogLinks } from '../../components/LogLinks.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { breakableHost } from '../../lib/breakableText.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';
import { ValuePair } from '../../components/ValuePair.js';
import type { AdditionalMetric } from './additionalMetrics.js';
import { compareExecutorIds } from '../../../api/executorOrder.js';
import { executorStatus } from './executorStatus.js';
import { bytesPair, taskTimeText } from './formatPair.js';
import { ShadedCell } from './ShadedCell.js';
import { activeTasksStyle, failedTasksStyle, taskTimeStyle } from './taskCellShading.js';

type Compare = (a: ExecutorSummary, b: ExecutorSummary) => number;

export interface ExecutorColumn {
  // react-table's ColumnDef variance needs `any` for mixed value types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: ColumnDef<ExecutorSummary, any>;
  /** Ascending order of the column; rows are sorted by the page (so a deep-linked row's page is known). */
  compare: Compare;
  /** Set for the columns behind "Show Additional Metrics". */
  metric?: AdditionalMetric;
}

const col = createColumnHelper<ExecutorSummary>();
const byNumber = (f: (e: ExecutorSummary) => number): Compare => (a, b) => f(a) - f(b);
const byText = (f: (e: ExecutorSummary) => string): Compare => (a, b) => f(a).localeCompare(f(b), 'en', { numeric: true });
const peak = (e: ExecutorSummary, name: string): number => e.peakMemoryMetrics?.[name] ?? 0;

/** Spark's "gpu: [0, 1], fpga: [2]" text for an executor's custom resources. */
export function resourcesText(e: ExecutorSummary): string {
  return Object.entries(e.resources)
    .map(([name, info]) => `${name}: [${info.addresses.join(', ')}]`)
    .join(', ');
}

function peakPair(id: string, header: string, title: string, metric: AdditionalMetric, on: string, off: string): ExecutorColumn {
  return {
    metric,
    def: col.accessor((e) => peak(e, on), {
      id,
      header,
      meta: { align: 'right', headerTitle: title },
      cell: (c) => <ValuePair text={bytesPair(peak(c.row.original, on), peak(c.row.original, off))} />,
    }),
    compare: byNumber((e) => peak(e, on)),
  };
}

/** Every column of Spark's Executors table, in Spark's order. */
export const EXECUTOR_COLUMNS: readonly ExecutorColumn[] = [
  {
    def: col.accessor('id', { id: 'id', header: 'Executor ID', cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
    compare: (a, b) => compareExecutorIds(a.id, b.id),
  },
  {
    def: col.accessor('hostPort', { id: 'address', header: 'Address', meta: { cellClassName: 'min-w-32 [overflow-wrap:anywhere]' }, cell: (c) => breakableHost(c.getValue()) }),
    compare: byText((e) => e.hostPort),
  },
  {
    def: col.accessor(executorStatus, {
      id: 'status',
      header: 'Status',
      cell: (c) => {
        const e = c.row.original;
        const text = executorStatus(e);
        const tone = text === 'Dead' ? 'text-slate-500 dark:text-slate-400' : text === 'Active' ? 'text-emerald-700 dark:text-emerald-300' : 'text-amber-700 dark:text-amber-300';
        return (
          <span className={tone} title={e.removeReason} data-testid="executor-status">
            {text}
          </span>
        );
      },
    }),
    compare: byText(executorStatus),
  },
  {
    def: col.accessor('rddBlocks', { id: 'rddBlocks', header: 'RDD Blocks', meta: { align: 'right' } }),
    compare: byNumber((e) => e.rddBlocks),
  },
  {
    def: col.accessor('memoryUsed', {
      id: 'storageMemory',
      header: 'Storage Memory',
      meta: {
        align: 'right',
        headerTitle: 'Memory used / total available memory for storage of data like RDD partitions cached in memory.',
      },
      cell: (c) => <ValuePair text={bytesPair(c.row.original.memoryUsed, c.row.original.maxMemory)} />,
    }),
    compare: byNumber((e) => e.memoryUsed),
  },
  {
    metric: 'onHeap',
    def: col.accessor((e) => e.memoryMetrics?.usedOnHeapStorageMemory ?? 0, {
      id: 'onHeapMemory',
      header: 'On Heap Storage Memory',
      meta: {
        align: 'right',
        headerTitle: 'Memory used / total available memory for on heap storage of data like RDD partitions cached in memory.',
      },
      cell: (c) => <ValuePair text={bytesPair(c.row.original.memoryMetrics?.usedOnHeapStorageMemory, c.row.original.memoryMetrics?.totalOnHeapStorageMemory)} />,
    }),
    compare: byNumber((e) => e.memoryMetrics?.usedOnHeapStorageMemory ?? 0),
  },
  {
    metric: 'offHeap',
    def: col.accessor((e) => e.memoryMetrics?.usedOffHeapStorageMemory ?? 0, {
      id: 'offHeapMemory',
      header: 'Off Heap Storage Memory',
      meta: {
        align: 'right',
        headerTitle: 'Memory used / total available memory for off heap storage of data like RDD partitions cached in memory.',
      },
      cell: (c) => <ValuePair text={bytesPair(c.row.original.memoryMetrics?.usedOffHeapStorageMemory, c.row.original.memoryMetrics?.totalOffHeapStorageMemory)} />,
    }),
    compare: byNumber((e) => e.memoryMetrics?.usedOffHeapStorageMemory ?? 0),
  },
  peakPair('peakJvm', 'Peak JVM Memory OnHeap / OffHeap', 'Peak on heap and off heap memory used by JVM.', 'peakJvm', 'JVMHeapMemory', 'JVMOffHeapMemory'),
  peakPair('peakExecution', 'Peak Execution Memory OnHeap / OffHeap', 'Peak on heap and off heap memory used for execution.', 'peakExecution', 'OnHeapExecutionMemory', 'OffHeapExecutionMemory'),
  peakPair('peakStorage', 'Peak Storage Memory OnHeap / OffHeap', 'Peak on heap and off heap memory used for storage.', 'peakStorage', 'OnHeapStorageMemory', 'OffHeapStorageMemory'),
  peakPair('peakPool', 'Peak Pool Memory Direct / Mapped', 'Peak direct byte buffer and memory-mapped buffer pool memory used by JVM.', 'peakPool', 'DirectPoolMemory', 'MappedPoolMemory'),
  {
    def: col.accessor('diskUsed', { id: 'diskUsed', header: 'Disk Used', meta: { align: 'right', cellClassName: 'whitespace-nowrap' }, cell: (c) => formatBytes(c.getValue()) }),
    compare: byNumber((e) => e.diskUsed),
  },
  {
    def: col.accessor('totalCores', { id: 'cores', header: 'Cores', meta: { align: 'right' } }),
    compare: byNumber((e) => e.totalCores),
  },
  {
    metric: 'resources',
    def: col.accessor(resourcesText, { id: 'resources', header: 'Resources' }),
    compare: byText(resourcesText),
  },
  {
    metric: 'resourceProfileId',
    def: col.accessor('resourceProfileId', { id: 'resourceProfileId', header: 'Resource Profile Id', meta: { align: 'right' } }),
    compare: byNumber((e) => e.resourceProfileId),
  },
  {
    def: col.accessor('activeTasks', {
      id: 'activeTasks',
      header: 'Active Tasks',
      meta: { align: 'right' },
      cell: (c) => <ShadedCell style={activeTasksStyle(c.getValue(), c.row.original.maxTasks)}>{c.getValue()}</ShadedCell>,
    }),
    compare: byNumber((e) => e.activeTasks),
  },
  {
    def: col.accessor('failedTasks', {
      id: 'failedTasks',
      header: 'Failed Tasks',
      meta: { align: 'right' },
      cell: (c) => <ShadedCell style={failedTasksStyle(c.getValue(), c.row.original.totalTasks)}>{c.getValue()}</ShadedCell>,
    }),
    compare: byNumber((e) => e.failedTasks),
  },
  {
    def: col.accessor('completedTasks', { id: 'completedTasks', header: 'Complete Tasks', meta: { align: 'right' } }),
    compare: byNumber((e) => e.completedTasks),
  },
  {
    def: col.accessor('totalTasks', { id: 'totalTasks', header: 'Total Tasks', meta: { align: 'right' } }),
    compare: byNumber((e) => e.totalTasks),
  },
  {
    def: col.accessor('totalDuration', {
      id: 'taskTime',
      header: 'Task Time (GC Time)',
      meta: { align: 'right', headerTitle: 'Shaded red when garbage collection (GC) time is over 10% of task time' },
      cell: (c) => {
        const e = c.row.original;
        return <ShadedCell style={taskTimeStyle(e.totalGCTime, e.totalDuration)}><ValuePair text={taskTimeText(e.totalDuration, e.totalGCTime)} /></ShadedCell>;
      },
    }),
    compare: byNumber((e) => e.totalDuration),
  },
  {
    def: col.accessor('totalInputBytes', {
      id: 'input',
      header: 'Input',
      meta: { align: 'right', cellClassName: 'whitespace-nowrap', headerTitle: 'Bytes read from Hadoop or from Spark storage.' },
      cell: (c) => formatBytes(c.getValue()),
    }),
    compare: byNumber((e) => e.totalInputBytes),
  },
  {
    def: col.accessor('totalShuffleRead', {
      id: 'shuffleRead',
      header: 'Shuffle Read',
      meta: {
        align: 'right',
        cellClassName: 'whitespace-nowrap',
        headerTitle: 'Total shuffle bytes read (includes both data read locally and data read from remote executors).',
      },
      cell: (c) => formatBytes(c.getValue()),
    }),
    compare: byNumber((e) => e.totalShuffleRead),
  },
  {
    def: col.accessor('totalShuffleWrite', {
      id: 'shuffleWrite',
      header: 'Shuffle Write',
      meta: { align: 'right', cellClassName: 'whitespace-nowrap', headerTitle: 'Bytes written to disk in order to be read by a shuffle in a future stage.' },
      cell: (c) => formatBytes(c.getValue()),
    }),
    compare: byNumber((e) => e.totalShuffleWrite),
  },
  {
    def: col.display({ id: 'logs', header: 'Logs', enableSorting: false, meta: { cellClassName: 'whitespace-nowrap' }, cell: (c) => <LogLinks logs={c.row.original.executorLogs} /> }),
    compare: () => 0,
  },
  {
    metric: 'lossReason',
    def: col.accessor((e) => e.removeReason ?? '', {
      id: 'lossReason',
      header: 'Exec Loss Reason',
      // Loss reasons can be whole stack traces: one line here, the full text on hover.
      cell: (c) => (
        <span className="block max-w-xs truncate" title={c.row.original.removeReason}>
          {c.row.original.removeReason ?? ''}
        </span>
      ),
    }),
    compare: byText((e) => e.removeReason ?? ''),
  },
  {
    def: col.accessor('addTime', { id: 'addTime', header: 'Add Time', cell: (c) => <SparkDateTime text={c.row.original.addTime} /> }),
    compare: byNumber((e) => epochMillisFromSparkDate(e.addTime) ?? 0),
  },
  {
    def: col.accessor((e) => e.removeTime ?? '', { id: 'removeTime', header: 'Remove Time', cell: (c) => <SparkDateTime text={c.row.original.removeTime} /> }),
    compare: byNumber((e) => epochMillisFromSparkDate(e.removeTime) ?? Number.MAX_SAFE_INTEGER),
  },
];

/** The columns to draw: optional ones only when chosen, Logs only when some executor has log links. */
export function visibleExecutorColumns(shown: ReadonlySet<AdditionalMetric>, hasLogs: boolean): ExecutorColumn[] {
  return EXECUTOR_COLUMNS.filter((c) => (c.metric === undefined || shown.has(c.metric)) && (c.def.id !== 'logs' || hasLogs));
}

/** Rows in the table's order; ties keep Spark's id order so the result is stable. */
export function sortExecutors(rows: readonly ExecutorSummary[], columnId: string, desc: boolean): ExecutorSummary[] {
  const column = EXECUTOR_COLUMNS.find((c) => c.def.id === columnId) ?? EXECUTOR_COLUMNS[0]!;
  const sign = desc ? -1 : 1;
  return [...rows].sort((a, b) => sign * column.compare(a, b) || compareExecutorIds(a.id, b.id));
}
