import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { AppRef, ExecutorStageSummary, ExecutorSummary, StageData } from '../../../api/index.js';
import { DataTable } from '../../components/DataTable.js';
import { LogLinks } from '../../components/LogLinks.js';
import { compareExecutorIds } from '../../../api/executorOrder.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatDuration } from '../../lib/formatDuration.js';
import type { SortingState } from '@tanstack/react-table';
import type { StageDataPresence } from './stageDataPresence.js';
import type { StageOptionalMetric } from './stageOptionalMetrics.js';

interface Row {
  id: string;
  address: string;
  logs: Record<string, string>;
  s: ExecutorStageSummary;
}

const col = createColumnHelper<Row>();
const sizeRecords = (b: number, r: number) => `${formatBytes(b)} / ${r}`;
const peak = (r: Row, name: string): number => r.s.peakMemoryMetrics?.[name] ?? 0;

/** Spark 3.5's four peak-memory pairs of the executor table: box, header, tooltip, and the two ExecutorMetrics keys. */
const PEAK_PAIRS = [
  { metric: 'executorPeakJvm', header: 'Peak JVM Memory OnHeap / OffHeap', title: 'Peak on-heap and off-heap memory of the JVM.', on: 'JVMHeapMemory', off: 'JVMOffHeapMemory' },
  { metric: 'executorPeakExecution', header: 'Peak Execution Memory OnHeap / OffHeap', title: 'Peak on-heap and off-heap execution memory.', on: 'OnHeapExecutionMemory', off: 'OffHeapExecutionMemory' },
  { metric: 'executorPeakStorage', header: 'Peak Storage Memory OnHeap / OffHeap', title: 'Peak on-heap and off-heap storage memory.', on: 'OnHeapStorageMemory', off: 'OffHeapStorageMemory' },
  { metric: 'executorPeakPool', header: 'Peak Pool Memory Direct / Mapped', title: 'Peak direct and memory-mapped buffer pool memory.', on: 'DirectPoolMemory', off: 'MappedPoolMemory' },
] as const;

/**
 * "Aggregated Metrics by Executor" (§2.5 7): each executor's share of the stage, with a link to its row on the
 * Executors page (highlighted) and its stdout/stderr links.
 */
export function ExecutorSummaryTable({
  app,
  stage,
  executors,
  taskHosts,
  presence,
  shown,
}: {
  app: AppRef;
  stage: StageData;
  executors: readonly ExecutorSummary[] | undefined;
  /** Host per executor id from the stage's tasks, for executors gone from allexecutors. */
  taskHosts: ReadonlyMap<string, string>;
  presence: StageDataPresence;
  /** Ticked "Show Additional Metrics" boxes: the peak-memory pairs are hidden unless chosen. */
  shown: ReadonlySet<StageOptionalMetric>;
}) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'id', desc: false }]);
  const rows = useMemo<Row[]>(() => {
    const byId = new Map((executors ?? []).map((e) => [e.id, e]));
    return Object.entries(stage.executorSummary ?? {}).map(([id, s]) => {
      const e = byId.get(id);
      return { id, address: e?.hostPort ?? taskHosts.get(id) ?? 'CANNOT FIND ADDRESS', logs: e?.executorLogs ?? {}, s };
    });
  }, [stage.executorSummary, executors, taskHosts]);

  const columns = useMemo(
    () => [
      col.accessor('id', {
        header: 'Executor ID',
        sortingFn: (a, b) => compareExecutorIds(a.original.id, b.original.id),
        cell: (c) => (
          <Link to={appPaths.executors(app, c.getValue())} className="link" data-testid="executor-link">
            {c.getValue()}
          </Link>
        ),
      }),
      col.display({ id: 'logs', header: 'Logs', cell: (c) => <LogLinks logs={c.row.original.logs} executorId={c.row.original.id} /> }),
      col.accessor('address', { header: 'Address' }),
      col.accessor((r) => r.s.taskTime, { id: 'taskTime', header: 'Task Time', meta: { align: 'right' }, cell: (c) => formatDuration(c.getValue()) }),
      col.accessor((r) => r.s.failedTasks + r.s.succeededTasks + r.s.killedTasks, { id: 'total', header: 'Total Tasks', meta: { align: 'right' } }),
      col.accessor((r) => r.s.failedTasks, { id: 'failed', header: 'Failed Tasks', meta: { align: 'right' } }),
      col.accessor((r) => r.s.killedTasks, { id: 'killed', header: 'Killed Tasks', meta: { align: 'right' } }),
      col.accessor((r) => r.s.succeededTasks, { id: 'succeeded', header: 'Succeeded Tasks', meta: { align: 'right' } }),
      col.accessor((r) => r.s.isExcludedForStage, {
        id: 'excluded',
        header: 'Excluded',
        meta: { headerTitle: 'Shows if this executor has been excluded by the scheduler due to task failures.' },
        cell: (c) => String(c.getValue()),
      }),
      ...(presence.input
        ? [col.accessor((r) => r.s.inputBytes, { id: 'input', header: 'Input Size / Records', meta: { align: 'right' }, cell: (c) => sizeRecords(c.row.original.s.inputBytes, c.row.original.s.inputRecords) })]
        : []),
      ...(presence.output
        ? [col.accessor((r) => r.s.outputBytes, { id: 'output', header: 'Output Size / Records', meta: { align: 'right' }, cell: (c) => sizeRecords(c.row.original.s.outputBytes, c.row.original.s.outputRecords) })]
        : []),
      ...(presence.shuffleRead
        ? [col.accessor((r) => r.s.shuffleRead, { id: 'shuffleRead', header: 'Shuffle Read Size / Records', meta: { align: 'right' }, cell: (c) => sizeRecords(c.row.original.s.shuffleRead, c.row.original.s.shuffleReadRecords) })]
        : []),
      ...(presence.shuffleWrite
        ? [col.accessor((r) => r.s.shuffleWrite, { id: 'shuffleWrite', header: 'Shuffle Write Size / Records', meta: { align: 'right' }, cell: (c) => sizeRecords(c.row.original.s.shuffleWrite, c.row.original.s.shuffleWriteRecords) })]
        : []),
      ...(presence.spill
        ? [
            col.accessor((r) => r.s.memoryBytesSpilled, { id: 'spillMemory', header: 'Spill (Memory)', meta: { align: 'right' }, cell: (c) => formatBytes(c.getValue()) }),
            col.accessor((r) => r.s.diskBytesSpilled, { id: 'spillDisk', header: 'Spill (Disk)', meta: { align: 'right' }, cell: (c) => formatBytes(c.getValue()) }),
          ]
        : []),
      // "0.0 B / 0.0 B" when the executor reported no peaks for the stage, as Spark prints it.
      ...PEAK_PAIRS.filter((p) => shown.has(p.metric)).map((p) =>
        col.accessor((r) => peak(r, p.on), {
          id: p.metric,
          header: p.header,
          meta: { align: 'right', headerTitle: p.title },
          cell: (c) => `${formatBytes(peak(c.row.original, p.on))} / ${formatBytes(peak(c.row.original, p.off))}`,
        }),
      ),
    ],
    [app, presence, shown],
  );

  return (
    <DataTable
      label="Aggregated Metrics by Executor"
      testId="executor-summary-table"
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      sorting={sorting}
      onSortingChange={setSorting}
      rowAttributes={(r) => ({ 'data-executor': r.id })}
    />
  );
}
