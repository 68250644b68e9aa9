import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput, FailedTaskFacts } from '../diagnosticsInput.js';
import { errorSignature, isFetchFailure } from '../errorSignature.js';
import { ms, stageLabel } from '../textFormat.js';

interface Group {
  exceptionClass: string;
  message: string;
  tasks: FailedTaskFacts[];
}

/**
 * Failed tasks grouped by error (exception class + message with numbers stripped): count, stages, executors,
 * first occurrence and one task to open. Fetch failures have their own rule. Critical is the error a failed
 * stage names in its failure reason (or, when none is named, every error of a failed stage).
 */
export function failedTasksRule(input: DiagnosticsInput): DiagnosticFinding[] {
  const groups = new Map<string, Group>();
  for (const t of input.failedTasks) {
    if (isFetchFailure(t.error)) continue;
    const sig = errorSignature(t.error);
    let g = groups.get(sig.key);
    if (!g) groups.set(sig.key, (g = { exceptionClass: sig.exceptionClass, message: sig.message, tasks: [] }));
    g.tasks.push(t);
  }
  const failedStages = input.stages.filter((s) => s.status === 'FAILED');
  const failedKeys = new Set(failedStages.map((s) => `${s.stageId}.${s.attemptId}`));
  const reasons = failedStages.map((s) => s.failureReason ?? '').filter((r) => r !== '');
  // The error a failed stage names as its most recent failure is why it failed; other errors there were along the way.
  const named = (g: Group) => reasons.some((r) => r.includes(g.exceptionClass));
  const anyNamed = [...groups.values()].some(named);
  return [...groups.values()].map((g) => {
    const first = g.tasks.reduce((a, b) => (b.launchTime + b.duration < a.launchTime + a.duration ? b : a));
    const stages = [...new Map(g.tasks.map((t) => [`${t.stageId}.${t.stageAttempt}`, t])).values()];
    const executors = [...new Set(g.tasks.map((t) => t.executorId))];
    const lostMs = g.tasks.reduce((sum, t) => sum + t.duration, 0);
    const inFailedStage = stages.some((t) => failedKeys.has(`${t.stageId}.${t.stageAttempt}`));
    const failedStage = inFailedStage && (anyNamed ? named(g) : true);
    return {
      id: `failedTasks:${g.message}`,
      rule: 'failedTasks' as const,
      severity: failedStage ? ('critical' as const) : ('warning' as const),
      title:
        `${g.tasks.length} task${g.tasks.length === 1 ? '' : 's'} failed with ${g.exceptionClass} in ` +
        `${stages.length} stage${stages.length === 1 ? '' : 's'} on ${executors.length} executor${executors.length === 1 ? '' : 's'}` +
        (failedStage ? ' (why the stage failed)' : inFailedStage ? ' (in a failed stage)' : ''),
      measured: [
        { label: 'failed tasks', value: g.tasks.length, unit: 'count' as const },
        { label: 'stages', value: stages.length, unit: 'count' as const },
        { label: 'executors', value: executors.length, unit: 'count' as const },
        { label: 'time of failed tasks', value: lostMs, unit: 'ms' as const },
      ],
      thresholds: [{ label: 'failed tasks above', value: 0, unit: 'count' as const }],
      impactMs: lostMs,
      impact: `task time spent on attempts that failed: ${ms(lostMs)}`,
      links: [
        { kind: 'stage' as const, label: stageLabel(first.stageId, first.stageAttempt), stageId: first.stageId, attemptId: first.stageAttempt },
        { kind: 'task' as const, label: `task ${first.taskId} (partition ${first.index})`, stageId: first.stageId, attemptId: first.stageAttempt, taskId: first.taskId },
        { kind: 'executor' as const, label: `executor ${first.executorId} (${first.host})`, executorId: first.executorId },
      ],
      details: [
        {
          error: g.message,
          exception: g.exceptionClass,
          'first occurrence': new Date(first.launchTime + first.duration).toISOString(),
          stages: stages.map((t) => `${t.stageId}.${t.stageAttempt}`).join(', '),
          executors: executors.join(', '),
        },
      ],
    };
  });
}
