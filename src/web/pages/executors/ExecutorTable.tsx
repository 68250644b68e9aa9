import { useEffect, useMemo } from 'react';
import type { ExecutorSummary } from '../../../api/index.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useSetUrlParams, useUrlParam } from '../../lib/urlState.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';
import type { AdditionalMetric } from './additionalMetrics.js';
import { executorStatus } from './executorStatus.js';
import { sortExecutors, visibleExecutorColumns } from './executorColumns.js';

const PREFIX = 'executors';
const DEFAULT_PAGE_SIZE = 100;

function matches(e: ExecutorSummary, needle: string): boolean {
  return [e.id, e.hostPort, executorStatus(e), e.removeReason ?? ''].some((s) => s.toLowerCase().includes(needle));
}

/**
 * Spark's executor table. Rows are sorted here rather than inside the table so the page holding a
 * deep-linked executor (`?executor=<id>`, the stage page links here) is known: that row is brought onto the
 * current page, highlighted and scrolled into view.
 */
export function ExecutorTable({
  executors,
  shown,
  highlighted,
}: {
  executors: readonly ExecutorSummary[];
  shown: ReadonlySet<AdditionalMetric>;
  highlighted: string | undefined;
}) {
  const table = useTableUrlState(PREFIX, { sort: 'id', pageSize: DEFAULT_PAGE_SIZE });
  const [filter, setFilter] = useUrlParam(`${PREFIX}.q`);
  const setParams = useSetUrlParams();
  const hasLogs = executors.some((e) => Object.keys(e.executorLogs).length > 0);
  const columns = useMemo(() => visibleExecutorColumns(shown, hasLogs).map((c) => c.def), [shown, hasLogs]);

  const sort = table.sorting[0] ?? { id: 'id', desc: false };
  // Memoised: a new sorting array on every render would make react-table reset its state on every render.
  const sorting = useMemo(() => [{ id: sort.id, desc: sort.desc }], [sort.id, sort.desc]);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = needle === '' ? executors : executors.filter((e) => matches(e, needle) || e.id === highlighted);
    return sortExecutors(kept, sort.id, sort.desc);
  }, [executors, filter, sort.id, sort.desc, highlighted]);

  const highlightIndex = highlighted === undefined ? -1 : rows.findIndex((e) => e.id === highlighted);
  const pageCount = Math.max(1, Math.ceil(rows.length / table.pageSize));
  const page = Math.min(table.page, pageCount - 1);

  // Bring the linked executor onto the page once per link (later paging by the user is left alone).
  const targetPage = highlightIndex < 0 ? undefined : Math.floor(highlightIndex / table.pageSize);
  useEffect(() => {
    if (targetPage !== undefined && targetPage !== page) {
      setParams({ [`${PREFIX}.page`]: targetPage === 0 ? undefined : String(targetPage + 1) }, { replace: true });
    }
    // Deliberately not re-run on every page change: only a new link (or the data arriving) moves the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlighted, targetPage !== undefined]);

  useEffect(() => {
    if (highlighted === undefined || highlightIndex < 0) return;
    document.getElementById(`executor-${highlighted}`)?.scrollIntoView({ block: 'center' });
  }, [highlighted, highlightIndex, page]);

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-1.5">
          <span className="text-slate-600 dark:text-slate-400">Search</span>
          <input
            type="search"
            className="input w-56"
            value={filter}
            placeholder="id, address, status"
            aria-label="Filter executors"
            onChange={(e) => setFilter(e.target.value, { replace: true, reset: [`${PREFIX}.page`] })}
          />
        </label>
        {filter !== '' && (
          <span className="text-slate-600 dark:text-slate-400" data-testid="executor-filter-count">
            {rows.length} of {executors.length} executors
          </span>
        )}
      </div>
      <DataTable
        label="Executors"
        testId="executor-table"
        data={rows}
        columns={columns}
        getRowId={(e) => e.id}
        sorting={sorting}
        onSortingChange={table.setSorting}
        manualSorting
        pagination={{ page, pageSize: table.pageSize, onPageChange: table.setPage, onPageSizeChange: table.setPageSize }}
        rowAttributes={(e) => {
          const on = e.id === highlighted;
          return {
            id: `executor-${e.id}`,
            'data-executor-id': e.id,
            'data-highlighted': on ? 'true' : undefined,
            className: on ? 'row-highlight' : undefined,
            'aria-current': on ? 'true' : undefined,
          };
        }}
        empty={<EmptyState title={filter === '' ? 'No executors' : 'No executor matches the search'} />}
      />
    </div>
  );
}
