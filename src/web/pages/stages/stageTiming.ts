import type { StageData } from '../../../api/index.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';

/**
 * Spark's stage duration: from the first task launch (not submission, SPARK-10930) to completion, or to now
 * while the stage runs; undefined ("Unknown") before any task launched.
 */
export function stageDurationMs(stage: StageData, now: number): number | undefined {
  const launched = epochMillisFromSparkDate(stage.firstTaskLaunchedTime);
  if (launched === undefined) return undefined;
  return (epochMillisFromSparkDate(stage.completionTime) ?? now) - launched;
}

export type StageGroup = 'active' | 'pending' | 'completed' | 'skipped' | 'failed';

export function stageGroup(stage: StageData): StageGroup {
  switch (stage.status) {
    case 'ACTIVE':
      return 'active';
    case 'PENDING':
      return 'pending';
    case 'COMPLETE':
      return 'completed';
    case 'SKIPPED':
      return 'skipped';
    case 'FAILED':
      return 'failed';
  }
}

/** Row id Spark uses for a stage row. */
export function stageKey(stage: Pick<StageData, 'stageId' | 'attemptId'>): string {
  return `${stage.stageId}-${stage.attemptId}`;
}
