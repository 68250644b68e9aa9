import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../src/api/routes.js';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/*
 * Spark's REST layer answers every /api/v1 path with a trailing slash as without one. Every GET route of the
 * table under /api/v1, with ids of Spark's sample logs, must answer both forms with the same status and body.
 */

/** Ids that exist in Spark's samples: an attempt-less app and one with attempts (for the attempt forms). */
const IDS: Record<string, string> = { jobId: '0', stageId: '0', stageAttemptId: '0', executorId: 'driver', rddId: '0', executionId: '0' };
const fill = (p: string, appId: string, attemptId: string) =>
  p.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'appId' ? appId : name === 'attemptId' ? attemptId : (IDS[name] ?? '0')));

const sparkGets = routeTable.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1'));

describe('a trailing slash on every /api/v1 path', () => {
  let server: ServerHandle;

  beforeAll(async () => {
    server = await startServerProcess(['--event-logs', path.join(CONFORMANCE, 'spark-events')]);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('answers as the same path without it', async () => {
    const answered: string[] = [];
    const differ: string[] = [];
    for (const route of sparkGets) {
      const p = route.path.includes('{attemptId}') ? fill(route.path, 'local-1430917381535', '1') : fill(route.path, 'local-1422981780767', '');
      const [bare, slashed] = await Promise.all([fetch(`${server.url}${p}`), fetch(`${server.url}${p}/`)]);
      const [a, b] = await Promise.all([bare.arrayBuffer(), slashed.arrayBuffer()]);
      if (bare.status !== slashed.status || Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) differ.push(`${p}: ${bare.status} vs ${slashed.status}`);
      if (bare.status === 200) answered.push(p);
    }
    expect(differ).toEqual([]);
    // The comparison means something only where there is an answer: most routes have one with these ids.
    expect(answered.length).toBeGreaterThan(sparkGets.length / 2);
    expect(sparkGets.length).toBe(38);
  });

  it('keeps query parameters', async () => {
    const res = await fetch(`${server.url}/api/v1/applications/?status=completed&limit=2`);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(2);
  });
});
