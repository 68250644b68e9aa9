import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput } from '../diagnosticsInput.js';
import { bytes, ms, stageLabel } from '../textFormat.js';

/** Spill: a stage attempt that spilled memory or disk bytes (> 0), largest first. */
export function spillRule(input: DiagnosticsInput): DiagnosticFinding[] {
  return input.stages
    .filter((s) => s.memoryBytesSpilled + s.diskBytesSpilled > 0)
    .sort((a, b) => b.memoryBytesSpilled + b.diskBytesSpilled - (a.memoryBytesSpilled + a.diskBytesSpilled))
    .map((s) => {
      const where = stageLabel(s.stageId, s.attemptId);
      return {
        id: `spill:${s.stageId}.${s.attemptId}`,
        rule: 'spill' as const,
        severity: s.diskBytesSpilled > 0 ? ('warning' as const) : ('info' as const),
        title: `Spill in ${where}: ${bytes(s.memoryBytesSpilled)} from memory, ${bytes(s.diskBytesSpilled)} to disk`,
        measured: [
          { label: 'memory bytes spilled', value: s.memoryBytesSpilled, unit: 'bytes' as const },
          { label: 'disk bytes spilled', value: s.diskBytesSpilled, unit: 'bytes' as const },
        ],
        thresholds: [{ label: 'spilled bytes above', value: 0, unit: 'bytes' as const }],
        impactMs: s.executorRunTime,
        impact: `task time of the stage that spilled (${ms(s.executorRunTime)}), part of it writing and reading spill files`,
        links: [{ kind: 'stage' as const, label: where, stageId: s.stageId, attemptId: s.attemptId }],
      };
    });
}
