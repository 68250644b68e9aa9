import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/*
 * A path whose percent-encoding is not valid UTF-8 never reaches a route. Fastify answered it with its own
 * JSON error object; every other error of ours (and Spark's) is plain text.
 */
describe('a path that is not valid percent-encoding', () => {
  let server: ServerHandle;

  beforeAll(async () => {
    server = await startServerProcess(['--event-logs', path.join(CONFORMANCE, 'spark-events')]);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('is a plain-text 400 with the usual safety headers', async () => {
    for (const p of ['/api/v1/applications/%E0%A4%A', '/api/console/apps/%C0', '/%FF']) {
      const res = await fetch(`${server.url}${p}`);
      expect([res.status, res.headers.get('content-type')], p).toEqual([400, 'text/plain']);
      expect(await res.text()).toMatch(/^Bad Request: '.*' is not a valid url component$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // The server still answers afterwards.
    expect((await fetch(`${server.url}/api/v1/version`)).status).toBe(200);
  });
});
