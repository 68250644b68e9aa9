/**
 * What went wrong when a page could not render, in words a user can act on. A lazy page chunk that no longer
 * exists (the console was rebuilt or upgraded since this tab loaded its index) fails with a browser-specific
 * import error; only a reload, which fetches the new index and its new chunk names, recovers from it.
 */
export interface PageFailure {
  kind: 'stale-code' | 'crash';
  title: string;
  detail: string;
}

// Chromium, Firefox and Safari word a failed dynamic import differently; Vite adds its own for a failed preload.
const CHUNK_LOAD_ERRORS = [/Failed to fetch dynamically imported module/i, /error loading dynamically imported module/i, /Importing a module script failed/i, /Unable to preload CSS/i, /Loading chunk .* failed/i];

export function describePageFailure(error: unknown): PageFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (CHUNK_LOAD_ERRORS.some((re) => re.test(message))) {
    return {
      kind: 'stale-code',
      title: 'This page could not be loaded',
      detail: 'The console was probably updated since this tab was opened, so part of its code is gone. Reload to get the current version.',
    };
  }
  return { kind: 'crash', title: 'This page failed to show', detail: message || 'An unexpected error occurred while drawing this page.' };
}
