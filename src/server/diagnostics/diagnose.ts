import type { DiagnosticFinding, DiagnosticSeverity } from '../../api/console/diagnostics.js';
import type { DiagnosticsInput } from './diagnosticsInput.js';
import { failedTasksRule } from './rules/failedTasks.js';
import { fetchFailuresRule } from './rules/fetchFailures.js';
import { gcExecutorRule, gcStageRule } from './rules/gc.js';
import { idleCoresRule } from './rules/idleCores.js';
import { lostExecutorsRule } from './rules/lostExecutors.js';
import { skewRule } from './rules/skew.js';
import { spillRule } from './rules/spill.js';
import { stageRetriesRule } from './rules/stageRetries.js';
import { tinyTasksRule } from './rules/tinyTasks.js';
import { executorMemoryRule } from './rules/executorMemory.js';
import { largeBroadcastRule } from './rules/largeBroadcast.js';
import { largePartitionRule } from './rules/largePartition.js';
import { smallFilesRule } from './rules/smallFiles.js';

export const RULES = [
  failedTasksRule,
  fetchFailuresRule,
  stageRetriesRule,
  lostExecutorsRule,
  skewRule,
  spillRule,
  gcStageRule,
  gcExecutorRule,
  tinyTasksRule,
  idleCoresRule,
  largePartitionRule,
  executorMemoryRule,
  smallFilesRule,
  largeBroadcastRule,
];

/** Why it failed comes before why it was slow; within each, the time explained decides. */
const failing = (s: DiagnosticSeverity) => (s === 'critical' ? 0 : 1);

/** Every rule's findings, ranked: critical first (why it failed), then by the time they explain. */
export function diagnose(input: DiagnosticsInput): DiagnosticFinding[] {
  return RULES.flatMap((rule) => rule(input)).sort(
    (a, b) => failing(a.severity) - failing(b.severity) || b.impactMs - a.impactMs || a.id.localeCompare(b.id),
  );
}
