import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { AppRef, ExecutionData } from '../../../api/index.js';
import { ErrorMessageCell } from '../../components/ErrorMessageCell.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { appPaths } from '../../lib/appPaths.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { DescriptionCell } from './DescriptionCell.js';
import { JobIdLinks } from './JobIdLinks.js';

export type SqlGroup = 'running' | 'completed' | 'failed';

const col = createColumnHelper<ExecutionData>();

const jobIdsColumn = (id: string, header: string, app: AppRef, ids: (e: ExecutionData) => readonly number[]) =>
  col.accessor((e) => ids(e).length, { id, header, enableSorting: false, cell: (c) => <JobIdLinks app={app} ids={ids(c.row.original)} /> });

/**
 * Spark's SQL table columns: ID, Description, Submitted, Duration, then per table the job columns
 * (running: Running/Succeeded/Failed Job IDs; completed: Job IDs; failed: Succeeded/Failed Job IDs and the
 * Error Message).
 */
export function sqlListColumns(app: AppRef, group: SqlGroup, errorOf: (e: ExecutionData) => string | undefined) {
  const base = [
    col.accessor('id', {
      header: 'ID',
      meta: { align: 'right' },
      cell: (c) => (
        <Link to={appPaths.sqlExecution(app, c.getValue())} className="link">
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('description', {
      header: 'Description',
      cell: (c) => <DescriptionCell href={appPaths.sqlExecution(app, c.row.original.id)} id={c.row.original.id} description={c.getValue()} />,
    }),
    col.accessor((e) => epochMillisFromSparkDate(e.submissionTime) ?? 0, {
      id: 'submitted',
      header: 'Submitted',
      meta: { cellClassName: 'whitespace-nowrap' },
      cell: (c) => <SparkDateTime text={c.row.original.submissionTime} />,
    }),
    col.accessor('duration', {
      header: 'Duration',
      meta: {
        align: 'right',
        cellClassName: 'whitespace-nowrap',
        headerTitle: 'Time from query submission to completion (or if still executing, time since submission)',
      },
      cell: (c) => formatDuration(c.getValue()),
    }),
  ];
  if (group === 'running') {
    return [
      ...base,
      jobIdsColumn('runningJobs', 'Running Job IDs', app, (e) => e.runningJobIds),
      jobIdsColumn('succeededJobs', 'Succeeded Job IDs', app, (e) => e.successJobIds),
      jobIdsColumn('failedJobs', 'Failed Job IDs', app, (e) => e.failedJobIds),
    ];
  }
  if (group === 'failed') {
    return [
      ...base,
      jobIdsColumn('succeededJobs', 'Succeeded Job IDs', app, (e) => e.successJobIds),
      jobIdsColumn('failedJobs', 'Failed Job IDs', app, (e) => e.failedJobIds),
      col.display({ id: 'error', header: 'Error Message', cell: (c) => <ErrorMessageCell message={errorOf(c.row.original)} /> }),
    ];
  }
  return [...base, jobIdsColumn('jobs', 'Job IDs', app, (e) => [...e.runningJobIds, ...e.successJobIds, ...e.failedJobIds])];
}
