import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_TABLE_SORTS, type TaskTablePage, type TaskTableSort } from '../../src/api/console/stageTasks.js';
import type { TaskData } from '../../src/api/spark/task.js';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/*
 * The console's task table on Spark's sample logs: every sort key, both directions, against an order computed
 * here from the stage's TaskData (Spark's REST taskList) with the rules of Spark's KV-store indexes; plus the
 * search, status filter, paging and error answers.
 */

// A 1.2 log with a failed task and shuffles, and a 3.x log with executor ids 0/1 and full metrics.
const APPS = ['local-1422981780767', 'local-1642039451826', 'app-20200706201101-0003'];

type Key = number | string | null;

/** What Spark's store indexes for a metric: -1 without metrics, −(v+1) when the task did not succeed. */
function stored(t: TaskData, pick: (m: NonNullable<TaskData['taskMetrics']>) => number): number {
  if (!t.taskMetrics) return -1;
  const v = pick(t.taskMetrics);
  return t.status === 'SUCCESS' ? v : -(v + 1);
}

const sparkDate = (s: string) => Date.parse(s.replace('GMT', 'Z'));

/** The sort key of each column, computed from the public TaskData only. */
const EXPECTED_KEYS: Record<TaskTableSort, (t: TaskData) => Key[]> = {
  id: () => [],
  index: (t) => [t.index],
  attempt: (t) => [t.attempt],
  status: (t) => [t.status],
  locality: (t) => [t.taskLocality],
  executor: (t) => [t.executorId === 'driver' ? -1 : Number(t.executorId), t.executorId],
  host: (t) => [t.host],
  launchTime: (t) => [sparkDate(t.launchTime)],
  duration: (t) => [stored(t, (m) => m.executorRunTime)],
  gcTime: (t) => [stored(t, (m) => m.jvmGcTime)],
  schedulerDelay: (t) =>
    t.taskMetrics
      ? [Math.max(0, (t.duration ?? 0) - stored(t, (m) => m.executorRunTime) - stored(t, (m) => m.executorDeserializeTime) -
          stored(t, (m) => m.resultSerializationTime) - t.gettingResultTime)]
      : [-1],
  deserializationTime: (t) => [stored(t, (m) => m.executorDeserializeTime)],
  serializationTime: (t) => [stored(t, (m) => m.resultSerializationTime)],
  gettingResultTime: (t) => [t.taskMetrics ? t.gettingResultTime : -1],
  peakExecutionMemory: (t) => [stored(t, (m) => m.peakExecutionMemory)],
  input: (t) => [stored(t, (m) => m.inputMetrics.bytesRead)],
  output: (t) => [stored(t, (m) => m.outputMetrics.bytesWritten)],
  shuffleRead: (t) => [stored(t, (m) => m.shuffleReadMetrics.localBytesRead) + stored(t, (m) => m.shuffleReadMetrics.remoteBytesRead)],
  shuffleReadRecords: (t) => [stored(t, (m) => m.shuffleReadMetrics.recordsRead)],
  shuffleFetchWait: (t) => [stored(t, (m) => m.shuffleReadMetrics.fetchWaitTime)],
  shuffleRemoteReads: (t) => [stored(t, (m) => m.shuffleReadMetrics.remoteBytesRead)],
  shuffleWrite: (t) => [stored(t, (m) => m.shuffleWriteMetrics.bytesWritten)],
  shuffleWriteRecords: (t) => [stored(t, (m) => m.shuffleWriteMetrics.recordsWritten)],
  shuffleWriteTime: (t) => [stored(t, (m) => m.shuffleWriteMetrics.writeTime)],
  memorySpill: (t) => [stored(t, (m) => m.memoryBytesSpilled)],
  diskSpill: (t) => [stored(t, (m) => m.diskBytesSpilled)],
  error: (t) => [t.errorMessage ?? null],
};

function compareKeys(a: Key[], b: Key[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    // SQLite: NULL first, then numbers, then text (byte order).
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function expectedOrder(tasks: TaskData[], sort: TaskTableSort, desc: boolean): number[] {
  const sign = desc ? -1 : 1;
  return [...tasks]
    .sort((a, b) => sign * (compareKeys(EXPECTED_KEYS[sort](a), EXPECTED_KEYS[sort](b)) || a.taskId - b.taskId))
    .map((t) => t.taskId);
}

describe('console task table', () => {
  let root: string;
  let server: ServerHandle;
  const get = async (url: string) => fetch(`${server.url}${url}`);
  const page = async (appId: string, stage: string, query: string): Promise<TaskTablePage> => {
    const res = await get(`/api/console/apps/${appId}/attempts/-/stages/${stage}/tasks?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as TaskTablePage;
  };
  /** Every stage attempt of an app with its tasks in id order, from Spark's REST API. */
  const stagesOf = async (appId: string) => {
    const stages = (await (await get(`/api/v1/applications/${appId}/stages`)).json()) as { stageId: number; attemptId: number }[];
    const out: { stage: string; tasks: TaskData[] }[] = [];
    for (const s of stages) {
      const stage = `${s.stageId}/${s.attemptId}`;
      const tasks = (await (await get(`/api/v1/applications/${appId}/stages/${stage}/taskList?length=100000`)).json()) as TaskData[];
      if (tasks.length > 1) out.push({ stage, tasks });
    }
    return out;
  };

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-task-table-'));
    for (const app of APPS) fs.copyFileSync(path.join(CONFORMANCE, 'spark-events', app), path.join(root, app));
    server = await startServerProcess(['--event-logs', root]);
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each(APPS)('sorts every stage of %s on every key, both ways, as Spark indexes them', async (appId) => {
    const stages = await stagesOf(appId);
    expect(stages.length).toBeGreaterThan(0);
    // The logs hold orders other than the task id's, so a server that ignored `sort` would fail here.
    const reordering = new Set<string>();
    for (const { stage, tasks } of stages) {
      for (const sort of TASK_TABLE_SORTS) {
        for (const desc of [false, true]) {
          const got = await page(appId, stage, `sort=${sort}&desc=${desc}&length=1000`);
          expect(got.total).toBe(tasks.length);
          const expected = expectedOrder(tasks, sort, desc);
          expect(got.tasks.map((t) => t.taskId), `${appId} stage ${stage} sort=${sort} desc=${desc}`).toEqual(expected);
          if (!desc && expected.some((id, i) => id !== tasks[i]!.taskId)) reordering.add(sort);
        }
      }
    }
    expect(reordering.size).toBeGreaterThanOrEqual(4);
  });

  it('pages through a sort without gaps or repeats', async () => {
    const { stage, tasks } = (await stagesOf('local-1422981780767')).sort((a, b) => b.tasks.length - a.tasks.length)[0]!;
    const ids: number[] = [];
    for (let offset = 0; offset < tasks!.length; offset += 3) {
      const got = await page('local-1422981780767', stage!, `sort=duration&desc=true&offset=${offset}&length=3`);
      ids.push(...got.tasks.map((t) => t.taskId));
    }
    expect(ids).toEqual(expectedOrder(tasks!, 'duration', true));
  });

  it('filters by status and searches the task rows, counting what matches', async () => {
    const stages = await stagesOf('local-1422981780767');
    const withFailure = stages.find((s) => s.tasks.some((t) => t.status === 'FAILED'))!;
    expect(withFailure).toBeDefined();
    const failed = withFailure.tasks.filter((t) => t.status === 'FAILED');
    const byStatus = await page('local-1422981780767', withFailure.stage, 'status=failed');
    expect(byStatus.total).toBe(failed.length);
    expect(byStatus.tasks.map((t) => t.taskId)).toEqual(failed.map((t) => t.taskId).sort((a, b) => a - b));

    // A word of the error message finds the failed task, whatever the case.
    const word = failed[0]!.errorMessage!.split(/\W+/).find((w) => w.length > 5)!;
    const bySearch = await page('local-1422981780767', withFailure.stage, `search=${encodeURIComponent(word.toUpperCase())}`);
    expect(bySearch.tasks.map((t) => t.taskId)).toContain(failed[0]!.taskId);
    expect(bySearch.total).toBe(withFailure.tasks.filter((t) => (t.errorMessage ?? '').toLowerCase().includes(word.toLowerCase())).length);

    // The host (every task's) and a text that is nowhere.
    const host = withFailure.tasks[0]!.host;
    expect((await page('local-1422981780767', withFailure.stage, `search=${encodeURIComponent(host)}`)).total).toBe(
      withFailure.tasks.filter((t) => t.host.includes(host)).length,
    );
    const none = await page('local-1422981780767', withFailure.stage, 'search=no-such-text-anywhere');
    expect(none).toEqual({ total: 0, tasks: [] });
    // LIKE's wildcards in a search are plain characters.
    expect((await page('local-1422981780767', withFailure.stage, `search=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await page('local-1422981780767', withFailure.stage, 'search=_')).total).toBe(withFailure.tasks.filter((t) => t.taskLocality.includes('_')).length);
  });

  it('answers a bad parameter with 400 and an unknown stage with Spark\'s 404', async () => {
    const bad = await get('/api/console/apps/local-1422981780767/attempts/-/stages/0/0/tasks?sort=flimflam');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/sort/);
    const tooLong = await get('/api/console/apps/local-1422981780767/attempts/-/stages/0/0/tasks?length=100000');
    expect(tooLong.status).toBe(400);
    const unknown = await get('/api/console/apps/local-1422981780767/attempts/-/stages/999/0/tasks');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('unknown stage: 999');
  });
});
