import type { AppListItem, AppListPage, AppListStatus } from '../../api/console/appListItem.js';
import type { AppListQuery } from '../../api/console/appListQuery.js';
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

function statusOf(row: LogRow, endedAt: number | undefined): AppListStatus {
  if (endedAt !== undefined) return 'unknown';
  if (!row.completed) return 'running';
  return row.failed ? 'failed' : 'succeeded';
}

/** The console's listing row for one application (its newest attempt decides status and times). */
export function appListItem(app: AppEntry, now: number): AppListItem {
  const newest = app.attempts[0]!;
  const endedAt = endedWithoutEndEvent(newest);
  const status = statusOf(newest, endedAt);
  const endTime = status === 'running' ? null : (endedAt ?? newest.endTime);
  const stats = newest.stats;
  const item: AppListItem = {
    id: app.id,
    name: app.name,
    sparkUser: newest.sparkUser ?? '',
    sparkVersion: newest.sparkVersion ?? '',
    status,
    startTime: newest.startTime,
    endTime,
    duration: endTime === null ? Math.max(0, now - newest.startTime) : endTime - newest.startTime,
    attempts: app.attempts.length,
    project: newest.project ?? '',
    logPath: newest.key,
    skippedLines: stats ? stats.malformedLines + stats.oversizedLines + stats.unknownEvents : 0,
  };
  if (newest.attemptId !== null) item.attemptId = newest.attemptId;
  if (newest.error) item.error = newest.error;
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
    attempts: 0,
    project: row.project ?? '',
    logPath: row.key,
    skippedLines: row.stats?.malformedLines ?? 0,
    error: row.error ?? 'no SparkListenerApplicationStart with an App ID',
  };
}

const compareBy = (key: string, desc: boolean) => (a: AppListItem, b: AppListItem) => {
  const av = (a as Record<string, unknown>)[key];
  const bv = (b as Record<string, unknown>)[key];
  let c: number;
  if (typeof av === 'number' && typeof bv === 'number') c = av - bv;
  else c = String(av ?? '').localeCompare(String(bv ?? ''));
  if (c === 0) c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return desc ? -c : c;
};

/** Every listing row, built once per catalog rebuild (thousands of apps) instead of once per request. */
export function allListItems(apps: AppEntry[], unreadable: LogRow[], now = Date.now()): AppListItem[] {
  return [...apps.map((a) => appListItem(a, now)), ...unreadable.map(unreadableItem)];
}

/** Filter, sort and page the listing on the server; `total` counts matches before paging. */
export function listApps(all: AppListItem[], q: AppListQuery, now = Date.now()): AppListPage {
  const search = q.search?.toLowerCase();
  const items: AppListItem[] = [];
  for (const item of all) {
    if (q.status.length > 0 && !q.status.includes(item.status)) continue;
    if (q.user.length > 0 && !q.user.includes(item.sparkUser)) continue;
    if (q.version.length > 0 && !q.version.includes(item.sparkVersion)) continue;
    if (q.project.length > 0 && !q.project.includes(item.project)) continue;
    if (q.startFrom !== undefined && item.startTime < q.startFrom) continue;
    if (q.startTo !== undefined && item.startTime > q.startTo) continue;
    if (search && !item.id.toLowerCase().includes(search) && !item.name.toLowerCase().includes(search)) continue;
    // A running application's duration grows with the clock, not with the cached row.
    items.push(item.status === 'running' && item.error === undefined ? { ...item, duration: Math.max(0, now - item.startTime) } : item);
  }
  const desc = q.sort.startsWith('-');
  items.sort(compareBy(desc ? q.sort.slice(1) : q.sort, desc));
  return { total: items.length, items: items.slice(q.offset, q.offset + q.limit) };
}
