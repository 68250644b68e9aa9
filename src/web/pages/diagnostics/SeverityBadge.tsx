import type { DiagnosticSeverity } from '../../../api/index.js';
import { cx } from '../../lib/classNames.js';

const TONES: Record<DiagnosticSeverity, string> = {
  critical: 'bg-rose-100 text-rose-800 ring-rose-300 dark:bg-rose-900/40 dark:text-rose-200 dark:ring-rose-700',
  warning: 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-900/40 dark:text-amber-200 dark:ring-amber-700',
  info: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600',
};

/** A finding's severity in its colour. */
export function SeverityBadge({ severity }: { severity: DiagnosticSeverity }) {
  return (
    <span
      className={cx('inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap', TONES[severity])}
      data-severity={severity}
    >
      {severity}
    </span>
  );
}
