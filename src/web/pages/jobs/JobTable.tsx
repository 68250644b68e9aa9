import { useMemo } from 'react';
import type { AppRef, JobData } from '../../../api/index.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { appPaths } from '../../lib/appPaths.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';
import { jobColumns } from './jobColumns.js';

/**
 * One of the Jobs page's tables. `urlKey` (activeJob, completedJob, failedJob — Spark's own tags) keeps
 * each table's sort and page in the URL independently.
 */
export function JobTable({
  app,
  jobs,
  urlKey,
  label,
  highlightedJob,
  now,
}: {
  app: AppRef;
  jobs: readonly JobData[];
  urlKey: string;
  label: string;
  highlightedJob?: number | undefined;
  now: number;
}) {
  const state = useTableUrlState(urlKey, { sort: 'id', desc: true, pageSize: 100 });
  const showGroup = jobs.some((j) => j.jobGroup !== undefined);
  const columns = useMemo(() => jobColumns(app, { showGroup, now }), [app, showGroup, now]);
  return (
    <DataTable
      label={label}
      testId={`${urlKey}-table`}
      data={jobs}
      columns={columns}
      getRowId={(j) => String(j.jobId)}
      sorting={state.sorting}
      onSortingChange={state.setSorting}
      pagination={{ page: state.page, pageSize: state.pageSize, onPageChange: state.setPage, onPageSizeChange: state.setPageSize }}
      rowHref={(j) => appPaths.job(app, j.jobId)}
      rowAttributes={(j) => ({ id: `job-${j.jobId}`, className: j.jobId === highlightedJob ? 'row-highlight' : undefined, 'data-job-id': String(j.jobId) })}
      empty={<EmptyState title={`No ${label.toLowerCase()}`} />}
    />
  );
}
