import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput } from '../diagnosticsInput.js';
import { THRESHOLDS } from '../thresholds.js';
import { bytes, ms, stageLabel } from '../textFormat.js';

/** Large partition: one task of a stage attempt read more than 5 GB of input or of shuffle data (DataFlint). */
export function largePartitionRule(input: DiagnosticsInput): DiagnosticFinding[] {
  const limit = THRESHOLDS.largePartitionBytes;
  const out: DiagnosticFinding[] = [];
  for (const p of input.partitionMaxima) {
    const bigInput = p.maxInputBytes > limit;
    const bigShuffle = p.maxShuffleReadBytes > limit;
    if (!bigInput && !bigShuffle) continue;
    const where = stageLabel(p.stageId, p.attemptId);
    const stats = input.taskStats.find((s) => s.stageId === p.stageId && s.attemptId === p.attemptId);
    const waitedMs = stats ? Math.max(0, stats.maxMs - stats.medianMs) : 0;
    const what = [bigInput ? `${bytes(p.maxInputBytes)} of input` : '', bigShuffle ? `${bytes(p.maxShuffleReadBytes)} of shuffle data` : ''].filter(Boolean).join(' and ');
    const taskIds = [...new Set([bigInput ? p.maxInputTaskId : -1, bigShuffle ? p.maxShuffleReadTaskId : -1].filter((t) => t >= 0))];
    out.push({
      id: `largePartition:${p.stageId}.${p.attemptId}`,
      rule: 'largePartition',
      severity: 'warning',
      title: `Large partition in ${where}: one task read ${what}`,
      measured: [
        { label: 'largest input partition', value: p.maxInputBytes, unit: 'bytes' },
        { label: 'largest shuffle-read partition', value: p.maxShuffleReadBytes, unit: 'bytes' },
      ],
      thresholds: [{ label: 'partition size above', value: limit, unit: 'bytes' }],
      impactMs: waitedMs,
      impact: `the stage's slowest task ran ${ms(waitedMs)} longer than its median task; more partitions would split the work`,
      links: [
        { kind: 'stage', label: where, stageId: p.stageId, attemptId: p.attemptId },
        ...taskIds.map((taskId) => ({ kind: 'task' as const, label: `task ${taskId}`, stageId: p.stageId, attemptId: p.attemptId, taskId })),
      ],
    });
  }
  return out;
}
