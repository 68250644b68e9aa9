import type { ReactNode } from 'react';

/** Shown instead of an empty table or chart, saying what is missing and, where useful, why. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400" data-testid="empty-state">
      <p className="font-medium text-slate-700 dark:text-slate-300">{title}</p>
      {children !== undefined && <div className="mt-1">{children}</div>}
    </div>
  );
}
