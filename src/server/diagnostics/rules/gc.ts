import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput } from '../diagnosticsInput.js';
import { THRESHOLDS } from '../thresholds.js';
import { ms, pct, stageLabel } from '../textFormat.js';

const threshold = [{ label: 'GC share above', value: THRESHOLDS.gcShare, unit: 'ratio' as const }];

function measured(gc: number, taskTime: number) {
  return [
    { label: 'GC time', value: gc, unit: 'ms' as const },
    { label: 'task time', value: taskTime, unit: 'ms' as const },
    { label: 'GC share', value: gc / taskTime, unit: 'ratio' as const },
  ];
}

/** GC time > 10% of the task time of a stage attempt. */
export function gcStageRule(input: DiagnosticsInput): DiagnosticFinding[] {
  return input.stages
    .filter((s) => s.executorRunTime > 0 && s.jvmGcTime / s.executorRunTime > THRESHOLDS.gcShare)
    .map((s) => {
      const where = stageLabel(s.stageId, s.attemptId);
      return {
        id: `gcStage:${s.stageId}.${s.attemptId}`,
        rule: 'gcStage' as const,
        severity: 'warning' as const,
        title: `GC in ${where}: ${ms(s.jvmGcTime)} of ${ms(s.executorRunTime)} task time (${pct(s.jvmGcTime / s.executorRunTime)})`,
        measured: measured(s.jvmGcTime, s.executorRunTime),
        thresholds: threshold,
        impactMs: s.jvmGcTime,
        impact: `task time spent in JVM garbage collection`,
        links: [{ kind: 'stage' as const, label: where, stageId: s.stageId, attemptId: s.attemptId }],
      };
    });
}

/** GC time > 10% of the task time of an executor. */
export function gcExecutorRule(input: DiagnosticsInput): DiagnosticFinding[] {
  return input.executors
    .filter((e) => e.totalDuration > 0 && e.totalGcTime / e.totalDuration > THRESHOLDS.gcShare)
    .map((e) => ({
      id: `gcExecutor:${e.id}`,
      rule: 'gcExecutor' as const,
      severity: 'warning' as const,
      title: `GC on executor ${e.id}: ${ms(e.totalGcTime)} of ${ms(e.totalDuration)} task time (${pct(e.totalGcTime / e.totalDuration)})`,
      measured: measured(e.totalGcTime, e.totalDuration),
      thresholds: threshold,
      impactMs: e.totalGcTime,
      impact: `task time spent in JVM garbage collection on this executor`,
      links: [{ kind: 'executor' as const, label: `executor ${e.id} (${e.host})`, executorId: e.id }],
    }));
}
