import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput } from '../diagnosticsInput.js';
import { SKEWED_TASKS_SHOWN, THRESHOLDS } from '../thresholds.js';
import { bytes, ms, stageLabel } from '../textFormat.js';

/** Skew: a stage whose slowest task ran > 5 s and > 10× its median task (DataFlint). */
export function skewRule(input: DiagnosticsInput): DiagnosticFinding[] {
  const out: DiagnosticFinding[] = [];
  for (const s of input.taskStats) {
    if (s.count === 0 || s.maxMs <= THRESHOLDS.skewMinMaxMs || s.maxMs <= THRESHOLDS.skewRatio * s.medianMs) continue;
    const limit = Math.max(THRESHOLDS.skewMinMaxMs, THRESHOLDS.skewRatio * s.medianMs);
    const skewed = s.slowest.filter((t) => t.duration > limit).slice(0, SKEWED_TASKS_SHOWN);
    const ratio = s.medianMs > 0 ? s.maxMs / s.medianMs : Infinity;
    const where = stageLabel(s.stageId, s.attemptId);
    out.push({
      id: `skew:${s.stageId}.${s.attemptId}`,
      rule: 'skew',
      severity: 'warning',
      title:
        `Skew in ${where}: slowest task ${ms(s.maxMs)}, ${Number.isFinite(ratio) ? `${ratio.toFixed(0)}×` : 'far above'} ` +
        `the median ${ms(s.medianMs)} (${skewed.length} task${skewed.length === 1 ? '' : 's'} above ${ms(limit)})`,
      measured: [
        { label: 'max task duration', value: s.maxMs, unit: 'ms' },
        { label: 'median task duration', value: s.medianMs, unit: 'ms' },
        { label: 'median input', value: s.medianInputBytes, unit: 'bytes' },
        { label: 'median shuffle read', value: s.medianShuffleReadBytes, unit: 'bytes' },
      ],
      thresholds: [
        { label: 'max task duration above', value: THRESHOLDS.skewMinMaxMs, unit: 'ms' },
        { label: 'max / median above', value: THRESHOLDS.skewRatio, unit: 'ratio' },
      ],
      impactMs: s.maxMs - s.medianMs,
      impact: `the stage waited ${ms(s.maxMs - s.medianMs)} for its slowest task beyond a median task`,
      links: [
        { kind: 'stage', label: where, stageId: s.stageId, attemptId: s.attemptId },
        ...skewed.map((t) => ({
          kind: 'task' as const,
          label: `task ${t.taskId} (partition ${t.index})`,
          stageId: s.stageId,
          attemptId: s.attemptId,
          taskId: t.taskId,
        })),
      ],
      details: skewed.map((t) => ({
        task: t.taskId,
        partition: t.index,
        executor: t.executorId,
        duration: ms(t.duration),
        input: `${bytes(t.inputBytes)} (median ${bytes(s.medianInputBytes)})`,
        'shuffle read': `${bytes(t.shuffleReadBytes)} (median ${bytes(s.medianShuffleReadBytes)})`,
      })),
    });
  }
  return out;
}
