import { isApiError } from '../../api/index.js';

/**
 * A failed request: Spark's plain-text error (e.g. "unknown stage: 12") verbatim, the HTTP status, and a retry
 * button for errors that may pass (network, 5xx).
 */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const api = isApiError(error) ? error : undefined;
  const message = api !== undefined ? api.body || `HTTP ${api.status}` : error instanceof Error ? error.message : String(error);
  const heading = title ?? (api?.status === 404 ? 'Not found' : 'Could not load data');
  return (
    <div role="alert" className="rounded border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-200" data-testid="error-state">
      <p className="font-semibold">
        {heading}
        {api !== undefined && <span className="ml-2 font-normal opacity-75">(HTTP {api.status})</span>}
      </p>
      <p className="mt-1 break-words font-mono text-xs">{message}</p>
      {onRetry !== undefined && (api === undefined || api.status >= 500) && (
        <button type="button" className="btn mt-2" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
