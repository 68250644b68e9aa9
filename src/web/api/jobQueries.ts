import { useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** Every job of the application, newest first (Spark's order). */
export function useJobs(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).jobs(), queryFn: ({ signal }) => apiClient.jobs(app, undefined, { signal }) });
}

export function useJob(app: AppRef, jobId: number) {
  return useQuery({ queryKey: appKeys.app(app).job(jobId), queryFn: ({ signal }) => apiClient.job(app, jobId, { signal }) });
}
