import type { SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { APP_LIST_SORTS, type AppListQueryInput, type AppListSort, type AppListStatus } from '../../../api/index.js';
import { useProjects } from '../../api/accessQueries.js';
import { useConsoleApps } from '../../api/consoleQueries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingState } from '../../components/LoadingState.js';
import { Pager } from '../../components/Pager.js';
import { useDisplayTimeZone } from '../../components/timeZone/timeZoneContext.js';
import { endOfDayInZone, startOfDayInZone } from '../../lib/dayInZone.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useUrlInt, useUrlParam, useUrlParamList } from '../../lib/urlState.js';
import { appHref, appListColumns } from './appListColumns.js';
import { AppsFilters } from './AppsFilters.js';
import { IngestStatusBanner } from './IngestStatusBanner.js';

const DEFAULT_SORT: AppListSort = '-startTime';
const DEFAULT_PAGE_SIZE = 50;

function isSort(s: string): s is AppListSort {
  return (APP_LIST_SORTS as readonly string[]).includes(s);
}

/** `/apps`: every application the user may see. */
export default function AppsListPage() {
  useDocumentTitle('Spark Console - Applications');
  return (
    <div data-testid="apps-page">
      <h1 className="mb-3 text-xl font-semibold">Applications</h1>
      <IngestStatusBanner />
      <ApplicationList />
    </div>
  );
}

/**
 * The application list: filtered, sorted and paged by the server, every choice in the URL. With `project`
 * it lists that project's applications only (a project's page) and offers no project filter.
 */
export function ApplicationList({ project: fixedProject }: { project?: string }) {
  const [status] = useUrlParamList('status');
  const [user] = useUrlParamList('user');
  const [version] = useUrlParamList('version');
  const [projectParam] = useUrlParamList('project');
  const project = fixedProject === undefined ? projectParam : [fixedProject];
  const [search] = useUrlParam('q');
  const [from] = useUrlParam('from');
  const [to] = useUrlParam('to');
  const [sortRaw, setSort] = useUrlParam('sort', DEFAULT_SORT);
  const [page, setPage] = useUrlInt('page', 1);
  const [pageSize, setPageSize] = useUrlInt('pageSize', DEFAULT_PAGE_SIZE);
  const sort = isSort(sortRaw) ? sortRaw : DEFAULT_SORT;
  const pageIndex = Math.max(0, page - 1);
  const limit = Math.min(Math.max(pageSize, 1), 500);

  // Day filters mean days as the reader sees times: in the chosen zone.
  const { zone } = useDisplayTimeZone();
  const params: AppListQueryInput = {
    status: status as AppListStatus[],
    user,
    version,
    project,
    search: search || undefined,
    startFrom: startOfDayInZone(from, zone),
    startTo: endOfDayInZone(to, zone),
    sort,
    offset: pageIndex * limit,
    limit,
  };
  const apps = useConsoleApps(params);
  const projects = useProjects();
  const columns = useMemo(() => {
    const readable = projects.data === undefined ? undefined : new Map(projects.data.projects.map((p) => [p.name, p.canReadLogs]));
    return appListColumns((item) => readable?.get(item.project));
  }, [projects.data]);

  const sorting = useMemo<SortingState>(() => [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }], [sort]);
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    if (first === undefined) return;
    const key = `${first.desc ? '-' : ''}${first.id}`;
    if (isSort(key)) setSort(key, { reset: ['page'] });
  };

  return (
    <div data-testid="application-list">
      <AppsFilters fixedProject={fixedProject} />
      {apps.data === undefined ? (
        apps.isError ? (
          <ErrorState error={apps.error} onRetry={() => void apps.refetch()} />
        ) : (
          <LoadingState label="Loading applications…" />
        )
      ) : (
        <>
          {apps.isError && <ErrorState error={apps.error} onRetry={() => void apps.refetch()} />}
          <DataTable
            label="Applications"
            testId="apps-table"
            data={apps.data.items}
            columns={columns}
            getRowId={(a) => `${a.id}/${a.attemptId ?? '-'}`}
            sorting={sorting}
            onSortingChange={onSortingChange}
            manualSorting
            stale={apps.isPlaceholderData}
            rowHref={appHref}
            rowAttributes={(a) => ({ 'data-app-id': a.id, 'data-attempt-id': a.attemptId ?? '-' })}
            empty={
              <EmptyState title="No applications found">
                {params.status!.length + user.length + version.length + (fixedProject === undefined ? project.length : 0) > 0 || search || from || to
                  ? 'No application matches these filters.'
                  : 'No event logs were found in the configured log directories, or they are still being read.'}
              </EmptyState>
            }
          />
          <Pager
            page={pageIndex}
            pageSize={limit}
            total={apps.data.total}
            onPageChange={(p) => setPage(p + 1)}
            onPageSizeChange={(s) => setPageSize(s, { reset: ['page'] })}
            label="applications"
          />
        </>
      )}
    </div>
  );
}
