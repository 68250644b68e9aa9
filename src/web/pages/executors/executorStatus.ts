import type { ExecutorSummary } from '../../../api/index.js';

/**
 * The Status cell of Spark's executor table (executorspage.js formatStatus): an excluded executor reads
 * "Excluded" even once dead; an active one lists the stages it is excluded from.
 */
export function executorStatus(e: ExecutorSummary): string {
  if (e.isExcluded) return 'Excluded';
  if (!e.isActive) return 'Dead';
  if (e.excludedInStages.length === 0) return 'Active';
  return `Active (Excluded in Stages: [${e.excludedInStages.join(', ')}])`;
}
