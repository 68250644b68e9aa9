import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/index.js';

/** How long fetched data counts as fresh. Running apps are refreshed by server-sent change events instead. */
export const STALE_TIME_MS = 60_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        // A 4xx (unknown app, stage, …) will not change on retry; only network and 5xx errors are retried.
        retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
