import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef, type SqlExecutionQueryInput, type SqlListQueryInput } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** SQL executions; `offset` is a position in id order (Spark's semantics), not an execution id. */
export function useSqlExecutions(app: AppRef, params: SqlListQueryInput) {
  return useQuery({
    queryKey: appKeys.app(app).sql(params),
    queryFn: ({ signal }) => apiClient.sql(app, params, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSqlExecution(app: AppRef, executionId: number, params?: SqlExecutionQueryInput) {
  return useQuery({
    queryKey: appKeys.app(app).sqlExecution(executionId, params),
    queryFn: ({ signal }) => apiClient.sqlExecution(app, executionId, params, { signal }),
  });
}
