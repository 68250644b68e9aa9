import { useMemo } from 'react';
import type { ExecutionData, SqlListQueryInput } from '../../../api/index.js';
import { useSqlExecutions } from '../../api/sqlQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Pager } from '../../components/Pager.js';
import { QueryView } from '../../components/QueryView.js';
import { useUrlInt } from '../../lib/urlState.js';
import { FailedSqlTable } from './FailedSqlTable.js';
import { SqlTable } from './SqlTable.js';

const DEFAULT_PAGE_SIZE = 100;
const NO_EXECUTIONS: ExecutionData[] = [];

/**
 * Spark's "SQL / DataFrame" tab: running, completed and failed queries. The REST API pages executions by
 * position in id order (`offset`, `length`) and tells no total, so the page asks for one execution more than
 * it shows to know whether a next page exists; the three tables show the executions of the current page.
 */
export default function SqlListPage() {
  const app = useAppRef();
  const [pageNumber, setPageNumber] = useUrlInt('sql.page', 1);
  const [pageSizeRaw, setPageSize] = useUrlInt('sql.pageSize', DEFAULT_PAGE_SIZE);
  const page = Math.max(0, pageNumber - 1);
  const pageSize = Math.min(Math.max(pageSizeRaw, 1), 1000);
  const params: SqlListQueryInput = { details: false, planDescription: false, offset: page * pageSize, length: pageSize + 1 };
  const sql = useSqlExecutions(app, params);
  const fetched = sql.data ?? NO_EXECUTIONS;
  const hasMore = fetched.length > pageSize;
  const groups = useMemo(() => {
    const shown = fetched.slice(0, pageSize);
    return {
      running: shown.filter((e) => e.status === 'RUNNING'),
      completed: shown.filter((e) => e.status === 'COMPLETED'),
      failed: shown.filter((e) => e.status === 'FAILED'),
      count: shown.length,
    };
  }, [fetched, pageSize]);
  const paged = page > 0 || hasMore;

  return (
    <div data-testid="sql-list-page">
      <h2 className="sr-only">SQL / DataFrame</h2>
      <QueryView query={sql} loadingLabel="Loading SQL executions…">
        {() =>
          groups.count === 0 && page === 0 ? (
            <EmptyState title="No SQL executions">This application ran no Spark SQL or DataFrame queries.</EmptyState>
          ) : (
            <>
              <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="sql-summary">
                {(['running', 'completed', 'failed'] as const).map((g) => (
                  <li key={g}>
                    <a href={`#${g}-queries`} className="link font-semibold capitalize">
                      {g} Queries:
                    </a>{' '}
                    <span data-testid={`sql-count-${g}`}>{groups[g].length}</span>
                  </li>
                ))}
                {paged && <li className="text-slate-500 dark:text-slate-400">(on this page)</li>}
              </ul>
              <div className={sql.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
                <SqlTable app={app} group="running" executions={groups.running} />
                <SqlTable app={app} group="completed" executions={groups.completed} />
                {groups.failed.length > 0 && <FailedSqlTable app={app} executions={groups.failed} />}
                {groups.count === 0 && <EmptyState title="No executions on this page" />}
              </div>
              {paged && (
                <Pager
                page={page}
                pageSize={pageSize}
                total={hasMore ? undefined : page * pageSize + groups.count}
                onPageChange={(p) => setPageNumber(p + 1)}
                onPageSizeChange={(s) => setPageSize(s, { reset: ['sql.page'] })}
                label="executions (in id order)"
                />
              )}
            </>
          )
        }
      </QueryView>
    </div>
  );
}
