import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace, startLiveApp, type WorkspaceSummary } from '../../src/demo/index.js';
import { listEventLogs, readEvents } from '../../src/demo/readBack.js';
import { checkLogConsistency } from '../../src/demo/consistency.js';

let root: string;
let ws: WorkspaceSummary;

function liveEvents() {
  const dir = path.dirname(ws.running.eventLogPath);
  const entry = listEventLogs(dir).find((e) => e.name.startsWith(path.basename(ws.running.eventLogPath).split('.')[0]!))!;
  return { entry, events: readEvents(entry) };
}

async function until(pred: () => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting for the live app');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-live-'));
  ws = await generateWorkspace({ dir: root, seed: 5, apps: 3 });
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('live appender', () => {
  it('grows the running app (events and log lines) and never writes ApplicationEnd until asked', async () => {
    const before = fs.statSync(ws.running.eventLogPath).size;
    const driverBefore = fs.statSync(ws.running.driverLogPath).size;
    const jobsBefore = liveEvents().events.filter((e) => e.Event === 'SparkListenerJobStart').length;
    // 400× time: one simulated minute per 150 ms of wall clock.
    const live = startLiveApp(ws, { intervalMs: 20, timeScale: 400 });
    await until(() => live.rounds >= 3 && fs.statSync(ws.running.eventLogPath).size > before);
    await live.stop();
    const { entry, events } = liveEvents();
    expect(entry.inProgress).toBe(true);
    expect(fs.statSync(ws.running.eventLogPath).size).toBeGreaterThan(before);
    expect(fs.statSync(ws.running.driverLogPath).size).toBeGreaterThan(driverBefore);
    expect(events.filter((e) => e.Event === 'SparkListenerJobStart').length).toBeGreaterThan(jobsBefore);
    expect(events.some((e) => e.Event === 'SparkListenerApplicationEnd')).toBe(false);
    expect(checkLogConsistency(events)).toEqual([]);
  });

  it('a second session continues without reusing task/job ids; stop(true) completes the app', async () => {
    const live = startLiveApp(ws, { intervalMs: 20, timeScale: 400 });
    await until(() => live.rounds >= 2);
    await live.stop(true);
    const dir = path.dirname(ws.running.eventLogPath);
    const entry = listEventLogs(dir).find((e) => e.name === path.basename(ws.running.eventLogPath).replace('.inprogress', ''))!;
    expect(entry).toBeDefined();
    expect(entry.inProgress).toBe(false);
    const events = readEvents(entry);
    expect(events[events.length - 1]!.Event).toBe('SparkListenerApplicationEnd');
    expect(checkLogConsistency(events)).toEqual([]);
    const jobIds = events.filter((e) => e.Event === 'SparkListenerJobStart').map((e) => e['Job ID'] as number);
    expect(new Set(jobIds).size).toBe(jobIds.length);
    // Executors added while live have their own log files.
    const added = events.filter((e) => e.Event === 'SparkListenerExecutorAdded').map((e) => e['Executor ID'] as string);
    for (const id of added) expect(fs.existsSync(path.join(ws.running.appLogDir, ws.running.appId, id, 'stderr'))).toBe(true);
  });
});
