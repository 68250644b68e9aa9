import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

describe('security headers', () => {
  let server: ServerHandle;
  beforeAll(async () => {
    server = await startServerProcess(['--event-logs', path.join(CONFORMANCE, 'spark-events')]);
  });
  afterAll(async () => server?.stop());

  it('every answer (the page, the API, an error) forbids framing by other sites and foreign scripts', async () => {
    for (const url of ['/', '/apps', '/api/v1/version', '/api/v1/applications/no-such-app/jobs', '/theme-boot.js']) {
      const res = await fetch(server.url + url);
      await res.arrayBuffer();
      expect(res.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy, url).toContain("script-src 'self';");
      expect(policy, url).toContain("frame-ancestors 'self'");
      expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
    }
  });

  it('the page has no inline script the policy would refuse', async () => {
    const html = await (await fetch(server.url + '/')).text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
    expect(inline).toEqual([]);
    expect(html).toContain('<script src="/theme-boot.js"></script>');
  });
});
