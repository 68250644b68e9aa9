import { createColumnHelper } from '@tanstack/react-table';
import type { AppRef, StageData } from '../../../api/index.js';
import { ErrorMessageCell } from '../../components/ErrorMessageCell.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { formatBytesOrBlank } from '../../lib/formatBytes.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { StageDescriptionCell } from './StageDescriptionCell.js';
import { stageDurationMs } from './stageTiming.js';

const col = createColumnHelper<StageData>();

/** Spark's stage-table columns (§2.4); Pool Name only in FAIR mode, Failure Reason only in the failed table. */
export function stageColumns(app: AppRef, options: { now: number; showPool: boolean; showFailureReason: boolean }) {
  const bytes = (id: 'inputBytes' | 'outputBytes' | 'shuffleReadBytes' | 'shuffleWriteBytes', header: string, title: string) =>
    col.accessor(id, { header, meta: { align: 'right', headerTitle: title }, cell: (c) => <span className="whitespace-nowrap">{formatBytesOrBlank(c.getValue())}</span> });
  return [
    col.accessor((s) => s.stageId * 1000 + s.attemptId, {
      id: 'id',
      header: 'Stage Id',
      sortDescFirst: true,
      cell: (c) => (
        <span className="whitespace-nowrap tabular-nums">
          {c.row.original.stageId}
          {c.row.original.attemptId > 0 && ` (retry ${c.row.original.attemptId})`}
        </span>
      ),
    }),
    ...(options.showPool ? [col.accessor('schedulingPool', { header: 'Pool Name' })] : []),
    col.accessor((s) => `${s.description ?? ''} ${s.name}`, {
      id: 'description',
      header: 'Description',
      meta: { cellClassName: 'min-w-[10rem]' },
      cell: (c) => <StageDescriptionCell app={app} stage={c.row.original} />,
    }),
    col.accessor((s) => epochMillisFromSparkDate(s.submissionTime) ?? 0, {
      id: 'submitted',
      header: 'Submitted',
      cell: (c) => (c.row.original.submissionTime === undefined ? 'Unknown' : <SparkDateTime text={c.row.original.submissionTime} />),
    }),
    col.accessor((s) => stageDurationMs(s, options.now) ?? -1, {
      id: 'duration',
      header: 'Duration',
      meta: { align: 'right', headerTitle: 'Elapsed time from the first task launch until the stage finished.' },
      cell: (c) => {
        const ms = stageDurationMs(c.row.original, options.now);
        return <span className="whitespace-nowrap">{ms === undefined ? 'Unknown' : formatDuration(ms)}</span>;
      },
    }),
    col.display({
      id: 'tasks',
      header: 'Tasks: Succeeded/Total',
      cell: (c) => {
        const s = c.row.original;
        return (
          <ProgressBar
            completed={s.numCompleteTasks}
            total={s.numTasks}
            running={s.numActiveTasks}
            failed={s.numFailedTasks}
            killed={s.killedTasksSummary}
          />
        );
      },
    }),
    bytes('inputBytes', 'Input', 'Bytes read from Hadoop or from Spark storage.'),
    bytes('outputBytes', 'Output', 'Bytes written to Hadoop.'),
    bytes('shuffleReadBytes', 'Shuffle Read', 'Total shuffle bytes and records read (includes both data read locally and data read from remote executors).'),
    bytes('shuffleWriteBytes', 'Shuffle Write', 'Bytes and records written to disk in order to be read by a shuffle in a future stage.'),
    ...(options.showFailureReason
      ? [
          // Wraps within a readable minimum width; the table scrolls sideways in its card only below that.
          col.accessor('failureReason', { header: 'Failure Reason', enableSorting: false, meta: { cellClassName: 'min-w-[13rem]' }, cell: (c) => <ErrorMessageCell message={c.getValue()} /> }),
        ]
      : []),
  ];
}
