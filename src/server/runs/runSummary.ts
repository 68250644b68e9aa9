import type { RunSummary } from '../../api/console/runs.js';
import type { ResolvedAttempt } from '../api/appCatalog.js';
import type { AppEntry } from '../api/appListing.js';
import type { LogRow } from '../store/indexDb.js';

const NO_TOTALS = { inputBytes: 0, outputBytes: 0, shuffleReadBytes: 0, shuffleWriteBytes: 0, taskTimeMs: 0, failedTasks: 0, failedStages: 0, failedJobs: 0, executors: 0 };

/** One run's summary: times, status and usage from the index row, the rest summed in its store. */
export function runSummary(a: ResolvedAttempt, now = Date.now()): RunSummary {
  return summaryOf(a.app, a.row, a.store.runTotals(), now);
}

/** A run whose store cannot be read now (its replay is pending): what the index knows, flagged. */
export function indexOnlyRunSummary(app: AppEntry, now = Date.now()): RunSummary {
  return { ...summaryOf(app, app.attempts[0]!, NO_TOTALS, now), storeUnavailable: true };
}

function summaryOf(app: AppEntry, row: LogRow, totals: typeof NO_TOTALS, now: number): RunSummary {
  const running = !row.completed;
  return {
    appId: app.id,
    ...(row.attemptId ? { attemptId: row.attemptId } : {}),
    name: app.name,
    sparkVersion: row.sparkVersion ?? '',
    status: running ? 'running' : row.failed ? 'failed' : 'succeeded',
    startTime: row.startTime,
    endTime: running ? null : row.endTime,
    durationMs: Math.max(0, (running ? now : row.endTime) - row.startTime),
    cuHours: Math.round((row.usage?.cuHours ?? 0) * 1000) / 1000,
    ...totals,
  };
}
