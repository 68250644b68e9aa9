import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput, StageFacts } from '../diagnosticsInput.js';
import { ms } from '../textFormat.js';

/** Stage retries: a stage that ran more than one attempt (attempt id > 0). */
export function stageRetriesRule(input: DiagnosticsInput): DiagnosticFinding[] {
  const byStage = new Map<number, StageFacts[]>();
  for (const s of input.stages) byStage.set(s.stageId, [...(byStage.get(s.stageId) ?? []), s]);
  const out: DiagnosticFinding[] = [];
  for (const [stageId, attempts] of byStage) {
    const last = Math.max(...attempts.map((a) => a.attemptId));
    if (last === 0) continue;
    attempts.sort((a, b) => a.attemptId - b.attemptId);
    const earlier = attempts.filter((a) => a.attemptId !== last);
    const retriedMs = earlier.reduce((sum, a) => sum + a.executorRunTime, 0);
    const reason = earlier.find((a) => a.failureReason)?.failureReason?.split('\n')[0];
    out.push({
      id: `stageRetries:${stageId}`,
      rule: 'stageRetries',
      severity: 'warning',
      title: `Stage ${stageId} ran ${last + 1} attempts` + (reason ? `: ${reason}` : ''),
      measured: [
        { label: 'attempts', value: last + 1, unit: 'count' },
        { label: 'task time of earlier attempts', value: retriedMs, unit: 'ms' },
      ],
      thresholds: [{ label: 'attempt id above', value: 0, unit: 'count' }],
      impactMs: retriedMs,
      impact: `task time of the attempts that were run again: ${ms(retriedMs)}`,
      links: attempts.map((a) => ({ kind: 'stage' as const, label: `stage ${stageId}.${a.attemptId} (${a.status})`, stageId, attemptId: a.attemptId })),
    });
  }
  return out;
}
