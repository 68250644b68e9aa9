import { describe, expect, it } from 'vitest';
import { parseAppListQuery, type AppListQuery } from '../../src/api/index.js';
import { isQueryError } from '../../src/api/index.js';
import { buildApplications } from '../../src/server/api/appListing.js';
import { allListItems, listApps } from '../../src/server/api/consoleAppList.js';
import type { LogRow } from '../../src/server/store/indexDb.js';

function row(key: string, over: Partial<LogRow>): LogRow {
  return {
    key,
    root: '/r',
    path: `/r/${key}`,
    layout: 'single',
    project: 'sales_dw',
    size: 10,
    mtime: 5_000,
    inProgress: false,
    state: 'ready',
    error: null,
    dbFile: null,
    parsedSize: 10,
    parsedMtime: 5_000,
    parsedFiles: 1,
    appId: key,
    attemptId: null,
    name: key,
    sparkUser: 'bob',
    startTime: 1_000,
    endTime: 2_000,
    completed: true,
    sparkVersion: '3.5.1',
    exitCode: null,
    lastUpdated: 5_000,
    lastEventTime: -1,
    failed: false,
    jobs: 1,
    stats: null,
    usage: null,
    odpsProject: null,
    ...over,
  };
}

function query(raw: Record<string, string | string[]>): AppListQuery {
  const q = parseAppListQuery(raw);
  if (isQueryError(q)) throw new Error(q.error);
  return q;
}

// A YARN application whose first attempt was killed (no end event) and whose second succeeded, plus two others.
const rows = [
  row('app_1_1', { appId: 'app_1', attemptId: '1', name: 'order_dedupe', startTime: 1_000, endTime: -1, completed: false, lastUpdated: 1_500 }),
  row('app_1_2', { appId: 'app_1', attemptId: '2', name: 'order_dedupe', startTime: 3_000, endTime: 9_000, lastUpdated: 9_100 }),
  row('app_2', { appId: 'app_2', name: 'risk_score', sparkUser: 'alice', project: 'risk_ml', startTime: 2_000, endTime: 4_000, failed: true, lastUpdated: 4_100 }),
  row('app_3', { appId: 'app_3', name: 'dashboard', startTime: 8_000, endTime: -1, completed: false, inProgress: true, lastUpdated: 9_500, sparkVersion: '2.4.5' }),
];
const all = allListItems(buildApplications(rows), [], 10_000);

describe('console application listing', () => {
  it('lists one row per attempt, newest attempt first, each with its own times, status and Last Updated', () => {
    const page = listApps(all, query({ sort: '-startTime' }), 10_000);
    expect(page.total).toBe(4);
    expect(page.items.map((i) => `${i.id}/${i.attemptId ?? '-'}:${i.status}`)).toEqual(['app_3/-:running', 'app_1/2:succeeded', 'app_2/-:failed', 'app_1/1:failed']);
    const [second, first] = page.items.filter((i) => i.id === 'app_1');
    expect(second).toMatchObject({ attemptId: '2', attempts: 2, endTime: 9_000, duration: 6_000, lastUpdated: 9_100 });
    // The killed attempt never ended: no end time, no duration, and it is not "running" any more.
    expect(first).toMatchObject({ attemptId: '1', attempts: 2, endTime: null, duration: 0, lastUpdated: 1_500 });
  });

  it('keeps the attempts of one application together, newest first, when other keys tie', () => {
    const page = listApps(all, query({ sort: 'name' }), 10_000);
    expect(page.items.map((i) => `${i.id}/${i.attemptId ?? '-'}`)).toEqual(['app_3/-', 'app_1/2', 'app_1/1', 'app_2/-']);
  });

  it.each<[string, string[]]>([
    ['-lastUpdated', ['app_3', 'app_1/2', 'app_2', 'app_1/1']],
    ['endTime', ['app_1/1', 'app_3', 'app_2', 'app_1/2']],
    ['sparkVersion', ['app_3', 'app_1/2', 'app_1/1', 'app_2']],
    ['-project', ['app_3', 'app_1/2', 'app_1/1', 'app_2']],
    ['status', ['app_1/1', 'app_2', 'app_3', 'app_1/2']],
    ['-attempts', ['app_1/2', 'app_1/1', 'app_3', 'app_2']],
  ])('sorts by %s on the server', (sort, order) => {
    const page = listApps(all, query({ sort }), 10_000);
    expect(page.items.map((i) => (i.attempts > 1 ? `${i.id}/${i.attemptId}` : i.id))).toEqual(order);
  });

  it('picks applications by their newest attempt\'s status and lists all their attempts', () => {
    const succeeded = listApps(all, query({ status: 'succeeded' }), 10_000);
    expect(succeeded.items.map((i) => `${i.id}/${i.attemptId}`)).toEqual(['app_1/2', 'app_1/1']);
    const failed = listApps(all, query({ status: 'failed' }), 10_000);
    expect(failed.items.map((i) => i.id)).toEqual(['app_2']);
  });

  it('search matches the id, the name, the Spark user and the project', () => {
    const ids = (search: string) => [...new Set(listApps(all, query({ search }), 10_000).items.map((i) => i.id))].sort();
    expect(ids('APP_2')).toEqual(['app_2']);
    expect(ids('dedupe')).toEqual(['app_1']);
    expect(ids('alice')).toEqual(['app_2']);
    expect(ids('risk_ml')).toEqual(['app_2']);
    expect(ids('nobody')).toEqual([]);
  });
});
