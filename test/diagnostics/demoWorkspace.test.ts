import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticFinding, Diagnostics } from '../../src/api/console/diagnostics.js';
import { type WorkspaceApp, type WorkspaceSummary } from '../../src/demo/index.js';
import { startDemoWorkspaceServer, type DemoWorkspaceServer } from '../support/demoWorkspaceServer.js';
import type { ServerHandle } from '../support/serverProcess.js';

/** The demo workspace's known scenarios, diagnosed by the real server: each produces its finding. */

let demo: DemoWorkspaceServer;
let ws: WorkspaceSummary;
let server: ServerHandle;

beforeAll(async () => {
  demo = await startDemoWorkspaceServer('diag-ws-');
  ({ ws, server } = demo);
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

async function diagnostics(app: WorkspaceApp): Promise<Diagnostics> {
  const res = await fetch(`${server.url}/api/console/apps/${app.appId}/attempts/${app.attemptId ?? '-'}/diagnostics`);
  expect(res.status).toBe(200);
  return (await res.json()) as Diagnostics;
}

const appsOf = (scenario: string) => ws.apps.filter((a) => a.scenario === scenario && a.completed);

async function stageOf(app: WorkspaceApp, stageId: number, attemptId: number): Promise<Record<string, unknown>> {
  const base = `${server.url}/api/v1/applications/${app.appId}${app.attemptId ? `/${app.attemptId}` : ''}`;
  const res = await fetch(`${base}/stages/${stageId}/${attemptId}?details=false`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const stageLinks = (f: DiagnosticFinding) => f.links.filter((l) => l.kind === 'stage');

describe('diagnostics of the demo workspace', () => {
  it('finds the skewed stage of every skew app, with its slowest task', async () => {
    expect(appsOf('skew').length).toBeGreaterThan(0);
    for (const app of appsOf('skew')) {
      const skew = (await diagnostics(app)).findings.filter((f) => f.rule === 'skew');
      expect(skew, app.appId).toHaveLength(1);
      const [link] = stageLinks(skew[0]!);
      const stage = await stageOf(app, link!.stageId!, link!.attemptId!);
      expect(String(stage.name)).toBeTruthy();
      expect(skew[0]!.links.some((l) => l.kind === 'task')).toBe(true);
      const [max, median] = skew[0]!.measured.map((v) => v.value);
      expect(max!).toBeGreaterThan(10 * median!);
      expect(max!).toBeGreaterThan(5_000);
    }
  });

  it('puts the cause first for every OOM app: the OutOfMemoryError tasks of the failed stage, then the lost executors', async () => {
    expect(appsOf('oomFailure').length).toBeGreaterThan(0);
    for (const app of appsOf('oomFailure')) {
      const { findings } = await diagnostics(app);
      const oom = findings[0]!;
      expect(oom.severity, app.appId).toBe('critical');
      expect(oom.title, app.appId).toContain('failed with java.lang.OutOfMemoryError');
      expect(findings.filter((f) => f.severity === 'critical'), app.appId).toHaveLength(1);
      expect(oom.measured[0]).toMatchObject({ label: 'failed tasks', value: 4 });
      const [link] = stageLinks(oom);
      expect((await stageOf(app, link!.stageId!, link!.attemptId!)).status).toBe('FAILED');
      expect(findings.some((f) => f.rule === 'lostExecutors' && String(f.details?.[0]?.reason).includes('Exit status: 52'))).toBe(true);
    }
  });

  it('finds the fetch failure and the retried stage of every fetch-failure app', async () => {
    expect(appsOf('fetchFailure').length).toBeGreaterThan(0);
    for (const app of appsOf('fetchFailure')) {
      const { findings } = await diagnostics(app);
      const fetchFailed = findings.find((f) => f.rule === 'fetchFailures');
      expect(fetchFailed, app.appId).toBeDefined();
      const stageId = stageLinks(fetchFailed!)[0]!.stageId!;
      expect((await stageOf(app, stageId, 0)).status).toBe('FAILED');
      expect(findings.some((f) => f.rule === 'stageRetries' && f.id === `stageRetries:${stageId}`)).toBe(true);
      expect(findings.some((f) => f.rule === 'lostExecutors')).toBe(true);
    }
  });

  it('groups the UDF failure of every udfFailure app under one error, in the failed stage', async () => {
    for (const app of appsOf('udfFailure')) {
      const failed = (await diagnostics(app)).findings.filter((f) => f.rule === 'failedTasks');
      expect(failed, app.appId).toHaveLength(1);
      expect(failed[0]!.severity).toBe('critical');
      expect(failed[0]!.links.map((l) => l.kind)).toEqual(['stage', 'task', 'executor']);
    }
  });

  it('reports spill only for stages Spark says spilled', async () => {
    let spills = 0;
    for (const app of ws.apps.filter((a) => a.completed)) {
      for (const f of (await diagnostics(app)).findings.filter((x) => x.rule === 'spill')) {
        spills++;
        const [link] = stageLinks(f);
        const stage = await stageOf(app, link!.stageId!, link!.attemptId!);
        expect(Number(stage.memoryBytesSpilled) + Number(stage.diskBytesSpilled)).toBeGreaterThan(0);
      }
    }
    expect(spills).toBeGreaterThan(0);
  }, 60_000);

  it('names the join stage whose hot partition read far more shuffle data than the median as the skewed stage', async () => {
    for (const app of appsOf('skew')) {
      const skew = (await diagnostics(app)).findings.find((f) => f.rule === 'skew')!;
      const { stageId, attemptId } = stageLinks(skew)[0]!;
      const base = `${server.url}/api/v1/applications/${app.appId}${app.attemptId ? `/${app.attemptId}` : ''}`;
      const [slowest] = (await (await fetch(`${base}/stages/${stageId}/${attemptId}/taskList?sortBy=-runtime&length=1`)).json()) as {
        taskMetrics: { shuffleReadMetrics: { remoteBytesRead: number; localBytesRead: number } };
      }[];
      const read = slowest!.taskMetrics.shuffleReadMetrics.remoteBytesRead + slowest!.taskMetrics.shuffleReadMetrics.localBytesRead;
      const median = skew.measured.find((v) => v.label === 'median shuffle read')!.value;
      expect(read, app.appId).toBeGreaterThan(10 * median);
    }
  });

  it('judges executor memory from the busiest executor\'s heap peak against spark.executor.memory, where the log has peaks', async () => {
    let withPeaks = 0;
    for (const app of ws.apps.filter((a) => a.completed && a.mode === 'yarn')) {
      const base = `${server.url}/api/v1/applications/${app.appId}${app.attemptId ? `/${app.attemptId}` : ''}`;
      const executors = (await (await fetch(`${base}/allexecutors`)).json()) as { id: string; peakMemoryMetrics?: { JVMHeapMemory: number } }[];
      const peak = Math.max(0, ...executors.filter((e) => e.id !== 'driver').map((e) => e.peakMemoryMetrics?.JVMHeapMemory ?? 0));
      const env = (await (await fetch(`${base}/environment`)).json()) as { sparkProperties: [string, string][] };
      const memory = parseInt(env.sparkProperties.find(([k]) => k === 'spark.executor.memory')![1], 10) * 1024 ** 3;
      const found = (await diagnostics(app)).findings.filter((f) => f.rule === 'executorMemory');
      if (peak === 0) {
        expect(found, `${app.appId} has no heap peaks`).toEqual([]);
        continue;
      }
      withPeaks++;
      const share = peak / memory;
      const expected = share > 0.95 ? ['executorMemory:high'] : share < 0.7 ? ['executorMemory:low'] : [];
      expect(found.map((f) => f.id), `${app.appId}: peak ${peak} of ${memory}`).toEqual(expected);
      for (const f of found) expect(f.measured[0]!.value).toBe(peak);
    }
    expect(withPeaks).toBeGreaterThan(0);
  }, 60_000);

  it('finds nothing to say about healthy local runs, and 404s for an unknown app', async () => {
    const pi = ws.apps.filter((a) => a.scenario === 'pi' && a.completed);
    for (const app of pi) expect((await diagnostics(app)).findings.filter((f) => f.severity === 'critical'), app.appId).toEqual([]);
    const res = await fetch(`${server.url}/api/console/apps/app-nope/attempts/-/diagnostics`);
    expect(res.status).toBe(404);
  });
});
