import { useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** Cached RDDs of the application. */
export function useRdds(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).rdds(), queryFn: ({ signal }) => apiClient.rdds(app, { signal }) });
}

/** One RDD with its data distribution and partitions. */
export function useRdd(app: AppRef, rddId: number) {
  return useQuery({ queryKey: appKeys.app(app).rdd(rddId), queryFn: ({ signal }) => apiClient.rdd(app, rddId, { signal }) });
}
