import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { getJson, sampleAs, tempDir, until, waitForScans } from './helpers.js';

/** Issue 9 (4, 8) and the data dir: the disk and the stores fail, the server recovers by itself. */
const base = tempDir('stores');
const servers: ServerHandle[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(base, { recursive: true, force: true });
});

/** A request that may wait on a replay: bounded, so a wedged server fails the test instead of hanging it. */
async function tryGet(url: string): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return { status: res.status, text: await res.text() };
  } catch {
    return { status: 0, text: 'timeout' };
  }
}

const ROUTES = ['/jobs', '/stages', '/stages/1/0/taskList', '/executors', '/environment'];

async function answers(url: string, appId: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const r of ROUTES) out[r] = (await getJson(`${url}/api/v1/applications/${appId}${r}`)).body;
  return out;
}

/** Polls an app's routes until all answer 200; no answer on the way may be a 500. */
async function recovered(url: string, appId: string): Promise<void> {
  await until(async () => {
    for (const r of ROUTES) {
      const res = await tryGet(`${url}/api/v1/applications/${appId}${r}`);
      expect(res.status, `${appId}${r}: ${res.text.slice(0, 200)}`).not.toBe(500);
      if (res.status !== 200) return false;
    }
    return true;
  }, 30_000, `${appId} answering`);
}

function storeOf(dataDir: string, appId: string): string {
  const index = new Database(path.join(dataDir, 'index.db'), { readonly: true });
  try {
    return (index.prepare('SELECT db_file FROM logs WHERE app_id = ?').get(appId) as { db_file: string }).db_file;
  } finally {
    index.close();
  }
}

describe('store failures', () => {
  it('rebuilds a deleted or damaged store after a restart, and one damaged while running (8)', async () => {
    const root = path.join(base, 'damaged');
    fs.mkdirSync(root);
    for (const id of ['app-deleted', 'app-garbage', 'app-empty', 'app-live-damage']) fs.writeFileSync(path.join(root, id), sampleAs(id));
    const dataDir = path.join(base, 'damaged-data');
    const args = ['--event-logs', root, '--scan-interval-ms', '100'];
    let server = await startServerProcess(args, { dataDir });
    const expected = await answers(server.url, 'app-deleted');
    await server.stop();

    fs.rmSync(storeOf(dataDir, 'app-deleted'));
    const garbage = storeOf(dataDir, 'app-garbage');
    const fd = fs.openSync(garbage, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
    fs.closeSync(fd);
    fs.truncateSync(storeOf(dataDir, 'app-empty'), 0);

    server = await startServerProcess(args, { dataDir });
    servers.push(server);
    for (const id of ['app-deleted', 'app-garbage', 'app-empty']) {
      await recovered(server.url, id);
      expect(await answers(server.url, id), id).toEqual(JSON.parse(JSON.stringify(expected).split('app-deleted').join(id)));
    }

    // Damaged under a running server: answered with "retry" at worst, then rebuilt.
    await recovered(server.url, 'app-live-damage');
    const live = storeOf(dataDir, 'app-live-damage');
    fs.writeFileSync(live, Buffer.alloc(65536, 0x5a));
    for (const f of [`${live}-wal`, `${live}-shm`]) fs.rmSync(f, { force: true });
    await recovered(server.url, 'app-live-damage');
  });

  it('keeps replaying other logs when a store cannot be created, and retries once the disk is back (4)', async () => {
    const root = path.join(base, 'full');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'app-before'), sampleAs('app-before'));
    const server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '100']);
    servers.push(server);
    const apps = path.join(server.dataDir, 'apps');
    const kept = path.join(server.dataDir, 'apps.kept');

    // No store can be created now (as with a full disk or a broken data dir).
    fs.renameSync(apps, kept);
    fs.writeFileSync(apps, 'not a directory');
    fs.writeFileSync(path.join(root, 'app-during'), sampleAs('app-during'));
    await waitForScans(server.url, 3);
    const during = await tryGet(`${server.url}/api/v1/applications/app-during/jobs`);
    expect(during.status).not.toBe(500);
    expect(during.status).not.toBe(0);

    // The disk is back: the waiting log and a new one are replayed, the worker queue moves.
    fs.rmSync(apps);
    fs.renameSync(kept, apps);
    fs.writeFileSync(path.join(root, 'app-after'), sampleAs('app-after'));
    await recovered(server.url, 'app-after');
    await recovered(server.url, 'app-during');
    await recovered(server.url, 'app-before');
  });

  it('names the data dir when it cannot be used', async () => {
    const dataDir = path.join(base, 'unusable-data');
    fs.mkdirSync(path.join(dataDir, 'index.db'), { recursive: true });
    const root = path.join(base, 'empty');
    fs.mkdirSync(root);
    const err = await startServerProcess(['--event-logs', root], { dataDir }).then(
      (s) => {
        servers.push(s);
        return '';
      },
      (e: Error) => e.message,
    );
    expect(err).toContain(dataDir);
    expect(err).not.toMatch(/^server exited with 0/);
  });
});
