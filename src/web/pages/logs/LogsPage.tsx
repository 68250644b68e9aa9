import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { LOG_TYPES, type AppLogFile, type AppRef } from '../../../api/index.js';
import { useAppAttempt } from '../../api/applicationQueries.js';
import { apiClient } from '../../api/apiClient.js';
import { useAllExecutors } from '../../api/executorQueries.js';
import { useAppLogAccess } from '../../api/appAccess.js';
import { useAppLogs } from '../../api/logQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { NoLogAccess } from '../../components/NoLogAccess.js';
import { QueryView } from '../../components/QueryView.js';
import { compareExecutorIds } from '../../../api/executorOrder.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';
import { AllLogsSearch } from './AllLogsSearch.js';

interface Row extends AppLogFile {
  host: string | undefined;
}

const col = createColumnHelper<Row>();

/** Driver first, then executors in Spark's order; per process driver.log, stdout, stderr. */
const byProcess: SortingFn<Row> = (a, b) =>
  compareExecutorIds(a.original.executorId, b.original.executorId) || LOG_TYPES.indexOf(a.original.logType) - LOG_TYPES.indexOf(b.original.logType);

function logColumns(app: AppRef) {
  return [
    col.accessor('executorId', {
      header: 'Executor ID',
      sortingFn: byProcess,
      cell: (c) =>
        c.getValue() === 'driver' ? (
          <span>driver</span>
        ) : (
          <Link to={appPaths.executors(app, c.getValue())} className="link" title="This executor on the Executors page">
            {c.getValue()}
          </Link>
        ),
    }),
    col.accessor('host', { header: 'Host', enableSorting: false, cell: (c) => c.getValue() ?? '' }),
    col.accessor('logType', {
      header: 'Log',
      cell: (c) => (
        <Link to={appPaths.log(app, c.row.original.executorId, c.getValue())} className="link font-mono" data-testid="log-view-link">
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('size', { header: 'Size', meta: { align: 'right', cellClassName: 'whitespace-nowrap' }, cell: (c) => (c.getValue() === 0 ? 'empty' : formatBytes(c.getValue())) }),
    col.accessor('lastModified', { header: 'Last Modified', meta: { cellClassName: 'whitespace-nowrap' }, cell: (c) => <DateTime epochMs={c.getValue()} /> }),
    col.display({
      id: 'download',
      header: '',
      cell: (c) => (
        <a href={apiClient.appLogDownloadUrl(app.appId, c.row.original.executorId, c.row.original.logType)} className="link" download>
          Download
        </a>
      ),
    }),
  ];
}

/**
 * The console's Logs tab: the driver log and every executor's stdout/stderr the console found for the
 * application, with sizes and last-modified times, each opening in the log viewer; a search over all of
 * them; and every log in one zip. While the application runs the list refreshes (logs grow; they are not
 * part of the change stream).
 */
export default function LogsPage() {
  const app = useAppRef();
  const { attempt } = useAppAttempt(app);
  const running = attempt !== undefined && !attempt.completed;
  const logs = useAppLogs(app.appId, { running });
  const executors = useAllExecutors(app);
  const table = useTableUrlState('logs', { sort: 'executorId', pageSize: 100 });
  const access = useAppLogAccess(app.appId);
  const columns = useMemo(() => logColumns(app), [app]);
  const rows = useMemo<Row[]>(() => {
    const hosts = new Map((executors.data ?? []).map((e) => [e.id, e.hostPort.replace(/:\d+$/, '')]));
    return (logs.data?.files ?? []).map((f) => ({ ...f, host: hosts.get(f.executorId) }));
  }, [logs.data, executors.data]);

  return (
    <div data-testid="logs-page">
      <h2 className="sr-only">Logs</h2>
      {access.canReadLogs === false ? (
        <NoLogAccess role={access.role} />
      ) : (
        <QueryView query={logs} loadingLabel="Loading log files…">
          {(list) =>
            list.files.length === 0 ? (
              <EmptyState title="No driver or executor logs for this application">
                The console shows logs found under its app-log folders (<code>--app-logs</code>): the driver's{' '}
                <code>{`${app.appId}_driver.log`}</code> and <code>{`${app.appId}/<executor>/stdout|stderr`}</code>. Executors' own log
                links stay on the Executors tab.
              </EmptyState>
            ) : (
              <>
                <AllLogsSearch app={app} />
                <div className="mb-2 flex flex-wrap items-center justify-end gap-2 text-sm">
                  <a className="btn" href={apiClient.appLogsZipUrl(app.appId)} download data-testid="logs-zip-download" title="Driver, executor (rolled pieces included) and event logs in one zip">
                    Download all logs (zip)
                  </a>
                </div>
                <CollapsibleSection title={`Log Files (${list.files.length})`} id="log-files" storageKey="logs-files">
                  <DataTable
                    label="Log files"
                    testId="log-files-table"
                    data={rows}
                    columns={columns}
                    getRowId={(r) => `${r.executorId}/${r.logType}`}
                    sorting={table.sorting}
                    onSortingChange={table.setSorting}
                    pagination={{ page: table.page, pageSize: table.pageSize, onPageChange: table.setPage, onPageSizeChange: table.setPageSize }}
                    rowHref={(r) => appPaths.log(app, r.executorId, r.logType)}
                    rowAttributes={(r) => ({ 'data-log': `${r.executorId}/${r.logType}` })}
                    nowrap
                  />
                </CollapsibleSection>
              </>
            )
          }
        </QueryView>
      )}
    </div>
  );
}
