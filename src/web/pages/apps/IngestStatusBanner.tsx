import { useConsoleStatus } from '../../api/consoleQueries.js';

/**
 * Ingest health above the list: how many logs are still being replayed (more apps may appear), and the logs
 * that could not be read at all, each with its error, so a missing application is explained, not silent.
 */
export function IngestStatusBanner() {
  const status = useConsoleStatus();
  const data = status.data;
  if (data === undefined) return null;
  const unreadable = data.unreadableLogs;
  return (
    <div className="mb-3 space-y-2">
      {data.pendingReplays > 0 && (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-200">
          {data.pendingReplays} event {data.pendingReplays === 1 ? 'log is' : 'logs are'} still being processed; more applications may appear
          after a refresh.
        </p>
      )}
      {unreadable.length > 0 && (
        <details
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
          data-testid="unreadable-logs"
        >
          <summary className="cursor-pointer font-medium">
            {unreadable.length} event {unreadable.length === 1 ? 'log' : 'logs'} could not be read
          </summary>
          <ul className="mt-2 space-y-1">
            {unreadable.map((log) => (
              <li key={log.key} className="break-words">
                <span className="font-mono">{log.key}</span>
                {log.project !== null && log.project !== '' && <span className="ml-1 opacity-75">(project {log.project})</span>}:{' '}
                <span className="font-mono text-xs">{log.error}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
