import { cx } from '../lib/classNames.js';

/** Colour families for the statuses Spark uses across apps, jobs, stages, tasks and SQL executions. */
const TONES: Record<string, string> = {
  running: 'bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-900/40 dark:text-emerald-200 dark:ring-emerald-700',
  active: 'bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-900/40 dark:text-emerald-200 dark:ring-emerald-700',
  'get result': 'bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-900/40 dark:text-emerald-200 dark:ring-emerald-700',
  succeeded: 'bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-900/40 dark:text-sky-200 dark:ring-sky-700',
  success: 'bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-900/40 dark:text-sky-200 dark:ring-sky-700',
  complete: 'bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-900/40 dark:text-sky-200 dark:ring-sky-700',
  completed: 'bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-900/40 dark:text-sky-200 dark:ring-sky-700',
  failed: 'bg-rose-100 text-rose-800 ring-rose-300 dark:bg-rose-900/40 dark:text-rose-200 dark:ring-rose-700',
  killed: 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-900/40 dark:text-amber-200 dark:ring-amber-700',
  // An application whose log ended without an end event: it is not running, and how it ended is not known.
  unknown: 'bg-amber-50 text-amber-900 ring-amber-400 dark:bg-amber-900/30 dark:text-amber-200 dark:ring-amber-600',
  pending: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600',
  skipped: 'bg-slate-100 text-slate-600 ring-slate-300 dark:bg-slate-800 dark:text-slate-400 dark:ring-slate-600',
};
const NEUTRAL = 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600';

/** A status word (any case) in its colour; the text stays the status itself so it can be read and searched. */
export function StatusBadge({ status, className }: { status: string; className?: string }) {
  const tone = TONES[status.toLowerCase()] ?? NEUTRAL;
  return (
    <span
      className={cx('inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap', tone, className)}
      data-status={status.toLowerCase()}
    >
      {status.toLowerCase()}
    </span>
  );
}
