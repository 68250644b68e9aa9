import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { ExecutorSummary } from '../../../api/index.js';
import { DataTable } from '../../components/DataTable.js';
import { ValuePair } from '../../components/ValuePair.js';
import { formatBytes } from '../../lib/formatBytes.js';
import type { AdditionalMetric } from './additionalMetrics.js';
import { executorTotals, type ExecutorTotals } from './executorTotals.js';
import { bytesPair, taskTimeText } from './formatPair.js';
import { ShadedCell } from './ShadedCell.js';
import { activeTasksStyle, failedTasksStyle, taskTimeStyle } from './taskCellShading.js';

const col = createColumnHelper<ExecutorTotals>();
// A stable (module-level) empty sort: DataTable turns a missing `sorting` into a new [] on every render, which
// makes react-table reset its page index on every render and re-render forever, starving URL navigations.
const NO_SORT: SortingState = [];
const right = { align: 'right' as const, cellClassName: 'whitespace-nowrap' };
// Pairs ("used / total", "time (GC time)") may wrap between their two values (see ValuePair).
const rightPair = { align: 'right' as const };

function summaryColumns(shown: ReadonlySet<AdditionalMetric>) {
  return [
    col.accessor('label', { header: '', cell: (c) => <span className="font-semibold">{c.getValue()}</span> }),
    col.accessor('rddBlocks', { header: 'RDD Blocks', meta: right }),
    col.display({
      id: 'storageMemory',
      header: 'Storage Memory',
      meta: { ...rightPair, headerTitle: 'Memory used / total available memory for storage of data like RDD partitions cached in memory.' },
      cell: (c) => <ValuePair text={bytesPair(c.row.original.memoryUsed, c.row.original.maxMemory)} />,
    }),
    ...(shown.has('onHeap')
      ? [
          col.display({
            id: 'onHeapMemory',
            header: 'On Heap Storage Memory',
            meta: rightPair,
            cell: (c) => <ValuePair text={bytesPair(c.row.original.onHeapUsed, c.row.original.onHeapTotal)} />,
          }),
        ]
      : []),
    ...(shown.has('offHeap')
      ? [
          col.display({
            id: 'offHeapMemory',
            header: 'Off Heap Storage Memory',
            meta: rightPair,
            cell: (c) => <ValuePair text={bytesPair(c.row.original.offHeapUsed, c.row.original.offHeapTotal)} />,
          }),
        ]
      : []),
    col.accessor('diskUsed', { header: 'Disk Used', meta: right, cell: (c) => formatBytes(c.getValue()) }),
    col.accessor('totalCores', { header: 'Cores', meta: right }),
    col.accessor('activeTasks', {
      header: 'Active Tasks',
      meta: right,
      cell: (c) => <ShadedCell style={activeTasksStyle(c.getValue(), c.row.original.maxTasks)}>{c.getValue()}</ShadedCell>,
    }),
    col.accessor('failedTasks', {
      header: 'Failed Tasks',
      meta: right,
      cell: (c) => <ShadedCell style={failedTasksStyle(c.getValue(), c.row.original.totalTasks)}>{c.getValue()}</ShadedCell>,
    }),
    col.accessor('completedTasks', { header: 'Complete Tasks', meta: right }),
    col.accessor('totalTasks', { header: 'Total Tasks', meta: right }),
    col.display({
      id: 'taskTime',
      header: 'Task Time (GC Time)',
      meta: { ...rightPair, headerTitle: 'Shaded red when garbage collection (GC) time is over 10% of task time' },
      cell: (c) => (
        <ShadedCell style={taskTimeStyle(c.row.original.totalGCTime, c.row.original.totalDuration)}>
          <ValuePair text={taskTimeText(c.row.original.totalDuration, c.row.original.totalGCTime)} />
        </ShadedCell>
      ),
    }),
    col.accessor('totalInputBytes', { header: 'Input', meta: right, cell: (c) => formatBytes(c.getValue()) }),
    col.accessor('totalShuffleRead', { header: 'Shuffle Read', meta: right, cell: (c) => formatBytes(c.getValue()) }),
    col.accessor('totalShuffleWrite', { header: 'Shuffle Write', meta: right, cell: (c) => formatBytes(c.getValue()) }),
    col.accessor('excluded', { header: 'Excluded', meta: right }),
  ];
}

/** Spark's "Summary" table: Active(N), Dead(N) and Total(N) rows summed over the executors, driver included. */
export function ExecutorSummaryTable({ executors, shown }: { executors: readonly ExecutorSummary[]; shown: ReadonlySet<AdditionalMetric> }) {
  const rows = useMemo(() => executorTotals(executors), [executors]);
  const columns = useMemo(() => summaryColumns(shown), [shown]);
  return (
    <DataTable
      label="Executors summary"
      testId="executor-summary"
      data={rows}
      columns={columns}
      getRowId={(r) => r.label.replace(/\(.*/, '').toLowerCase()}
      sorting={NO_SORT}
      rowAttributes={(r) => ({ 'data-summary-row': r.label.replace(/\(.*/, '').toLowerCase() })}
    />
  );
}
