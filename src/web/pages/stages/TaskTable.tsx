import type { SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { TASK_STATUS_FILTERS, TASK_TABLE_MAX_LENGTH, TASK_TABLE_SORTS, type AppRef, type StageData, type TaskStatusFilter, type TaskTableSort } from '../../../api/index.js';
import { useTaskTable } from '../../api/stageQueries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { FacetFilter } from '../../components/FacetFilter.js';
import { LoadingState } from '../../components/LoadingState.js';
import { Pager } from '../../components/Pager.js';
import { useSetUrlParams, useUrlInt, useUrlParam, useUrlParamList } from '../../lib/urlState.js';
import type { StageDataPresence } from './stageDataPresence.js';
import type { StageOptionalMetric } from './stageOptionalMetrics.js';
import { taskColumns } from './taskColumns.js';

/** Spark's stage-page page lengths (its "All" is left out: a 200k-task page is not a page). */
const PAGE_SIZES = [20, 40, 60, 100] as const;
/** Spark's taskList spellings, still accepted in links (e.g. the diagnostics' "slowest tasks" link). */
const TASK_LIST_SORTS: Record<string, { sort: TaskTableSort; desc: boolean }> = {
  ID: { sort: 'id', desc: false },
  runtime: { sort: 'duration', desc: false },
  '-runtime': { sort: 'duration', desc: true },
};
/** Spark's task table waits this long after the last keystroke before it searches. */
const SEARCH_DELAY_MS = 500;

/**
 * The stage's tasks (§2.5 9) from the console task table: sorted on any column, filtered by status and by a
 * search text, and paged, all by the server; a virtualised body so long pages scroll smoothly. Sort, filter,
 * search and page live in the URL. Spark's default order is the task index, ascending.
 */
export function TaskTable({ app, stage, presence, shown }: { app: AppRef; stage: StageData; presence: StageDataPresence; shown: ReadonlySet<StageOptionalMetric> }) {
  const [sortParam] = useUrlParam('task.sort', 'index');
  const [descParam] = useUrlParam('task.desc', '');
  const setParams = useSetUrlParams();
  const [statusParam, setStatus] = useUrlParamList('task.status');
  const [search, setSearch] = useUrlParam('task.search', '');
  const [page, setPage] = useUrlInt('task.page', 1);
  const [pageSize, setPageSize] = useUrlInt('task.pageSize', PAGE_SIZES[0]);
  const legacy = TASK_LIST_SORTS[sortParam];
  const sort: TaskTableSort = legacy?.sort ?? ((TASK_TABLE_SORTS as readonly string[]).includes(sortParam) ? (sortParam as TaskTableSort) : 'index');
  const desc = legacy?.desc ?? descParam === '1';
  const statuses = statusParam.filter((s): s is TaskStatusFilter => (TASK_STATUS_FILTERS as readonly string[]).includes(s));
  const length = Math.min(Math.max(pageSize, 1), TASK_TABLE_MAX_LENGTH);
  const pageIndex = Math.max(0, page - 1);
  const query = useTaskTable(app, stage.stageId, stage.attemptId, { sort, desc, offset: pageIndex * length, length, status: statuses, search: search || undefined });
  const tasks = query.data?.tasks;

  const hasAccumulators = useMemo(() => (tasks ?? []).some((t) => t.accumulatorUpdates.some((a) => !a.name.startsWith('internal.'))), [tasks]);
  const columns = useMemo(() => taskColumns(app, { presence, shown, accumulators: hasAccumulators }), [app, presence, shown, hasAccumulators]);
  const sorting = useMemo<SortingState>(() => [{ id: sort, desc }], [sort, desc]);
  const onSortingChange = (next: SortingState) => {
    const s = next[0];
    // A third click would clear the sort: Spark's table then flips back to ascending instead.
    const key = s?.id ?? sort;
    const nextDesc = s === undefined ? !desc : s.desc;
    setParams({ 'task.sort': key === 'index' ? undefined : key, 'task.desc': nextDesc ? '1' : undefined }, { reset: ['task.page'] });
  };

  return (
    <div data-testid="task-table-section">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <FacetFilter label="Status" options={TASK_STATUS_FILTERS} selected={statuses} onChange={(v) => setStatus(v, { reset: ['task.page'] })} testId="task-status-filter" />
        <SearchBox value={search} onSearch={(v) => setSearch(v, { reset: ['task.page'], replace: true })} />
      </div>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {tasks === undefined ? (
        !query.isError && <LoadingState label="Loading tasks…" />
      ) : (
        <>
          <DataTable
            label="Tasks"
            testId="task-table"
            data={tasks}
            columns={columns}
            getRowId={(t) => String(t.taskId)}
            sorting={sorting}
            onSortingChange={onSortingChange}
            manualSorting
            stale={query.isPlaceholderData}
            // As tall as the window: scrolled to, the box fills the screen with its header and horizontal
            // scrollbar (the Errors column at 1024 px) in view; its rows stay virtual for large pages.
            virtualize={{ maxHeight: 'calc(100vh - 1rem)', rowHeight: 31 }}
            rowAttributes={(t) => ({ 'data-task-id': String(t.taskId), 'data-status': t.status })}
            empty={
              <EmptyState title="No tasks match">
                {search ? `No task matches "${search}".` : statuses.length > 0 ? `No task has status ${statuses.join(' or ')}.` : 'No task has started yet.'}
              </EmptyState>
            }
          />
          <Pager
            page={pageIndex}
            pageSize={length}
            total={query.data?.total}
            pageSizes={PAGE_SIZES}
            onPageChange={(p) => setPage(p + 1)}
            onPageSizeChange={(s) => setPageSize(s, { reset: ['task.page'] })}
            label="tasks"
          />
        </>
      )}
    </div>
  );
}

/** Spark's "Search:" box: the server searches once typing pauses. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <label className="ml-auto flex items-center gap-1 text-slate-600 dark:text-slate-400">
      Search:
      <input className="input" type="search" value={text} onChange={(e) => setText(e.target.value)} aria-label="Search tasks" data-testid="task-search" />
    </label>
  );
}
