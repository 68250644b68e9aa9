import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput, FailedTaskFacts } from '../diagnosticsInput.js';
import { isFetchFailure } from '../errorSignature.js';
import { ms, stageLabel } from '../textFormat.js';

/** Fetch failures: tasks that could not read shuffle output, per stage attempt. */
export function fetchFailuresRule(input: DiagnosticsInput): DiagnosticFinding[] {
  const byStage = new Map<string, FailedTaskFacts[]>();
  for (const t of input.failedTasks) {
    if (!isFetchFailure(t.error)) continue;
    const key = `${t.stageId}.${t.stageAttempt}`;
    byStage.set(key, [...(byStage.get(key) ?? []), t]);
  }
  return [...byStage.entries()].map(([key, tasks]) => {
    const t = tasks[0]!;
    const where = stageLabel(t.stageId, t.stageAttempt);
    const lostMs = tasks.reduce((sum, x) => sum + x.duration, 0);
    return {
      id: `fetchFailures:${key}`,
      rule: 'fetchFailures' as const,
      // The stage is retried from its parents' output; a stage that still fails shows in failed tasks.
      severity: 'warning' as const,
      title: `Fetch failures in ${where}: ${tasks.length} task${tasks.length === 1 ? '' : 's'} could not read shuffle output`,
      measured: [{ label: 'fetch-failed tasks', value: tasks.length, unit: 'count' as const }],
      thresholds: [{ label: 'fetch failures above', value: 0, unit: 'count' as const }],
      impactMs: lostMs,
      impact: `task time of the fetch-failed attempts (${ms(lostMs)}); the parent stage is re-run too`,
      links: [
        { kind: 'stage' as const, label: where, stageId: t.stageId, attemptId: t.stageAttempt },
        { kind: 'task' as const, label: `task ${t.taskId}`, stageId: t.stageId, attemptId: t.stageAttempt, taskId: t.taskId },
      ],
      details: [{ error: t.error.split('\n')[0]! }],
    };
  });
}
