import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput } from '../diagnosticsInput.js';
import { THRESHOLDS } from '../thresholds.js';
import { ms, stageLabel } from '../textFormat.js';

/** Many tiny tasks: a stage attempt with > 5 000 tasks whose median is < 500 ms. */
export function tinyTasksRule(input: DiagnosticsInput): DiagnosticFinding[] {
  return input.taskStats
    .filter((s) => s.count > THRESHOLDS.tinyTasksCount && s.medianMs < THRESHOLDS.tinyTasksMedianMs)
    .map((s) => {
      const where = stageLabel(s.stageId, s.attemptId);
      return {
        id: `tinyTasks:${s.stageId}.${s.attemptId}`,
        rule: 'tinyTasks' as const,
        severity: 'info' as const,
        title: `Many tiny tasks in ${where}: ${s.count} tasks with a median of ${ms(s.medianMs)}`,
        measured: [
          { label: 'tasks', value: s.count, unit: 'count' as const },
          { label: 'median task duration', value: s.medianMs, unit: 'ms' as const },
          { label: 'task overhead', value: s.overheadMs, unit: 'ms' as const },
        ],
        thresholds: [
          { label: 'tasks above', value: THRESHOLDS.tinyTasksCount, unit: 'count' as const },
          { label: 'median task duration below', value: THRESHOLDS.tinyTasksMedianMs, unit: 'ms' as const },
        ],
        impactMs: s.overheadMs,
        impact: `time of the stage's tasks outside running them (scheduling, deserialization, results): ${ms(s.overheadMs)}`,
        links: [{ kind: 'stage' as const, label: where, stageId: s.stageId, attemptId: s.attemptId }],
      };
    });
}
