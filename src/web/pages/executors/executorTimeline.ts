import type { ExecutorSummary } from '../../../api/index.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';

/** A step of the "executors over time" series: from `time` on, `count` executors were alive. */
export interface ExecutorCountPoint {
  time: number;
  count: number;
}

/**
 * Alive-executor count over the application's run, from each executor's add and remove times. The driver is
 * left out: it lives for the whole run and is not what dynamic allocation scales. Simultaneous changes are
 * merged into one step; the series starts at `start` and ends at `end` so the chart spans the whole run.
 */
export function executorCountSeries(executors: readonly ExecutorSummary[], start: number, end: number): ExecutorCountPoint[] {
  const deltas = new Map<number, number>();
  const bump = (t: number, d: number) => deltas.set(t, (deltas.get(t) ?? 0) + d);
  for (const e of executors) {
    if (e.id === 'driver') continue;
    const added = epochMillisFromSparkDate(e.addTime);
    if (added === undefined) continue;
    bump(Math.max(added, start), 1);
    const removed = epochMillisFromSparkDate(e.removeTime);
    if (removed !== undefined) bump(Math.min(Math.max(removed, start), end), -1);
  }
  const points: ExecutorCountPoint[] = [{ time: start, count: 0 }];
  let count = 0;
  for (const t of [...deltas.keys()].sort((a, b) => a - b)) {
    count += deltas.get(t)!;
    if (t === start) points[0] = { time: start, count };
    else points.push({ time: t, count });
  }
  const last = points[points.length - 1]!;
  if (last.time < end) points.push({ time: end, count: last.count });
  return points;
}

export function peakCount(points: readonly ExecutorCountPoint[]): number {
  return points.reduce((m, p) => Math.max(m, p.count), 0);
}
