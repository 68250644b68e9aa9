import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBenchLog } from '../../src/demo/index.js';
import { CONFORMANCE, type ServerHandle, startServerProcess, waitForIngest } from '../support/serverProcess.js';
import { canMountTmpfs, getJson, sampleAs, status, storeFiles, tempDir, until, waitForScans } from './helpers.js';

/**
 * Issue 9 fault test: one server lives through kill -9 in the middle of a big replay, a root that blinks, a
 * log that shrinks and an `.inprogress` log renamed on completion; afterwards it answers exactly as a clean
 * server started on the same final logs.
 */
const base = tempDir('faults');
const root = path.join(base, 'events');
const dataDir = path.join(base, 'data');
const servers: ServerHandle[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(base, { recursive: true, force: true });
});

/** Fields that say "as of now" (running apps): not comparable between two servers. */
const VOLATILE = new Set(['lastUpdated', 'lastUpdatedEpoch', 'totalDuration']);
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => !VOLATILE.has(k)).map(([k, x]) => [k, normalise(x)]));
  }
  return v;
}

/** Everything a client can ask about every application (statuses included). */
async function snapshot(url: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const ask = async (p: string) => {
    const res = await getJson(url + p);
    out[p] = { status: res.status, body: normalise(res.body) };
    return res.status === 200 ? res.body : undefined;
  };
  const apps = (await ask('/api/v1/applications')) as { id: string }[];
  for (const app of apps) {
    const a = `/api/v1/applications/${app.id}`;
    await ask(a);
    await ask(`${a}/jobs`);
    const stages = ((await ask(`${a}/stages`)) ?? []) as { stageId: number; attemptId: number }[];
    await ask(`${a}/stages?details=true&withSummaries=true`);
    for (const s of stages) {
      await ask(`${a}/stages/${s.stageId}/${s.attemptId}/taskList?length=50`);
      await ask(`${a}/stages/${s.stageId}/${s.attemptId}/taskSummary`);
    }
    for (const p of ['executors', 'allexecutors', 'environment', 'storage/rdd', 'sql']) await ask(`${a}/${p}`);
  }
  return out;
}

describe('faults', () => {
  it('answers as a clean server after kill -9, a blinking root, a shrunk and a renamed log', { timeout: 240_000 }, async () => {
    fs.mkdirSync(root, { recursive: true });
    const samples = path.join(CONFORMANCE, 'spark-events');
    for (const name of ['local-1422981780767', 'app-20161116163331-0000', 'application_1516285256255_0012']) {
      fs.copyFileSync(path.join(samples, name), path.join(root, name));
    }
    const big = await generateBenchLog({ file: path.join(root, 'big-app'), targetBytes: 48 * 1024 * 1024, tasksPerStage: 2000 });
    fs.writeFileSync(path.join(root, 'app-shrink'), sampleAs('app-shrink'));
    const liveLines = sampleAs('app-live').split('\n').filter((l) => l.length > 0);
    const liveEnd = liveLines.pop()!;
    fs.writeFileSync(path.join(root, 'app-live.inprogress'), liveLines.join('\n') + '\n');
    const args = ['--event-logs', root, '--scan-interval-ms', '100'];

    // kill -9 while the big log is being replayed.
    let server = await startServerProcess(args, { dataDir, waitForIngest: false });
    await until(async () => (await status(server.url).catch(() => ({ pendingReplays: 0 }))).pendingReplays > 0, 30_000, 'a replay running');
    server.process.kill('SIGKILL');
    await new Promise((r) => server.process.once('exit', r));
    const index = new Database(path.join(dataDir, 'index.db'));
    const state = (index.prepare("SELECT state FROM logs WHERE key = 'big-app'").get() as { state: string } | undefined)?.state;
    index.close();
    expect(state ?? 'unlisted', 'killed before the big replay landed').not.toBe('ready');

    server = await startServerProcess(args, { dataDir, waitForIngest: false });
    servers.push(server);
    await waitForIngest(server.url, 120_000);
    expect((await getJson(`${server.url}/api/v1/applications/${big.appId}/jobs`)).body).toHaveLength(big.jobs);
    const stores = storeFiles(dataDir);

    // The root blinks: nothing is replayed or deleted.
    fs.renameSync(root, `${root}.away`);
    await waitForScans(server.url, 3);
    expect(storeFiles(dataDir)).toEqual(stores);
    fs.renameSync(`${root}.away`, root);
    await waitForScans(server.url, 3);
    expect(storeFiles(dataDir)).toEqual(stores);

    // A log shrinks; the live one completes and is renamed.
    const shrink = path.join(root, 'app-shrink');
    const text = fs.readFileSync(shrink, 'utf8');
    fs.writeFileSync(shrink, text.slice(0, text.indexOf('"Event":"SparkListenerJobEnd"')));
    fs.appendFileSync(path.join(root, 'app-live.inprogress'), liveEnd + '\n');
    fs.renameSync(path.join(root, 'app-live.inprogress'), path.join(root, 'app-live'));
    await waitForScans(server.url, 3);
    await waitForIngest(server.url, 120_000);
    await until(async () => (await getJson(`${server.url}/api/v1/applications/app-live`)).body.attempts?.[0]?.completed === true);
    const after = await snapshot(server.url);

    const clean = await startServerProcess(['--event-logs', root]);
    servers.push(clean);
    const expected = await snapshot(clean.url);
    expect(Object.keys(after).sort()).toEqual(Object.keys(expected).sort());
    for (const k of Object.keys(expected)) expect(after[k], k).toEqual(expected[k]);
    expect(server.process.exitCode).toBe(null);
  });
});

describe('full disk', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const m of mounted) spawnSync('umount', ['-l', m]);
  });

  it.skipIf(!canMountTmpfs(base))('stays up on a full data disk and catches up once there is space', { timeout: 240_000 }, async () => {
    const logs = path.join(base, 'full-events');
    fs.mkdirSync(logs);
    const ids = Array.from({ length: 30 }, (_, i) => `app-full-${i}`);
    for (const id of ids) fs.writeFileSync(path.join(logs, id), sampleAs(id));
    const small = path.join(base, 'full-data');
    fs.mkdirSync(small);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small]).status).toBe(0);
    mounted.push(small);

    const server = await startServerProcess(['--event-logs', logs, '--scan-interval-ms', '100'], { dataDir: small, waitForIngest: false });
    servers.push(server);
    await waitForScans(server.url, 5, 60_000).catch(() => undefined);
    for (const id of ids.slice(0, 5)) {
      const res = await fetch(`${server.url}/api/v1/applications/${id}/jobs`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      expect(res?.status ?? 0, id).not.toBe(500);
    }
    expect(server.process.exitCode, server.output().slice(-2000)).toBe(null);

    // Space again: every application is replayed and answers as on a clean server.
    expect(spawnSync('mount', ['-o', 'remount,size=256m', small]).status).toBe(0);
    await until(async () => {
      for (const id of ids) {
        const res = await fetch(`${server.url}/api/v1/applications/${id}/jobs`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
        if (res?.status !== 200) return false;
      }
      return true;
    }, 120_000, 'every app replayed');

    // Full again, to the last byte (the index cannot be written either) while new logs arrive.
    const filler = path.join(small, 'filler');
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'count=512']);
    const more = Array.from({ length: 10 }, (_, i) => `app-more-${i}`);
    for (const id of more) fs.writeFileSync(path.join(logs, id), sampleAs(id));
    // Scans fail now (the index cannot be written), so none finishes: give them ~10 ticks.
    await new Promise((r) => setTimeout(r, 1000));
    for (const id of [...ids.slice(0, 3), ...more.slice(0, 3)]) {
      const res = await fetch(`${server.url}/api/v1/applications/${id}/jobs`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      expect(res?.status ?? 0, id).not.toBe(500);
    }
    expect(server.process.exitCode, server.output().slice(-2000)).toBe(null);
    fs.rmSync(filler);
    ids.push(...more);
    await until(async () => {
      for (const id of ids) {
        const res = await fetch(`${server.url}/api/v1/applications/${id}/jobs`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
        if (res?.status !== 200) return false;
      }
      return true;
    }, 120_000, 'every app replayed after the second fill');

    const clean = await startServerProcess(['--event-logs', logs]);
    servers.push(clean);
    for (const id of ids) {
      expect((await getJson(`${server.url}/api/v1/applications/${id}/stages/1/0/taskList`)).body, id).toEqual(
        (await getJson(`${clean.url}/api/v1/applications/${id}/stages/1/0/taskList`)).body,
      );
    }
    expect(server.process.exitCode).toBe(null);
  });
});
