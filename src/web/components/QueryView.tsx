import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState.js';
import { LoadingState } from './LoadingState.js';

/** Renders a query's loading and error states, and `children(data)` once it has data. */
export function QueryView<T>({
  query,
  children,
  loadingLabel,
  errorTitle,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
  errorTitle?: string;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) return <ErrorState error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  return <LoadingState label={loadingLabel} />;
}
