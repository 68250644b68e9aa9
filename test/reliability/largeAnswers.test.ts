import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchLog } from '../../src/demo/index.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SAMPLE, SAMPLE_ID, getJson, tempDir } from './helpers.js';

/**
 * Issue 9 (11): `stages?details=true` on a large application is the largest answer the server gives (every
 * task of every stage), and one stage of many tasks with its details, or a task list of all its tasks, is
 * not small either. They are streamed a few hundred tasks at a time, so other requests are answered while
 * they are built. Built in one go (one JSON.stringify of the whole answer), each such answer held the event
 * loop for its whole build, and a few of them in a row answered almost nothing else until they were done.
 */
const root = tempDir('large-answers');
let server: ServerHandle;
let bigId: string;
let bigStages: number;
let wideId: string;
const WIDE_TASKS = 30_000;

/** Fetches `urls` at once while two clients ask small things one after the other; counts those answered meanwhile. */
async function answeredWhileLarge(urls: string[]): Promise<{ bodies: string[]; answeredMeanwhile: number }> {
  let firstLargeDone = false;
  let answeredMeanwhile = 0;
  // Bodies in the order of `urls`, whichever completes first.
  const bodies: string[] = [];
  const larges = urls.map(async (url, i) => {
    const res = await fetch(`${server.url}${url}`);
    expect(res.status).toBe(200);
    bodies[i] = await res.text();
    firstLargeDone = true;
  });
  const smalls = Array.from({ length: 2 }, async () => {
    while (!firstLargeDone) {
      const res = await fetch(`${server.url}/api/v1/version`);
      await res.text();
      if (res.ok && !firstLargeDone) answeredMeanwhile++;
    }
  });
  await Promise.all([...larges, ...smalls]);
  console.log(`large answers: ${urls.length} × ${bodies[0]!.length} bytes; ${answeredMeanwhile} small requests answered before the first was complete`);
  return { bodies, answeredMeanwhile };
}

beforeAll(async () => {
  // Many stages of a few hundred tasks: a 60 MB log whose details answer is ~27 MB in some 90 stage elements.
  const big = await generateBenchLog({ file: path.join(root, 'big-app'), targetBytes: 60 * 1024 * 1024, tasksPerStage: 300 });
  bigId = big.appId;
  bigStages = big.stages;
  // One job whose first stage has WIDE_TASKS tasks: its details answer is ~40 MB in a single stage element.
  const wide = await generateBenchLog({ file: path.join(root, 'wide-app'), targetBytes: 1, tasksPerStage: WIDE_TASKS, seed: 11 });
  wideId = wide.appId;
  fs.copyFileSync(SAMPLE, path.join(root, SAMPLE_ID));
  server = await startServerProcess(['--event-logs', root]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('large answers', () => {
  it('other requests are answered while several large answers are built', async () => {
    const { bodies, answeredMeanwhile } = await answeredWhileLarge(Array(4).fill(`/api/v1/applications/${bigId}/stages?details=true`));
    // Streamed: ~170 here. Built in one go: ~13, nearly all while the finished bodies were being sent.
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(80);

    const stages = JSON.parse(bodies[0]!) as { tasks: Record<string, unknown> }[];
    expect(stages).toHaveLength(bigStages);
    expect(stages.reduce((n, s) => n + Object.keys(s.tasks).length, 0)).toBeGreaterThan(10_000);
    for (const body of bodies) expect(body).toBe(bodies[0]);
  });

  it('other requests are answered while one stage of many tasks is sent with its details', async () => {
    const { bodies, answeredMeanwhile } = await answeredWhileLarge([
      `/api/v1/applications/${wideId}/stages/0/0?details=true`,
      `/api/v1/applications/${wideId}/stages/0?details=true`,
      `/api/v1/applications/${wideId}/stages/0/0/taskList?length=${WIDE_TASKS}`,
    ]);
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(40);

    const stage = JSON.parse(bodies[0]!) as { tasks: Record<string, { taskId: number }> };
    const stageAttempts = JSON.parse(bodies[1]!) as unknown[];
    const tasks = JSON.parse(bodies[2]!) as { taskId: number }[];
    expect(Object.keys(stage.tasks)).toHaveLength(WIDE_TASKS);
    expect(stageAttempts).toEqual([stage]);
    expect(tasks).toHaveLength(WIDE_TASKS);
    expect(tasks.map((t) => t.taskId)).toEqual(Object.values(stage.tasks).map((t) => t.taskId));
    expect(tasks).toEqual(Object.values(stage.tasks));
  });

  it('a streamed answer holds the same stages as the one-stage answers', async () => {
    const list = await getJson(`${server.url}/api/v1/applications/${SAMPLE_ID}/stages?details=true`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    for (const stage of list.body) {
      const one = await getJson(`${server.url}/api/v1/applications/${SAMPLE_ID}/stages/${stage.stageId}/${stage.attemptId}?details=true`);
      expect(one.status).toBe(200);
      expect(stage).toEqual(one.body);
    }
  });
});
