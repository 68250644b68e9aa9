import type { SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { TASK_STATUS_FILTERS, type AppRef, type StageData, type TaskSorting, type TaskStatusFilter } from '../../../api/index.js';
import { useTaskList } from '../../api/stageQueries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { FacetFilter } from '../../components/FacetFilter.js';
import { LoadingState } from '../../components/LoadingState.js';
import { Pager } from '../../components/Pager.js';
import { useUrlInt, useUrlParam, useUrlParamList } from '../../lib/urlState.js';
import type { StageDataPresence } from './stageDataPresence.js';
import { taskColumns } from './taskColumns.js';

/** URL values of the task order; Spark's taskList sorts only by id and by run time. */
const SORTS: Record<string, TaskSorting> = { ID: 'ID', runtime: 'INCREASING_RUNTIME', '-runtime': 'DECREASING_RUNTIME' };
const DEFAULT_PAGE_SIZE = 100;

/** How many task attempts match the status filter, from the counts the stage carries. */
function matchingCount(stage: StageData, statuses: readonly string[]): number {
  const by: Record<string, number> = { RUNNING: stage.numActiveTasks, SUCCESS: stage.numCompleteTasks, FAILED: stage.numFailedTasks, KILLED: stage.numKilledTasks, UNKNOWN: 0 };
  return (statuses.length === 0 ? Object.keys(by) : statuses).reduce((sum, s) => sum + (by[s] ?? 0), 0);
}

/**
 * The stage's tasks (§2.5 9), paged, sorted and filtered by the server (`taskList` offset/length/sortBy/status),
 * with a virtualised body so even 500-row pages scroll smoothly. Sort, status filter and page live in the URL.
 */
export function TaskTable({
  app,
  stage,
  presence,
  additional,
}: {
  app: AppRef;
  stage: StageData;
  presence: StageDataPresence;
  additional: boolean;
}) {
  const [sortParam, setSortParam] = useUrlParam('task.sort', 'ID');
  const [statusParam, setStatus] = useUrlParamList('task.status');
  const [page, setPage] = useUrlInt('task.page', 1);
  const [pageSize, setPageSize] = useUrlInt('task.pageSize', DEFAULT_PAGE_SIZE);
  const sortBy = SORTS[sortParam] ?? 'ID';
  const statuses = statusParam.filter((s): s is TaskStatusFilter => (TASK_STATUS_FILTERS as readonly string[]).includes(s));
  const length = Math.min(Math.max(pageSize, 1), 1000);
  const pageIndex = Math.max(0, page - 1);
  const list = useTaskList(app, stage.stageId, stage.attemptId, { offset: pageIndex * length, length, sortBy, status: statuses });
  const total = matchingCount(stage, statuses);

  const hasAccumulators = useMemo(() => (list.data ?? []).some((t) => t.accumulatorUpdates.some((a) => !a.name.startsWith('internal.'))), [list.data]);
  const columns = useMemo(() => taskColumns(app, { presence, additional, accumulators: hasAccumulators }), [app, presence, additional, hasAccumulators]);
  const sorting = useMemo<SortingState>(
    () => (sortBy === 'ID' ? [{ id: 'taskId', desc: false }] : [{ id: 'duration', desc: sortBy === 'DECREASING_RUNTIME' }]),
    [sortBy],
  );
  const onSortingChange = (next: SortingState) => {
    const s = next[0];
    const value = s === undefined || s.id === 'taskId' ? 'ID' : s.desc ? '-runtime' : 'runtime';
    setSortParam(value, { reset: ['task.page'] });
  };

  return (
    <div data-testid="task-table-section">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <FacetFilter
          label="Status"
          options={TASK_STATUS_FILTERS}
          selected={statuses}
          onChange={(v) => setStatus(v, { reset: ['task.page'] })}
          testId="task-status-filter"
        />
        <label className="flex items-center gap-1 text-slate-600 dark:text-slate-400">
          Sort by
          <select className="input" value={sortParam in SORTS ? sortParam : 'ID'} onChange={(e) => setSortParam(e.target.value, { reset: ['task.page'] })} aria-label="Task order">
            <option value="ID">Task ID</option>
            <option value="-runtime">Duration (longest first)</option>
            <option value="runtime">Duration (shortest first)</option>
          </select>
        </label>
      </div>
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data === undefined ? (
        !list.isError && <LoadingState label="Loading tasks…" />
      ) : (
        <>
          <DataTable
            label="Tasks"
            testId="task-table"
            data={list.data}
            columns={columns}
            getRowId={(t) => String(t.taskId)}
            sorting={sorting}
            onSortingChange={onSortingChange}
            manualSorting
            stale={list.isPlaceholderData}
            virtualize={{ maxHeight: 640, rowHeight: 31 }}
            nowrap
            rowAttributes={(t) => ({ 'data-task-id': String(t.taskId), 'data-status': t.status })}
            empty={<EmptyState title="No tasks match">{statuses.length > 0 ? `No task has status ${statuses.join(' or ')}.` : 'No task has started yet.'}</EmptyState>}
          />
          <Pager
            page={pageIndex}
            pageSize={length}
            total={total}
            onPageChange={(p) => setPage(p + 1)}
            onPageSizeChange={(s) => setPageSize(s, { reset: ['task.page'] })}
            label="tasks"
          />
        </>
      )}
    </div>
  );
}
