import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchLog } from '../../src/demo/index.js';
import { basic, type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { canMountTmpfs, sampleAs, tempDir, until } from './helpers.js';

/**
 * Issue 9: the server's health is visible, in `/api/console/status` and as Prometheus metrics at `/metrics`:
 * replays pending, retrying and failed, skipped lines, unreadable roots, the last scan's error, open stores and
 * descriptors. Every figure is checked in both places against a server whose state makes it non-zero. Counts
 * about logs are filtered to the caller's projects; the machine's figures are for console administrators.
 */
const base = tempDir('health');
const servers: ServerHandle[] = [];
const mounted: string[] = [];

const password = (user: string) => `pw-${user}-1234`;
const as = (user: string) => ({ Authorization: basic(`${user}:${password(user)}`) });

/**
 * A console config over `dir`'s folders `alpha` (and a root `missing-root` that does not exist) and `beta`: a
 * console administrator and a developer of alpha only.
 */
function writeConfig(dir: string): string {
  const file = path.join(dir, 'console.json');
  const config = {
    projects: [
      { name: 'alpha', owner: 'root', eventLogs: [path.join(dir, 'alpha'), path.join(dir, 'missing-root')], members: [{ user: 'adev', role: 'developer' }] },
      { name: 'beta', owner: 'root', eventLogs: [path.join(dir, 'beta')], members: [] },
    ],
    users: ['root', 'adev'].map((name) => ({ name, password: password(name), admin: name === 'root' })),
  };
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/** A sample log with `junk` lines that cannot be used: malformed JSON and events Spark does not know. */
function withSkippedLines(appId: string, junk: number): string {
  const lines = sampleAs(appId).split('\n');
  const bad = Array.from({ length: junk }, (_, i) => (i % 2 === 0 ? `{"Event": broken ${i}` : `{"Event":"com.example.NoSuchEvent","n":${i}}`));
  return [lines[0], ...bad, ...lines.slice(1)].join('\n');
}

async function statusOf(server: ServerHandle, user: string): Promise<Record<string, any>> {
  const res = await fetch(`${server.url}/api/console/status`, { headers: as(user) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

/** The sum of the listing's per-application figures: the total must be the same count. */
async function listedSkippedLines(server: ServerHandle, user: string): Promise<number> {
  const page = (await (await fetch(`${server.url}/api/console/apps?limit=500`, { headers: as(user) })).json()) as { items: { skippedLines: number }[] };
  return page.items.reduce((n, i) => n + i.skippedLines, 0);
}

async function metricsOf(server: ServerHandle): Promise<Map<string, number>> {
  const res = await fetch(`${server.url}/metrics`, { headers: as('root') });
  expect(res.status).toBe(200);
  const out = new Map<string, number>();
  for (const m of (await res.text()).matchAll(/^(\w+) (-?[\d.e+]+)$/gm)) out.set(m[1]!, Number(m[2]));
  return out;
}

/** A server over a new folder of `alpha` and `beta` logs (written by `write` before it starts). */
async function start(name: string, write: (alpha: string, beta: string) => void, dataDir?: string): Promise<{ server: ServerHandle; alpha: string; beta: string }> {
  const dir = path.join(base, name);
  const [alpha, beta] = [path.join(dir, 'alpha'), path.join(dir, 'beta')];
  fs.mkdirSync(alpha, { recursive: true });
  fs.mkdirSync(beta);
  write(alpha, beta);
  const args = ['--config', writeConfig(dir), '--scan-interval-ms', '100', '--ingest-workers', '1'];
  const server = await startServerProcess(args, { auth: 'password', as: `root:${password('root')}`, dataDir });
  servers.push(server);
  return { server, alpha, beta };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const m of mounted) spawnSync('umount', ['-l', m]);
  fs.rmSync(base, { recursive: true, force: true });
});

describe('server health', () => {
  let server: ServerHandle;
  let alpha: string;
  let beta: string;
  beforeAll(async () => {
    ({ server, alpha, beta } = await start('logs', (alpha, beta) => {
      fs.writeFileSync(path.join(alpha, 'app-alpha-ok'), sampleAs('app-alpha-ok'));
      fs.writeFileSync(path.join(alpha, 'app-alpha-junk'), withSkippedLines('app-alpha-junk', 6));
      fs.writeFileSync(path.join(alpha, 'app-alpha-unreadable'), 'not an event log\n');
      fs.writeFileSync(path.join(beta, 'app-beta-junk'), withSkippedLines('app-beta-junk', 4));
    }));
    // One store opened by a request.
    expect((await fetch(`${server.url}/api/v1/applications/app-alpha-ok/jobs`, { headers: as('root') })).status).toBe(200);
  });

  it('shows skipped lines, unreadable logs and roots, stores and descriptors to an administrator', async () => {
    const st = await statusOf(server, 'root');
    const m = await metricsOf(server);
    expect(st.applications).toBe(3);
    expect(m.get('spark_console_applications')).toBe(3);
    // 6 + 4 junk lines, and the one line of the log that is not an event log.
    expect(st.skippedLines).toBe(11);
    expect(m.get('spark_console_event_lines_skipped')).toBe(11);
    expect(st.skippedLines).toBe(await listedSkippedLines(server, 'root'));
    expect(st.unreadableLogs.map((l: { key: string }) => l.key)).toEqual(['app-alpha-unreadable']);
    expect(m.get('spark_console_logs_unreadable')).toBe(1);
    expect(st.rootErrors).toEqual([{ root: 'missing-root', path: '', error: expect.stringContaining('ENOENT') }]);
    expect(m.get('spark_console_roots_unreadable')).toBe(1);
    expect(st.lastScanAt).toBeGreaterThan(0);
    expect(m.get('spark_console_last_scan_timestamp_seconds')).toBeGreaterThan(0);
    expect(st.openStores).toBeGreaterThanOrEqual(1);
    expect(m.get('spark_console_stores_open')).toBeGreaterThanOrEqual(1);
    expect(st.maxOpenStores).toBeGreaterThan(0);
    expect(m.get('spark_console_stores_open_limit')).toBe(st.maxOpenStores);
    // Descriptors: the index, the open store, sockets, stdio; nothing below the stores.
    expect(st.openDescriptors).toBeGreaterThan(st.openStores);
    expect(m.get('process_open_fds')).toBeGreaterThan(st.openStores);
    // Nothing is failing now.
    expect(st.pendingReplays).toBe(0);
    expect(m.get('spark_console_replays_pending')).toBe(0);
    expect(st.retryingReplays).toBe(0);
    expect(m.get('spark_console_replays_retrying')).toBe(0);
    expect(st.lastScanError).toBeUndefined();
    expect(m.get('spark_console_scan_failing')).toBe(0);
  });

  it('shows others the figures of their projects only, and not the machine', async () => {
    const st = await statusOf(server, 'adev');
    expect(st.applications).toBe(2);
    expect(st.skippedLines).toBe(7);
    expect(st.skippedLines).toBe(await listedSkippedLines(server, 'adev'));
    expect(st.unreadableLogs).toHaveLength(1);
    for (const machine of ['rootErrors', 'lastScanError', 'retryingReplays', 'openStores', 'maxOpenStores', 'openDescriptors']) expect(st, machine).not.toHaveProperty(machine);
    expect((await fetch(`${server.url}/metrics`, { headers: as('adev') })).status).toBe(403);
  });

  it('counts a replay in progress as pending', async () => {
    // A log large enough that its replay is seen running by the status answer and the metrics alike.
    await generateBenchLog({ file: path.join(beta, 'app-beta-big'), targetBytes: 48 * 1024 * 1024, tasksPerStage: 2000 });
    await until(async () => (await statusOf(server, 'root')).pendingReplays > 0 && (await metricsOf(server)).get('spark_console_replays_pending')! > 0, 60_000, 'a pending replay');
    // Beta's replay is not alpha's: its developer has nothing pending.
    expect((await statusOf(server, 'adev')).pendingReplays).toBe(0);
  });

  it('counts replays that fail because of the machine as retrying', async () => {
    await until(async () => (await statusOf(server, 'root')).pendingReplays === 0, 60_000, 'the big replay done');
    // No store can be created (as with a broken data dir): the new log's replay is retried with backoff.
    const apps = path.join(server.dataDir, 'apps');
    fs.renameSync(apps, `${apps}.kept`);
    fs.writeFileSync(apps, 'not a directory');
    try {
      fs.writeFileSync(path.join(alpha, 'app-alpha-later'), sampleAs('app-alpha-later'));
      await until(async () => (await statusOf(server, 'root')).retryingReplays > 0 && (await metricsOf(server)).get('spark_console_replays_retrying')! > 0, 30_000, 'a retrying replay');
    } finally {
      fs.rmSync(apps);
      fs.renameSync(`${apps}.kept`, apps);
    }
    await until(async () => (await statusOf(server, 'root')).retryingReplays === 0, 60_000, 'the retried replay done');
  });
});

describe('server health on a full data disk', () => {
  it.skipIf(!canMountTmpfs(base))('shows the last scan error', async () => {
    const dataDir = path.join(base, 'small-data');
    fs.mkdirSync(dataDir);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dataDir]).status).toBe(0);
    mounted.push(dataDir);
    const { server, alpha } = await start('full', (alpha) => fs.writeFileSync(path.join(alpha, 'app-alpha-ok'), sampleAs('app-alpha-ok')), dataDir);
    // The disk fills up: the next scan cannot record the new logs it finds.
    fs.writeFileSync(path.join(dataDir, 'filler'), Buffer.alloc(0));
    const fill = fs.openSync(path.join(dataDir, 'filler'), 'w');
    try {
      const block = Buffer.alloc(64 * 1024, 1);
      for (;;) fs.writeSync(fill, block);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fill);
    }
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(alpha, `app-alpha-full-${i}-${'x'.repeat(100)}`), sampleAs(`app-alpha-full-${i}`));
    await until(async () => (await statusOf(server, 'root')).lastScanError !== undefined && (await metricsOf(server)).get('spark_console_scan_failing') === 1, 30_000, 'a failing scan');
    expect((await statusOf(server, 'root')).lastScanError).not.toContain(dataDir);
    expect(await statusOf(server, 'adev')).not.toHaveProperty('lastScanError');
    // Space again: the scan records them.
    fs.rmSync(path.join(dataDir, 'filler'));
    await until(async () => (await statusOf(server, 'root')).lastScanError === undefined && (await metricsOf(server)).get('spark_console_scan_failing') === 0, 30_000, 'a scan that succeeds');
  });
});
