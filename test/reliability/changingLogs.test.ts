import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { getJson, sampleAs, tempDir, until } from './helpers.js';

/** Issue 9 (9, 10): logs that shrink, are rewritten or renamed under a running server. */
const base = tempDir('changing');
const servers: ServerHandle[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(base, { recursive: true, force: true });
});

/** Bytes no answer may carry: control characters (uninitialised memory) and the server's own paths. */
function expectClean(text: string, what: string): void {
  // eslint-disable-next-line no-control-regex
  expect(/[\u0000-\u0008\u000e-\u001f]/.test(text), `${what}: ${JSON.stringify(text.slice(0, 200))}`).toBe(false);
  expect(text.includes(base), `${what} shows a server path: ${text.slice(0, 200)}`).toBe(false);
}

const TASKS = '/stages/1/0/taskList';

describe('changing logs', () => {
  it('never shows memory or 500 when a plain log shrinks or is rewritten, and replays it again (9)', async () => {
    const root = path.join(base, 'shrink');
    fs.mkdirSync(root);
    const shrink = path.join(root, 'app-shrink');
    const rewrite = path.join(root, 'app-rewrite');
    const braces = path.join(root, 'app-braces');
    fs.writeFileSync(shrink, sampleAs('app-shrink'));
    fs.writeFileSync(rewrite, sampleAs('app-rewrite'));
    fs.writeFileSync(braces, sampleAs('app-braces'));
    // A long scan interval: requests meet the changed files before any scan notices them.
    const server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '600000']);
    servers.push(server);
    for (const id of ['app-shrink', 'app-rewrite', 'app-braces']) expect((await getJson(`${server.url}/api/v1/applications/${id}${TASKS}`)).status).toBe(200);

    const text = fs.readFileSync(shrink, 'utf8');
    fs.writeFileSync(shrink, text.slice(0, text.indexOf('"Event":"SparkListenerTaskEnd","Stage ID":1') + 200));
    const other = sampleAs('app-rewrite').replace(/[^\n]/g, ' ');
    fs.writeFileSync(rewrite, other);
    // Same length, still one {…} per line, but no longer JSON.
    const bracesText = sampleAs('app-braces').split('\n').map((l) => (l.length < 2 ? l : `{${'x'.repeat(l.length - 2)}}`));
    fs.writeFileSync(braces, bracesText.join('\n'));

    for (const id of ['app-shrink', 'app-rewrite', 'app-braces']) {
      const seen = new Set<number>();
      await until(async () => {
        const res = await getJson(`${server.url}/api/v1/applications/${id}${TASKS}`);
        expect(res.status, `${id}: ${res.text.slice(0, 200)}`).not.toBe(500);
        expectClean(res.text, id);
        seen.add(res.status);
        // 503 while the store is rebuilt; then what the changed log holds.
        return res.status !== 503;
      }, 30_000, `${id} rebuilt`);
      expect([...seen].filter((s) => s !== 503).length).toBe(1);
    }
    const shrunk = await getJson(`${server.url}/api/v1/applications/app-shrink${TASKS}`);
    expect(shrunk.status).toBe(200);
    // Replayed from the shrunk file: stage 1 is cut after its first task ended.
    expect(shrunk.body.filter((t: { status: string }) => t.status === 'SUCCESS').length).toBeLessThan(8);
  });

  it('serves the old store while X.inprogress, renamed to X, is replayed, without server paths (10)', async () => {
    const root = path.join(base, 'rename');
    fs.mkdirSync(root);
    const lines = sampleAs('app-renamed').split('\n').filter((l) => l.length > 0);
    const end = lines.pop()!;
    expect(end).toContain('SparkListenerApplicationEnd');
    const live = path.join(root, 'app-renamed.inprogress');
    fs.writeFileSync(live, lines.join('\n') + '\n');
    const server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '50']);
    servers.push(server);
    const before = await getJson(`${server.url}/api/v1/applications/app-renamed${TASKS}`);
    expect(before.status).toBe(200);

    // The application ends: Spark writes ApplicationEnd, then renames the file.
    fs.appendFileSync(live, end + '\n');
    fs.renameSync(live, path.join(root, 'app-renamed'));
    for (let i = 0; i < 60; i++) {
      const res = await getJson(`${server.url}/api/v1/applications/app-renamed${TASKS}`);
      expectClean(res.text, `request ${i}`);
      expect(res.status, `request ${i}: ${res.text.slice(0, 200)}`).toBe(200);
      expect(res.body, `request ${i}`).toEqual(before.body);
      await new Promise((r) => setTimeout(r, 20));
    }
    await until(async () => (await getJson(`${server.url}/api/v1/applications/app-renamed`)).body.attempts?.[0]?.completed === true);
    expect((await getJson(`${server.url}/api/v1/applications/app-renamed${TASKS}`)).body).toEqual(before.body);
  });
});
