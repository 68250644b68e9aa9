import { useQuery } from '@tanstack/react-query';
import { consoleKeys, type AppLogFile, type LogType } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** How often the file list of a running application is refreshed (logs are not in the change stream). */
export const RUNNING_LOGS_REFRESH_MS = 5_000;

/**
 * The driver and executor log files the console holds for an application (`appLogs`). Logs belong to the
 * application, not an attempt. `enabled: false` for callers that may have no application in scope.
 */
export function useAppLogs(appId: string | undefined, opts: { running?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: consoleKeys.appLogs(appId ?? ''),
    queryFn: ({ signal }) => apiClient.appLogs(appId!, { signal }),
    enabled: appId !== undefined && opts.enabled !== false,
    refetchInterval: opts.running === true ? RUNNING_LOGS_REFRESH_MS : false,
  });
}

/** The file of one executor's log of a type, when the console has it. */
export function findLogFile(files: readonly AppLogFile[] | undefined, executorId: string, logType: LogType): AppLogFile | undefined {
  return files?.find((f) => f.executorId === executorId && f.logType === logType);
}
