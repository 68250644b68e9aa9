import { useQuery } from '@tanstack/react-query';
import { consoleKeys, type AppRef, type CompareQueryInput, type RunListQueryInput } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** A project's jobs, costliest first. */
export function useProjectJobs(project: string) {
  return useQuery({ queryKey: consoleKeys.projectJobs(project), queryFn: ({ signal }) => apiClient.projectJobs(project, { signal }) });
}

/** The runs of the job an application belongs to, newest first. */
export function useAppRuns(appId: string, params?: RunListQueryInput) {
  return useQuery({ queryKey: consoleKeys.appRuns(appId, params), queryFn: ({ signal }) => apiClient.appRuns(appId, params, { signal }) });
}

/** Two runs side by side (default: the attempt and the previous run of its job). */
export function useCompareRuns(app: AppRef, params?: CompareQueryInput) {
  return useQuery({ queryKey: consoleKeys.compare(app, params), queryFn: ({ signal }) => apiClient.compareRuns(app, params, { signal }), retry: false });
}
