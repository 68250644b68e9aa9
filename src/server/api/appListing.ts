import { pathToFileURL } from 'node:url';
import type { Json } from '../status/eventJson.js';
import { formatSparkDate } from '../../api/spark/sparkDate.js';
import type { LogRow } from '../store/indexDb.js';
import { isSpark4Log } from './sparkRelease.js';

/** One application as the History Server lists it: attempts merged under the app id, newest start first. */
export interface AppEntry {
  id: string;
  name: string;
  attempts: LogRow[];
}

/**
 * Groups replayed logs into applications. Two logs claiming the same (appId, attemptId) — a stale
 * `.inprogress` twin, or a single file next to a rolling dir — keep the completed one, then the newer one;
 * Spark keeps whichever it happened to parse last.
 */
export function buildApplications(rows: LogRow[]): AppEntry[] {
  const byApp = new Map<string, Map<string, LogRow>>();
  for (const row of rows) {
    // Pending rows were peeked (head and tail) and are listed before their full replay lands.
    if (row.state === 'error' || row.appId === null) continue;
    let attempts = byApp.get(row.appId);
    if (!attempts) byApp.set(row.appId, (attempts = new Map()));
    const attemptKey = row.attemptId ?? '\0none';
    const current = attempts.get(attemptKey);
    if (!current || preferAttempt(row, current)) attempts.set(attemptKey, row);
  }
  const apps: AppEntry[] = [];
  for (const [id, attempts] of byApp) {
    const sorted = [...attempts.values()].sort((a, b) => b.startTime - a.startTime);
    apps.push({ id, name: sorted[0]!.name ?? '', attempts: sorted });
  }
  // Spark's listing index: newest attempt's end time, descending; running apps (-1) last.
  apps.sort((a, b) => b.attempts[0]!.endTime - a.attempts[0]!.endTime || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return apps;
}

function preferAttempt(candidate: LogRow, current: LogRow): boolean {
  if ((candidate.state === 'ready') !== (current.state === 'ready')) return candidate.state === 'ready';
  if (candidate.completed !== current.completed) return candidate.completed;
  return candidate.lastUpdated > current.lastUpdated;
}

export function attemptInfoJson(row: LogRow): Json {
  const out: Json = {};
  if (row.attemptId !== null) out.attemptId = row.attemptId;
  out.startTime = formatSparkDate(row.startTime);
  out.endTime = formatSparkDate(row.endTime);
  out.lastUpdated = formatSparkDate(row.lastUpdated);
  out.duration = row.completed ? row.endTime - row.startTime : 0;
  out.sparkUser = row.sparkUser ?? '';
  out.completed = row.completed;
  out.appSparkVersion = row.sparkVersion ?? '';
  if (isSpark4Log(row.sparkVersion)) {
    // Spark 4.x's attempt: the exit code once the end event gave one, and the log directory the attempt was
    // read from (named by its URI, as Spark names a directory given no display name).
    if (row.exitCode !== null && row.exitCode !== undefined) out.exitCode = row.exitCode;
    const source = pathToFileURL(row.root).href;
    out.logSourceName = source;
    out.logSourceFullPath = source;
  }
  out.startTimeEpoch = row.startTime;
  out.endTimeEpoch = row.endTime;
  out.lastUpdatedEpoch = row.lastUpdated;
  return out;
}

export function applicationInfoJson(app: AppEntry): Json {
  return { id: app.id, name: app.name, attempts: app.attempts.map(attemptInfoJson) };
}

export interface ApplicationFilter {
  statuses: ('completed' | 'running')[];
  minDate: number;
  maxDate: number;
  minEndDate: number;
  maxEndDate: number;
  limit: number;
}

/** ApplicationListResource's rules: status by the newest attempt, dates by any attempt, limit last. */
export function filterApplications(apps: AppEntry[], f: ApplicationFilter, now = Date.now()): AppEntry[] {
  const includeCompleted = f.statuses.length === 0 || f.statuses.includes('completed');
  const includeRunning = f.statuses.length === 0 || f.statuses.includes('running');
  const out: AppEntry[] = [];
  for (const app of apps) {
    if (out.length >= f.limit) break;
    const running = app.attempts.length === 0 || !app.attempts[0]!.completed;
    if (!((running && includeRunning) || (!running && includeCompleted))) continue;
    const inRange = app.attempts.some((a) => {
      const startOk = a.startTime >= f.minDate && a.startTime <= f.maxDate;
      const endOk = running ? f.maxEndDate > now : a.endTime >= f.minEndDate && a.endTime <= f.maxEndDate;
      return startOk && endOk;
    });
    if (inRange) out.push(app);
  }
  return out;
}
