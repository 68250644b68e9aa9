/*
 * Spark's task/stage progress bar: completed (#3EC0FF, with Spark's gradient) and running (#A0DFFF) as shares
 * of the total, and a centred label "completed/total" followed by "(N running)" only when nothing failed or was
 * skipped, then "(N failed)", "(N skipped)" and one "(N killed: reason)" per kill reason, most kills first.
 */

export interface ProgressBarProps {
  completed: number;
  total: number;
  running?: number;
  failed?: number;
  skipped?: number;
  /** Kill reason → number of tasks killed for it. */
  killed?: Readonly<Record<string, number>>;
}

export function progressLabel({ completed, total, running = 0, failed = 0, skipped = 0, killed = {} }: ProgressBarProps): string {
  const parts = [`${completed}/${total}`];
  if (failed === 0 && skipped === 0 && running > 0) parts.push(`(${running} running)`);
  if (failed > 0) parts.push(`(${failed} failed)`);
  if (skipped > 0) parts.push(`(${skipped} skipped)`);
  for (const [reason, count] of Object.entries(killed).sort((a, b) => b[1] - a[1])) parts.push(`(${count} killed: ${reason})`);
  return parts.join(' ');
}

function percent(part: number, total: number): number {
  return total > 0 ? Math.min(100, Math.max(0, (part / total) * 100)) : 0;
}

export function ProgressBar(props: ProgressBarProps) {
  const label = progressLabel(props);
  const completedPct = percent(props.completed, props.total);
  const runningPct = Math.min(100 - completedPct, percent(props.running ?? 0, props.total));
  return (
    <div
      className="relative h-5 min-w-[9rem] overflow-hidden rounded border border-slate-300 bg-slate-100 dark:border-slate-600 dark:bg-slate-800"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={props.total}
      aria-valuenow={props.completed}
      aria-valuetext={label}
      data-testid="progress-bar"
      title={label}
    >
      <div
        className="absolute inset-y-0 left-0 bg-[#3EC0FF] bg-gradient-to-b from-[#44CBFF] to-[#34B0EE]"
        style={{ width: `${completedPct}%` }}
      />
      <div className="absolute inset-y-0 bg-[#A0DFFF]" style={{ left: `${completedPct}%`, width: `${runningPct}%` }} />
      {/* A label longer than the bar (kill reasons) ends in an ellipsis instead of being cut on both sides; the title has it all. */}
      <span className="absolute inset-0 flex items-center justify-center px-1 text-xs text-slate-900 tabular-nums dark:text-slate-100">
        <span className="truncate">{label}</span>
      </span>
    </div>
  );
}
