import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/**
 * Hostile and broken logs next to a good one: the server stays up, each bad log is listed with its error or
 * its skipped-line count, and the good application is answered exactly as without them.
 */
const SAMPLE = path.join(CONFORMANCE, 'spark-events', 'local-1422981780767');
const sampleLines = fs.readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.length > 0);

let root: string;
let server: ServerHandle;

/** The sample log with its App ID replaced, so each variant is its own application. */
function variant(appId: string, lines = sampleLines): string[] {
  return lines.map((l) => l.replace('"App ID":"local-1422981780767"', `"App ID":"${appId}"`));
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-bad-'));
  fs.copyFileSync(SAMPLE, path.join(root, 'local-1422981780767'));

  // Truncated mid-line, as a crashed driver leaves it (no .inprogress suffix, no ApplicationEnd).
  const cut = variant('app-truncated').join('\n');
  fs.writeFileSync(path.join(root, 'app-truncated'), cut.slice(0, Math.floor(cut.length * 0.6)));

  // Garbage lines in the middle of a good log.
  const withGarbage = variant('app-garbage-lines');
  withGarbage.splice(10, 0, 'this is not json', '{"Event": ', '[1,2,3]', '{"no":"event key"}');
  fs.writeFileSync(path.join(root, 'app-garbage-lines'), withGarbage.join('\n') + '\n');

  // A whole file of random bytes.
  fs.writeFileSync(path.join(root, 'random-bytes'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));

  // One line far over the configured cap (2 MB here, --max-line-bytes 1 MB).
  const huge = variant('app-huge-line');
  huge.splice(5, 0, JSON.stringify({ Event: 'SparkListenerEnvironmentUpdate', 'Spark Properties': { big: 'x'.repeat(2 * 1024 * 1024) } }));
  fs.writeFileSync(path.join(root, 'app-huge-line'), huge.join('\n') + '\n');

  // Wrong JSON types: numbers as strings, an object where an array belongs, null where a string belongs.
  const wrong = variant('app-wrong-types').map((l) =>
    l
      .replace(/"Task ID":(\d+)/g, '"Task ID":"$1"')
      .replace('"Stage IDs":[0]', '"Stage IDs":{"oops":true}')
      .replace(/"Stage Name":"[^"]*"/, '"Stage Name":null'),
  );
  fs.writeFileSync(path.join(root, 'app-wrong-types'), wrong.join('\n') + '\n');

  // A file that claims lz4 by name and magic but whose first block is corrupt.
  const lz4 = Buffer.alloc(64);
  Buffer.from('LZ4Block').copy(lz4, 0);
  lz4[8] = 0x25;
  lz4.writeInt32LE(40, 9);
  lz4.writeInt32LE(1000, 13);
  lz4.writeInt32LE(12345, 17);
  fs.writeFileSync(path.join(root, 'app-bad-codec.lz4'), lz4);

  // A Spark 1.0-1.2 legacy directory.
  fs.mkdirSync(path.join(root, 'legacy-app'));
  fs.writeFileSync(path.join(root, 'legacy-app', 'EVENT_LOG_1'), sampleLines.join('\n'));
  fs.writeFileSync(path.join(root, 'legacy-app', 'SPARK_VERSION_1.2.0'), '');

  server = await startServerProcess(['--event-logs', root, '--max-line-bytes', String(1024 * 1024)]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

async function get(p: string): Promise<{ status: number; body: any }> {
  const res = await fetch(server.url + p);
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

describe('bad input', () => {
  it('keeps serving the good application exactly', async () => {
    const jobs = await get('/api/v1/applications/local-1422981780767/jobs');
    expect(jobs.status).toBe(200);
    const expected = JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'expectations', 'job_list_json_expectation.json'), 'utf8'));
    expect(jobs.body).toEqual(expected);
  });

  it('lists a truncated log as an incomplete application with the events before the cut', async () => {
    const app = await get('/api/v1/applications/app-truncated');
    expect(app.status).toBe(200);
    expect(app.body.attempts[0].completed).toBe(false);
    const stages = await get('/api/v1/applications/app-truncated/stages');
    expect(stages.status).toBe(200);
    expect(stages.body.length).toBeGreaterThan(0);
  });

  it('skips and counts malformed lines', async () => {
    const page = await get('/api/console/apps?search=app-garbage-lines');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].skippedLines).toBe(4);
    const jobs = await get('/api/v1/applications/app-garbage-lines/jobs');
    expect(jobs.body).toHaveLength(3);
  });

  it('skips an oversized line and counts it', async () => {
    const page = await get('/api/console/apps?search=app-huge-line');
    expect(page.body.items[0].skippedLines).toBe(1);
    expect((await get('/api/v1/applications/app-huge-line/jobs')).body).toHaveLength(3);
  });

  it('reads wrong JSON types leniently', async () => {
    const jobs = await get('/api/v1/applications/app-wrong-types/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.body).toHaveLength(3);
    const tasks = await get('/api/v1/applications/app-wrong-types/stages/1/0/taskList');
    expect(tasks.status).toBe(200);
    expect(tasks.body.length).toBe(8);
  });

  it('lists unreadable logs with their errors', async () => {
    const status = await get('/api/console/status');
    const byKey = new Map<string, string>(status.body.unreadableLogs.map((u: { key: string; error: string }) => [u.key, u.error]));
    expect(byKey.get('random-bytes')).toMatch(/ApplicationStart/);
    expect(byKey.get('app-bad-codec.lz4')).toMatch(/lz4/i);
    expect(byKey.get('legacy-app')).toMatch(/legacy/i);
  });

  it('never answers 500 to hostile parameters or paths', async () => {
    const paths = [
      '/api/v1/applications?limit=-1',
      '/api/v1/applications?limit=99999999999999999999',
      '/api/v1/applications/local-1422981780767/stages/1/0/taskList?offset=abc',
      '/api/v1/applications/local-1422981780767/stages/1/0/taskList?sortBy=sideways',
      '/api/v1/applications/local-1422981780767/stages/99999999999/0',
      '/api/v1/applications/..%2F..%2Fetc%2Fpasswd/jobs',
      '/api/v1/applications/%00/logs',
      '/api/console/apps?limit=100000',
      '/api/console/apps?sort=bogus',
    ];
    for (const p of paths) {
      const res = await fetch(server.url + p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    expect((await get('/api/v1/applications')).status).toBe(200);
  });
});
