import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobList, RunComparison, RunList } from '../../src/api/console/runs.js';
import { DAILY_JOB_CHANGE, type WorkspaceSummary } from '../../src/demo/index.js';
import { startDemoWorkspaceServer, type DemoWorkspaceServer } from '../support/demoWorkspaceServer.js';
import type { ServerHandle } from '../support/serverProcess.js';

/** Jobs, runs and run comparison answered by the real server on the demo workspace. */

let demo: DemoWorkspaceServer;
let ws: WorkspaceSummary;
let server: ServerHandle;

beforeAll(async () => {
  demo = await startDemoWorkspaceServer('runs-ws-');
  ({ ws, server } = demo);
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

async function get<T>(p: string, status = 200): Promise<T> {
  const res = await fetch(`${server.url}${p}`);
  expect(res.status, p).toBe(status);
  return (status === 200 ? await res.json() : await res.text()) as T;
}

const dailyRuns = () => ws.apps.filter((a) => a.project === 'sales_dw' && a.name === 'dws_order_daily').sort((x, y) => y.startTime - x.startTime);

describe('jobs and their runs', () => {
  it("lists a project's jobs costliest first, with every run counted", async () => {
    const { jobs } = await get<JobList>('/api/console/projects/sales_dw/jobs');
    const names = new Set(ws.apps.filter((a) => a.project === 'sales_dw').map((a) => a.name));
    expect(jobs.map((j) => j.name).sort()).toEqual([...names].sort());
    for (let i = 1; i < jobs.length; i++) expect(jobs[i - 1]!.cuHours).toBeGreaterThanOrEqual(jobs[i]!.cuHours);
    const daily = jobs.find((j) => j.name === 'dws_order_daily')!;
    expect(daily.runs).toBe(dailyRuns().length);
    expect(daily.lastRun.appId).toBe(dailyRuns()[0]!.appId);
    await get('/api/console/projects/no_such_project/jobs', 404);
  });

  it('lists the runs of the job an application belongs to, newest first, with what each did', async () => {
    const runs = dailyRuns();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const list = await get<RunList>(`/api/console/apps/${runs[2]!.appId}/runs`);
    expect(list).toMatchObject({ project: 'sales_dw', name: 'dws_order_daily', total: runs.length });
    expect(list.runs.map((r) => r.appId)).toEqual(runs.map((r) => r.appId));
    for (const r of list.runs) {
      const stages = (await get<{ inputBytes: number }[]>(`/api/v1/applications/${r.appId}/stages`)).reduce((n, s) => n + s.inputBytes, 0);
      expect(r.inputBytes).toBe(stages);
      expect(r.cuHours).toBeGreaterThan(0);
      expect(r.durationMs).toBe(r.endTime! - r.startTime);
    }
    expect((await get<RunList>(`/api/console/apps/${runs[2]!.appId}/runs?limit=1`)).runs).toHaveLength(1);
    await get(`/api/console/apps/${runs[0]!.appId}/runs?limit=0`, 400);
  });
});

describe('comparing two runs', () => {
  it('compares a run with the previous one by default and shows the properties someone changed', async () => {
    const [first, second] = [...dailyRuns()].reverse();
    const c = await get<RunComparison>(`/api/console/apps/${second!.appId}/attempts/-/compare`);
    expect(c.a.appId).toBe(second!.appId);
    expect(c.b.appId).toBe(first!.appId);
    const changed = c.properties.filter((p) => !p.runSpecific);
    for (const [key, value] of Object.entries(DAILY_JOB_CHANGE)) expect(changed.find((p) => p.key === key)?.a, key).toBe(value);
    expect(changed.find((p) => p.key === 'spark.executor.memory')!.b).not.toBe('16g');
    expect(c.properties.find((p) => p.key === 'spark.app.id')).toMatchObject({ runSpecific: true });
    // Same job, same call sites: jobs, stages and SQL queries pair up, with the time each took.
    const paired = c.jobs.filter((j) => j.a !== null && j.b !== null);
    expect(paired.length).toBeGreaterThan(0);
    for (const j of paired) expect(j.deltaMs).toBe(j.a!.durationMs - j.b!.durationMs);
    for (const j of c.jobs.filter((x) => x.a === null || x.b === null)) expect(j.deltaMs).toBeNull();
    expect(c.stages.some((s) => s.a !== null && s.b !== null)).toBe(true);
    expect(c.sql.some((q) => q.a !== null && q.b !== null)).toBe(true);
  });

  it('compares with a run named in the query, and answers 404 for an unknown one or the first run', async () => {
    const runs = dailyRuns();
    const newest = runs[0]!;
    const oldest = runs[runs.length - 1]!;
    const c = await get<RunComparison>(`/api/console/apps/${newest.appId}/attempts/-/compare?with=${oldest.appId}`);
    expect(c.b.appId).toBe(oldest.appId);
    expect(await get<string>(`/api/console/apps/${oldest.appId}/attempts/-/compare`, 404)).toBe(`no earlier run of dws_order_daily in sales_dw`);
    await get(`/api/console/apps/${newest.appId}/attempts/-/compare?with=app-nope`, 404);
  });
});
