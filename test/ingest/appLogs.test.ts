import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

/** Historical driver/executor logs served from an app-log root laid out as Spark's standalone worker writes it. */
const APP = 'app-20161115172038-0000';
let root: string;
let server: ServerHandle;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-applogs-'));
  const events = path.join(root, 'event-logs', 'proj_a');
  const logs = path.join(root, 'app-logs', 'proj_a');
  fs.mkdirSync(events, { recursive: true });
  fs.copyFileSync(path.join(SPARK_EVENTS_DIR, APP), path.join(events, APP));
  for (const exec of ['0', '1', '10']) {
    fs.mkdirSync(path.join(logs, APP, exec), { recursive: true });
    fs.writeFileSync(path.join(logs, APP, exec, 'stdout'), `stdout of ${exec}\n`);
    fs.writeFileSync(path.join(logs, APP, exec, 'stderr'), Array.from({ length: 2000 }, (_, i) => `16/11/15 23:20:${String(i % 60).padStart(2, '0')} INFO Executor: line ${i}`).join('\n') + '\n');
  }
  fs.writeFileSync(path.join(logs, `${APP}_driver.log`), 'driver says hello\n');
  // A secret outside the root and a symlink pointing at it: must never be served.
  fs.writeFileSync(path.join(root, 'secret.txt'), 'top secret');
  fs.mkdirSync(path.join(logs, APP, '7'));
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(logs, APP, '7', 'stdout'));
  server = await startServerProcess(['--event-logs', path.join(root, 'event-logs'), '--app-logs', path.join(root, 'app-logs')]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (p: string) => fetch(server.url + p);

describe('historical logs', () => {
  it('lists the driver log and every executor stdout/stderr, but not a link out of the root', async () => {
    const body = await (await get(`/api/console/apps/${APP}/logs`)).json();
    const names = body.files.map((f: { executorId: string; logType: string }) => `${f.executorId}/${f.logType}`);
    expect(names).toEqual(['driver/driver.log', '0/stdout', '0/stderr', '1/stdout', '1/stderr', '10/stdout', '10/stderr']);
  });

  it('returns the tail by default and any byte range on request', async () => {
    const tail = await (await get(`/api/console/apps/${APP}/logs/1/stderr?length=100`)).json();
    expect(tail.end).toBe(tail.size);
    expect(tail.end - tail.start).toBe(100);
    expect(tail.text.trimEnd().endsWith('line 1999')).toBe(true);
    const head = await (await get(`/api/console/apps/${APP}/logs/1/stderr?offset=0&length=40`)).json();
    expect(head.start).toBe(0);
    expect(head.text).toBe('16/11/15 23:20:00 INFO Executor: line 0\n');
    const driver = await (await get(`/api/console/apps/${APP}/logs/driver/driver.log`)).json();
    expect(driver.text).toBe('driver says hello\n');
  });

  it('downloads a whole log', async () => {
    const res = await get(`/api/console/apps/${APP}/logs/0/stdout/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${APP}-0-stdout`);
    expect(await res.text()).toBe('stdout of 0\n');
  });

  it('serves byte ranges of a download (206, Content-Range) and refuses impossible ones (416), ignores what is not one byte range', async () => {
    const url = `/api/console/apps/${APP}/logs/0/stdout/download`;
    const part = await fetch(server.url + url, { headers: { Range: 'bytes=0-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 0-5/12');
    expect(await part.text()).toBe('stdout');
    const suffix = await fetch(server.url + url, { headers: { Range: 'bytes=-5' } });
    expect([suffix.status, await suffix.text()]).toEqual([206, 'of 0\n']);
    const beyond = await fetch(server.url + url, { headers: { Range: 'bytes=100-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */12');
    expect((await fetch(server.url + url, { headers: { Range: 'bytes=-0' } })).status).toBe(416);
    // What is not one byte range is ignored (RFC 9110 lets a server ignore any Range): the whole file.
    for (const ignored of ['bytes=0-1,3-4', 'items=0-5', 'bytes=5-2', 'bytes=abc']) {
      const whole = await fetch(server.url + url, { headers: { Range: ignored } });
      expect([ignored, whole.status, whole.headers.get('content-range'), await whole.text()]).toEqual([ignored, 200, null, 'stdout of 0\n']);
    }
  });

  it('sends a growing log as long as it was at the request', async () => {
    const file = path.join(root, 'app-logs', 'proj_a', APP, '10', 'stdout');
    const before = fs.readFileSync(file);
    const res = await get(`/api/console/apps/${APP}/logs/10/stdout/download`);
    fs.appendFileSync(file, 'x'.repeat(1 << 20));
    expect(Number(res.headers.get('content-length'))).toBe(before.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(before)).toBe(true);
  });

  it('answers HEAD on the change feed with its headers instead of an endless stream', async () => {
    const res = await fetch(`${server.url}/api/console/apps/${APP}/changes`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  });

  it('refuses hostile paths and unknown logs with 4xx, never file contents', async () => {
    const attempts = [
      `/api/console/apps/${APP}/logs/7/stdout`,
      `/api/console/apps/${APP}/logs/..%2F..%2F..%2Fsecret.txt/stdout`,
      `/api/console/apps/${APP}/logs/0/..%2F..%2Fsecret.txt`,
      `/api/console/apps/${APP}/logs/0/passwd`,
      `/api/console/apps/..%2Fsecret/logs`,
      `/api/console/apps/${APP}/logs/0/stdout?length=99999999`,
    ];
    for (const p of attempts) {
      const res = await get(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
      expect(await res.text(), p).not.toContain('top secret');
    }
  });
});

describe('log chunks and multi-byte text', () => {
  it('never splits a UTF-8 character between two chunks', async () => {
    const file = path.join(root, 'app-logs', 'proj_a', APP, '10', 'stdout');
    fs.writeFileSync(file, '€'.repeat(100)); // 3 bytes each
    const a = await (await get(`/api/console/apps/${APP}/logs/10/stdout?offset=0&length=10`)).json();
    const b = await (await get(`/api/console/apps/${APP}/logs/10/stdout?offset=${a.end}&length=10`)).json();
    expect(a.text).toBe('€€€');
    expect(a.end).toBe(9);
    expect(b.text).toBe('€€€');
    const mid = await (await get(`/api/console/apps/${APP}/logs/10/stdout?offset=1&length=10`)).json();
    expect(mid.start).toBe(3);
    expect(mid.text).not.toContain('\uFFFD');
  });
});
