import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { firstDifference, normalizeVolatile } from '../support/sparkJsonCompare.js';
import { readZipEntries } from '../support/zipReader.js';

interface Case {
  name: string;
  path: string;
  expectation: string;
}

const cases: Case[] = fs
  .readFileSync(path.join(CONFORMANCE, 'cases.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [name, p, expectation] = l.split('\t');
    return { name: name!, path: p!, expectation: expectation! };
  });

let server: ServerHandle;

beforeAll(async () => {
  server = await startServerProcess(['--event-logs', path.join(CONFORMANCE, 'spark-events')]);
});

afterAll(async () => {
  await server?.stop();
});

describe('Spark History Server golden answers (conformance/cases.tsv)', () => {
  it('has all 44 cases', () => {
    expect(cases.length).toBe(44);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const res = await fetch(`${server.url}/api/v1/${c.path}`);
      const text = await res.text();
      expect(res.status, text).toBe(200);
      const expected = normalizeVolatile(JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'expectations', c.expectation), 'utf8')));
      const actual = normalizeVolatile(JSON.parse(text));
      expect(firstDifference(actual, expected)).toBeUndefined();
    });
  }
});

describe('Spark error answers', () => {
  const errors: [string, number, string][] = [
    ['applications/foobar', 404, 'unknown app: foobar'],
    ['applications/local-1422981780767/stages/12345', 404, 'unknown stage: 12345'],
    ['applications/local-1422981780767/stages/1/1', 404, 'unknown attempt for stage 1.  Found attempts: [0]'],
    ['applications/local-1430917381534/stages/0/0/taskSummary?quantiles=foo,0.1', 400, 'Bad value for parameter "quantiles".  Expected a double, got "foo"'],
    ['applications/local-1422981780767/jobs/7', 404, 'unknown job: 7'],
    ['applications/local-1422981780767/storage/rdd/9', 404, 'no rdd found w/ id 9'],
    ['applications/foobar/jobs', 404, 'no such app: foobar'],
    ['applications/local-1426533911241/3/jobs', 404, 'no such app: local-1426533911241/3'],
    ['applications/local-1426533911241/3', 404, 'unknown app local-1426533911241, attempt 3'],
    ['applications?minDate=yesterday', 400, "Couldn't parse date: yesterday"],
  ];
  for (const [p, status, body] of errors) {
    it(`${p} → ${status}`, async () => {
      const res = await fetch(`${server.url}/api/v1/${p}`);
      expect(res.status).toBe(status);
      expect(await res.text()).toBe(body);
    });
  }

  it('a non-numeric path segment is no route (404), and a bad enum is a clear 400', async () => {
    expect((await fetch(`${server.url}/api/v1/applications/local-1422981780767/stages/flimflam`)).status).toBe(404);
    const res = await fetch(`${server.url}/api/v1/applications/local-1422981780767/jobs?status=bogus`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('"status"');
  });
});

describe('event log download', () => {
  it('zips both attempts byte for byte', async () => {
    const res = await fetch(`${server.url}/api/v1/applications/local-1430917381535/logs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=eventLogs-local-1430917381535.zip');
    const entries = readZipEntries(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()].sort()).toEqual(['local-1430917381535_1', 'local-1430917381535_2']);
    for (const [name, bytes] of entries) {
      expect(bytes.equals(fs.readFileSync(path.join(CONFORMANCE, 'spark-events', name)))).toBe(true);
    }
  });

  it('zips one attempt', async () => {
    const res = await fetch(`${server.url}/api/v1/applications/local-1430917381535/1/logs`);
    expect(res.status).toBe(200);
    const entries = readZipEntries(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(['local-1430917381535_1']);
  });

  it('404s for an unknown app', async () => {
    const res = await fetch(`${server.url}/api/v1/applications/nope/logs`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('no such app: nope');
  });
});

describe('contract', () => {
  it('serves the committed OpenAPI document at /api/docs', async () => {
    const res = await fetch(`${server.url}/api/docs`);
    expect(res.status).toBe(200);
    const committed = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'openapi.json'), 'utf8');
    expect(await res.text()).toBe(committed);
  });
});

describe('console stage views', () => {
  it('exposes stage parents and RDD graphs', async () => {
    const res = await fetch(`${server.url}/api/console/apps/app-20180109111548-0000/attempts/-/stage-graph`);
    expect(res.status).toBe(200);
    const { stages } = await res.json();
    const byId = new Map(stages.map((s: { stageId: number }) => [s.stageId, s]));
    expect((byId.get(1) as { parentIds: number[] }).parentIds).toEqual([0]);
    expect((byId.get(0) as { rdds: { id: number }[] }).rdds.length).toBeGreaterThan(0);
  });

  it('gives task timeline columns consistent with TaskData', async () => {
    const base = `${server.url}/api/console/apps/local-1430917381534/attempts/-/stages/0/0/timeline`;
    const t = await (await fetch(base)).json();
    const tasks = await (await fetch(`${server.url}/api/v1/applications/local-1430917381534/stages/0/0/taskList?length=1000`)).json();
    expect(t.count).toBe(tasks.length);
    for (const task of tasks) {
      const i = t.taskId.indexOf(task.taskId);
      expect(t.schedulerDelay[i]).toBe(task.schedulerDelay);
      expect(t.gettingResult[i]).toBe(task.gettingResultTime);
      expect(t.deserialization[i]).toBe(task.taskMetrics.executorDeserializeTime);
      expect(t.shuffleWrite[i]).toBe(Math.round(task.taskMetrics.shuffleWriteMetrics.writeTime / 1e6));
      expect(t.executors[t.executor[i]].id).toBe(task.executorId);
      expect(t.statuses[t.status[i]]).toBe(task.status);
    }
    expect((await fetch(`${server.url}/api/console/apps/local-1430917381534/attempts/-/stages/9/0/timeline`)).status).toBe(404);
  });
});
