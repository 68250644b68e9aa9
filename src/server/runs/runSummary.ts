import type { RunSummary } from '../../api/console/runs.js';
import type { ResolvedAttempt } from '../api/appCatalog.js';
import { runStatus } from './jobRuns.js';

/** One run's summary: times, status and usage from the index row, the rest summed in its store. */
export function runSummary(a: ResolvedAttempt, now = Date.now()): RunSummary {
  const row = a.row;
  const totals = a.store.runTotals();
  const running = !row.completed;
  return {
    appId: a.app.id,
    ...(row.attemptId ? { attemptId: row.attemptId } : {}),
    name: a.app.name,
    sparkVersion: row.sparkVersion ?? '',
    status: row === a.app.attempts[0] ? runStatus(a.app) : running ? 'running' : row.failed ? 'failed' : 'succeeded',
    startTime: row.startTime,
    endTime: running ? null : row.endTime,
    durationMs: Math.max(0, (running ? now : row.endTime) - row.startTime),
    cuHours: Math.round((row.usage?.cuHours ?? 0) * 1000) / 1000,
    ...totals,
  };
}
