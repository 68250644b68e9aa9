import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { consoleKeys, type AppListQueryInput } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** One page of the console's application listing (filtered, sorted and paged on the server). */
export function useConsoleApps(params: AppListQueryInput, enabled = true) {
  return useQuery({
    queryKey: consoleKeys.apps(params),
    queryFn: ({ signal }) => apiClient.consoleApps(params, { signal }),
    enabled,
    // Keep the previous page on screen while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

/** Distinct users, versions and projects for the list filters. */
export function useConsoleFacets() {
  return useQuery({ queryKey: consoleKeys.facets(), queryFn: ({ signal }) => apiClient.consoleFacets({ signal }) });
}

/** Ingest health: pending replays and unreadable logs. */
export function useConsoleStatus() {
  return useQuery({ queryKey: consoleKeys.status(), queryFn: ({ signal }) => apiClient.consoleStatus({ signal }) });
}
