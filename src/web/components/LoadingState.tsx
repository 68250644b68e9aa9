/** Placeholder while a query loads; `role=status` lets screen readers announce it. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 py-6 text-sm text-slate-500 dark:text-slate-400" data-testid="loading">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-sky-500" aria-hidden="true" />
      {label}
    </div>
  );
}
