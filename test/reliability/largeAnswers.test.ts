import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchLog } from '../../src/demo/index.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SAMPLE, SAMPLE_ID, getJson, tempDir } from './helpers.js';

/**
 * Issue 9 (11): `stages?details=true` on a large application is the largest answer the server gives (every
 * task of every stage). It is streamed one stage at a time, so other requests are answered while it is built.
 * Built in one go (one JSON.stringify of the whole array), each such answer held the event loop for its whole
 * build, and four of them in a row answered almost nothing else until the first one was complete.
 */
const root = tempDir('large-answers');
let server: ServerHandle;
let bigId: string;
let bigStages: number;

beforeAll(async () => {
  // Many stages of a few hundred tasks: a 60 MB log whose details answer is ~27 MB in some 90 stage elements.
  const big = await generateBenchLog({ file: path.join(root, 'big-app'), targetBytes: 60 * 1024 * 1024, tasksPerStage: 300 });
  bigId = big.appId;
  bigStages = big.stages;
  fs.copyFileSync(SAMPLE, path.join(root, SAMPLE_ID));
  server = await startServerProcess(['--event-logs', root]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('large answers', () => {
  it('other requests are answered while several large answers are built', async () => {
    const LARGE = 4;
    let firstLargeDone = false;
    let answeredMeanwhile = 0;
    const bodies: string[] = [];
    const larges = Array.from({ length: LARGE }, async () => {
      const res = await fetch(`${server.url}/api/v1/applications/${bigId}/stages?details=true`);
      expect(res.status).toBe(200);
      bodies.push(await res.text());
      firstLargeDone = true;
    });
    // Two clients asking small things one after the other, counted until the first large answer is complete.
    const smalls = Array.from({ length: 2 }, async () => {
      while (!firstLargeDone) {
        const res = await fetch(`${server.url}/api/v1/version`);
        await res.text();
        if (res.ok && !firstLargeDone) answeredMeanwhile++;
      }
    });
    await Promise.all([...larges, ...smalls]);
    console.log(`large answers: ${LARGE} × ${bodies[0]!.length} bytes; ${answeredMeanwhile} small requests answered before the first was complete`);
    // Streamed: ~170 here. Built in one go: ~20-30, all answered while the finished bodies were being sent.
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(80);

    const stages = JSON.parse(bodies[0]!) as { tasks: Record<string, unknown> }[];
    expect(stages).toHaveLength(bigStages);
    expect(stages.reduce((n, s) => n + Object.keys(s.tasks).length, 0)).toBeGreaterThan(10_000);
    for (const body of bodies) expect(body).toBe(bodies[0]);
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
