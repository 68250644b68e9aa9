import { useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** Active and dead executors (what Spark's Executors page shows). */
export function useAllExecutors(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).allExecutors(), queryFn: ({ signal }) => apiClient.allExecutors(app, { signal }) });
}

/** Active executors only. */
export function useActiveExecutors(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).executors(), queryFn: ({ signal }) => apiClient.executors(app, { signal }) });
}

/** Other processes of the application (e.g. the YARN application master). */
export function useMiscProcesses(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).miscProcesses(), queryFn: ({ signal }) => apiClient.miscProcesses(app, { signal }) });
}
