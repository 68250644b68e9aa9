import { isApiError } from '../../api/index.js';

/** The server's text for a failed change (e.g. "user exists: bob"), next to the form that made it. */
export function MutationError({ error, testId }: { error: unknown; testId?: string }) {
  if (error === null || error === undefined) return null;
  const text = isApiError(error) ? error.body || `HTTP ${error.status}` : error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="text-sm text-rose-700 dark:text-rose-300" data-testid={testId}>
      {text}
    </p>
  );
}
