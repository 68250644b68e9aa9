import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput } from '../diagnosticsInput.js';
import { ms, stageLabel } from '../textFormat.js';

/** Removals the application asked for (dynamic allocation, shutdown): not losses. */
/** How much of the removal reason the title shows; details hold all of it. */
const TITLE_REASON = 90;

const REQUESTED_REMOVAL = /killed by driver|explicit termination request|decommission/i;

/** Lost executors: removed for a reason other than the driver's own request, with that reason. */
export function lostExecutorsRule(input: DiagnosticsInput): DiagnosticFinding[] {
  return input.executors
    .filter((e) => e.removeReason !== undefined && e.removeReason !== '' && !REQUESTED_REMOVAL.test(e.removeReason))
    .map((e) => {
      const lostTasks = input.failedTasks.filter((t) => t.executorId === e.id);
      const lostMs = lostTasks.reduce((sum, t) => sum + t.duration, 0);
      const firstLine = e.removeReason!.split('\n')[0]!;
      const reason = firstLine.length > TITLE_REASON ? `${firstLine.slice(0, TITLE_REASON)}…` : firstLine;
      return {
        id: `lostExecutors:${e.id}`,
        rule: 'lostExecutors' as const,
        // Spark re-runs a lost executor's tasks elsewhere: the loss slows the application, it fails it only through its tasks.
        severity: 'warning' as const,
        title: `Executor ${e.id} on ${e.host} was lost: ${reason} (${lostTasks.length} failed task${lostTasks.length === 1 ? '' : 's'})`,
        measured: [
          { label: 'failed tasks on it', value: lostTasks.length, unit: 'count' as const },
          { label: 'time of those tasks', value: lostMs, unit: 'ms' as const },
        ],
        thresholds: [],
        impactMs: lostMs,
        impact: `task time lost with the executor's failed tasks: ${ms(lostMs)}`,
        links: [
          { kind: 'executor' as const, label: `executor ${e.id} (${e.host})`, executorId: e.id },
          ...[...new Map(lostTasks.map((t) => [`${t.stageId}.${t.stageAttempt}`, t])).values()].map((t) => ({
            kind: 'stage' as const,
            label: stageLabel(t.stageId, t.stageAttempt),
            stageId: t.stageId,
            attemptId: t.stageAttempt,
          })),
        ],
        details: [{ reason: e.removeReason! }],
      };
    });
}
