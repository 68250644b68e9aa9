import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { appKeys, LOG_TYPES, type AppLogFile, type AppRef, type LogType } from '../../api/index.js';
import { apiClient } from '../api/apiClient.js';
import { useAppLogAccess } from '../api/appAccess.js';
import { findLogFile, useAppLogs } from '../api/logQueries.js';
import { appPaths, appRefFromParams } from '../lib/appPaths.js';

const isLogType = (name: string): name is LogType => (LOG_TYPES as readonly string[]).includes(name);

/**
 * An executor's log links (stdout, stderr, …). A log the console holds itself (its app-log folders, see the
 * Logs tab) opens in the console's log viewer; any other link is the cluster manager's URL and opens outside.
 * `executorId` says whose logs these are; without it the executor is found by its log URLs in the
 * application's executor list (the Executors page rows pass only the map). The driver also gets its
 * `driver.log` when the console has one.
 */
export function LogLinks({ logs, executorId }: { logs: Readonly<Record<string, string>>; executorId?: string }) {
  const { appId, attempt } = useParams();
  const app = appId === undefined ? undefined : appRefFromParams(appId, attempt);
  const files = useAppLogs(appId);
  const access = useAppLogAccess(appId);
  const hasConsoleLogs = (files.data?.files.length ?? 0) > 0;
  // Only when the console has logs for the app and the caller did not say whose links these are.
  const lookup: AppRef = app ?? { appId: '' };
  const executors = useQuery({
    queryKey: appKeys.app(lookup).allExecutors(),
    queryFn: ({ signal }) => apiClient.allExecutors(lookup, { signal }),
    enabled: app !== undefined && executorId === undefined && hasConsoleLogs,
  });
  const urls = new Set(Object.values(logs));
  const owner = executorId ?? executors.data?.find((e) => Object.values(e.executorLogs).some((u) => urls.has(u)))?.id;

  const consoleFile = (name: string): AppLogFile | undefined => (owner !== undefined && isLogType(name) ? findLogFile(files.data?.files, owner, name) : undefined);
  const entries = Object.entries(logs).sort(([a], [b]) => a.localeCompare(b));
  const names = new Set(entries.map(([name]) => name));
  // Logs the console holds that the cluster manager gave no link for (e.g. the driver log, or links that were never set).
  const extra = owner === undefined ? [] : (files.data?.files ?? []).filter((f) => f.executorId === owner && !names.has(f.logType));
  // A viewer may not read logs: no links at all (the cluster manager's would bypass the console's rule).
  if (access.canReadLogs === false || (entries.length === 0 && extra.length === 0)) return null;

  return (
    <span className="inline-flex flex-wrap gap-x-2" data-testid="log-links">
      {entries.map(([name, url]) => {
        const file = consoleFile(name);
        return file !== undefined && app !== undefined ? (
          <Link key={name} to={appPaths.log(app, file.executorId, file.logType)} className="link" data-log-source="console" title="Open in the console's log viewer">
            {name}
          </Link>
        ) : (
          <a key={name} href={url} className="link" target="_blank" rel="noreferrer noopener" data-log-source="external">
            {name}
          </a>
        );
      })}
      {app !== undefined &&
        extra.map((f) => (
          <Link key={f.logType} to={appPaths.log(app, f.executorId, f.logType)} className="link" data-log-source="console" title="Open in the console's log viewer">
            {f.logType}
          </Link>
        ))}
    </span>
  );
}
