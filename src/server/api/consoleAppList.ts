import type { AppListItem, AppListPage, AppListStatus } from '../../api/console/appListItem.js';
import type { AppListQuery } from '../../api/console/appListQuery.js';
import { skippedLinesOf } from '../ingest/skippedLines.js';
import type { LogRow } from '../store/indexDb.js';
import type { AppEntry } from './appListing.js';

/**
 * Where an attempt without an end event stopped, when its log is final: the last time its events carry,
 * or the file's time while it is not replayed yet (or carries no time at all).
 */
function endedWithoutEndEvent(row: LogRow): number | undefined {
  if (row.completed || row.inProgress) return undefined;
  const end = row.state === 'ready' && row.lastEventTime > 0 ? row.lastEventTime : Math.round(row.mtime);
  return Math.max(end, row.startTime);
}

/**
 * The console's listing rows of one application: one per attempt, newest first, as Spark's history page lists
 * them. A superseded attempt that never wrote its end event (a YARN attempt killed and retried) is `failed`:
 * it will not finish any more. The newest attempt without an end event is `running` while its log may grow,
 * and `unknown` once its log is final. `attempts` is the application's attempt count on every row.
 */
export function appListItems(app: AppEntry, now: number): AppListItem[] {
  return app.attempts.map((attempt, i) => attemptListItem(app, attempt, i === 0, now));
}

function attemptStatus(attempt: LogRow, newest: boolean, endedAt: number | undefined): AppListStatus {
  if (attempt.completed) return attempt.failed ? 'failed' : 'succeeded';
  if (!newest) return 'failed';
  return endedAt === undefined ? 'running' : 'unknown';
}

function attemptListItem(app: AppEntry, attempt: LogRow, newest: boolean, now: number): AppListItem {
  const endedAt = newest ? endedWithoutEndEvent(attempt) : undefined;
  const status = attemptStatus(attempt, newest, endedAt);
  const endTime = attempt.completed ? attempt.endTime : (endedAt ?? null);
  const item: AppListItem = {
    id: app.id,
    name: app.name,
    sparkUser: attempt.sparkUser ?? '',
    sparkVersion: attempt.sparkVersion ?? '',
    status,
    startTime: attempt.startTime,
    endTime,
    duration: status === 'running' ? Math.max(0, now - attempt.startTime) : endTime !== null ? endTime - attempt.startTime : 0,
    lastUpdated: Math.round(attempt.lastUpdated),
    attempts: app.attempts.length,
    project: attempt.project ?? '',
    logPath: attempt.key,
    skippedLines: skippedLinesOf(attempt.stats),
  };
  if (attempt.attemptId !== null) item.attemptId = attempt.attemptId;
  if (attempt.error) item.error = attempt.error;
  return item;
}

/** A log that could not be replayed still gets a row, so nothing silently disappears from the list. */
export function unreadableItem(row: LogRow): AppListItem {
  return {
    id: row.appId ?? row.key,
    name: row.name ?? row.key.split('/').pop() ?? row.key,
    sparkUser: row.sparkUser ?? '',
    sparkVersion: row.sparkVersion ?? '',
    status: 'failed',
    startTime: row.startTime > 0 ? row.startTime : Math.round(row.mtime),
    endTime: null,
    duration: 0,
    lastUpdated: Math.round(row.mtime),
    attempts: 0,
    project: row.project ?? '',
    logPath: row.key,
    skippedLines: skippedLinesOf(row.stats),
    error: row.error ?? 'no SparkListenerApplicationStart with an App ID',
  };
}

const compareBy = (key: string, desc: boolean) => (a: AppListItem, b: AppListItem) => {
  const av = (a as Record<string, unknown>)[key];
  const bv = (b as Record<string, unknown>)[key];
  let c: number;
  // No end time yet (running, or an attempt that never ended) sorts below every time, as in Spark's index.
  if (av === null && bv === null) c = 0;
  else if (av === null || bv === null) c = av === null ? -1 : 1;
  else if (typeof av === 'number' && typeof bv === 'number') c = av - bv;
  else c = String(av ?? '').localeCompare(String(bv ?? ''));
  if (c === 0) c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  // Attempts of one application stay together, newest first, whichever way the list is sorted.
  if (c === 0) return (b.attemptId ?? '').localeCompare(a.attemptId ?? '', 'en', { numeric: true });
  return desc ? -c : c;
};

/** Every listing row (each application's attempts newest first, then unreadable logs), built once per catalog rebuild (thousands of apps) instead of once per request. */
export function allListItems(apps: AppEntry[], unreadable: LogRow[], now = Date.now()): AppListItem[] {
  return [...apps.flatMap((a) => appListItems(a, now)), ...unreadable.map(unreadableItem)];
}

/** The free-text search: a substring of the id, name, Spark user or project (lower-cased `search`). */
function matchesSearch(item: AppListItem, search: string): boolean {
  return [item.id, item.name, item.sparkUser, item.project].some((text) => text.toLowerCase().includes(search));
}

/** Filter, sort and page the listing on the server; `total` counts matches before paging. */
export function listApps(all: AppListItem[], q: AppListQuery, now = Date.now()): AppListPage {
  const search = q.search?.toLowerCase();
  // As Spark's completed/incomplete views: the newest attempt's status picks an application, with all its rows.
  const appStatus = new Map<string, AppListItem['status']>();
  if (q.status.length > 0) for (const item of all) if (!appStatus.has(item.id)) appStatus.set(item.id, item.status);
  const items: AppListItem[] = [];
  for (const item of all) {
    if (q.status.length > 0 && !q.status.includes(appStatus.get(item.id)!)) continue;
    if (q.user.length > 0 && !q.user.includes(item.sparkUser)) continue;
    if (q.version.length > 0 && !q.version.includes(item.sparkVersion)) continue;
    if (q.project.length > 0 && !q.project.includes(item.project)) continue;
    if (q.startFrom !== undefined && item.startTime < q.startFrom) continue;
    if (q.startTo !== undefined && item.startTime > q.startTo) continue;
    if (search && !matchesSearch(item, search)) continue;
    // A running application's duration grows with the clock, not with the cached row.
    items.push(item.status === 'running' && item.error === undefined ? { ...item, duration: Math.max(0, now - item.startTime) } : item);
  }
  const desc = q.sort.startsWith('-');
  items.sort(compareBy(desc ? q.sort.slice(1) : q.sort, desc));
  return { total: items.length, items: items.slice(q.offset, q.offset + q.limit) };
}
