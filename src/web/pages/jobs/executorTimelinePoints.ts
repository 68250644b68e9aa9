import type { ExecutorSummary } from '../../../api/index.js';
import type { TimelinePoint } from '../../components/timeline/eventTimelineLayout.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';

export interface ExecutorPoint extends TimelinePoint {
  executorId: string;
  host: string;
  reason?: string;
}

/** Spark caps executor markers (spark.ui.timeline.executors.maximum = 250); so do we, newest first. */
export const MAX_EXECUTOR_EVENTS = 250;

/** "Executor N added/removed" markers from allexecutors' addTime/removeTime (the driver is not an event). */
export function executorTimelinePoints(executors: readonly ExecutorSummary[]): { points: ExecutorPoint[]; total: number } {
  const points: ExecutorPoint[] = [];
  for (const e of executors) {
    if (e.id === 'driver') continue;
    const added = epochMillisFromSparkDate(e.addTime);
    if (added !== undefined) {
      points.push({ key: `${e.id}-added`, time: added, kind: 'added', label: `Executor ${e.id} added`, executorId: e.id, host: e.hostPort });
    }
    const removed = epochMillisFromSparkDate(e.removeTime);
    if (removed !== undefined) {
      const p: ExecutorPoint = { key: `${e.id}-removed`, time: removed, kind: 'removed', label: `Executor ${e.id} removed`, executorId: e.id, host: e.hostPort };
      if (e.removeReason !== undefined) p.reason = e.removeReason;
      points.push(p);
    }
  }
  points.sort((a, b) => b.time - a.time);
  return { points: points.slice(0, MAX_EXECUTOR_EVENTS), total: points.length };
}
