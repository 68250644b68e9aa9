import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../src/api/routes.js';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/*
 * Found by the API fuzz (schemathesis' unsupported-method probes): a path of the contract asked with a method
 * it does not declare answered 404, as if the path did not exist. Spark's REST layer (Jersey) answers 405
 * with `Allow`; so must we, on every path of the table, while a path that is no route stays 404.
 */
describe('a method the path does not declare', () => {
  let server: ServerHandle;

  beforeAll(async () => {
    server = await startServerProcess(['--event-logs', path.join(CONFORMANCE, 'spark-events')]);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('answers 405 with the methods the path allows, on every path of the contract', async () => {
    const byPath = new Map<string, Set<string>>();
    for (const r of routeTable) byPath.set(r.path, (byPath.get(r.path) ?? new Set()).add(r.method));
    const wrong: string[] = [];
    for (const [template, methods] of byPath) {
      const url = `${server.url}${template.replace(/\{(\w+)\}/g, '1')}`;
      const method = ['PATCH', 'PUT', 'POST'].find((m) => !methods.has(m))!;
      const res = await fetch(url, { method });
      const allow = res.headers.get('allow')?.split(', ') ?? [];
      const expected = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].sort();
      if (res.status !== 405 || allow.sort().join() !== expected.join()) wrong.push(`${method} ${template}: ${res.status} allow=${allow.join()}`);
    }
    expect(wrong).toEqual([]);
    expect(byPath.size).toBeGreaterThan(60);
  });

  it('keeps 404 for what is no route: a non-numeric id where Spark routes digits, an unknown path', async () => {
    const jobsOfX = await fetch(`${server.url}/api/v1/applications/local-1422981780767/jobs/x`, { method: 'POST' });
    expect([jobsOfX.status, jobsOfX.headers.get('allow')]).toEqual([404, null]);
    expect((await fetch(`${server.url}/api/v1/nothing`, { method: 'POST' })).status).toBe(404);
    // The declared method still answers, with or without a trailing slash.
    expect((await fetch(`${server.url}/api/v1/version/`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/version/`, { method: 'DELETE' })).status).toBe(405);
    // Before any body is read: a QUERY without Content-Type is refused for its method, not its missing header.
    expect((await fetch(`${server.url}/api/v1/version`, { method: 'QUERY' })).status).toBe(405);
  });
});
