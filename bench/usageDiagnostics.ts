import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateManyApps } from '../src/demo/index.js';
import { appDiagnostics } from '../src/server/diagnostics/appDiagnostics.js';
import { discoverLogs, type LogSource } from '../src/server/eventlog/discovery.js';
import { AppReplay } from '../src/server/ingest/appReplay.js';
import { SPARK_DEFAULT_RETENTION } from '../src/server/config.js';
import type { AppStatusFold } from '../src/server/status/appStatusFold.js';
import { computeUsage, containerLifetimes } from '../src/server/status/computeUsage.js';
import { AppStoreReader } from '../src/server/store/appStoreReader.js';

/*
 * What compute usage and diagnostics cost (issue 14), in this process: for the big log and for many small
 * logs, the replay time (usage included, as ingest computes it), the usage computation alone (its share of
 * ingest: "with vs without"), and the diagnostics of each finished store. Figures only.
 */

const MB = 1024 * 1024;
/** Usage is recomputed this many times per log so that a sub-millisecond figure is measurable. */
const USAGE_REPEATS = 20;

interface Measured {
  replayMs: number;
  usageMs: number;
  diagnosticsMs: number;
  findings: number;
  bytes: number;
}

/** The replay's fold: the bench reads the state usage is computed from (private to the replay elsewhere). */
const foldOf = (replay: AppReplay) => (replay as unknown as { fold: AppStatusFold }).fold;

async function measure(source: LogSource, dbFile: string): Promise<Measured> {
  fs.rmSync(dbFile, { force: true });
  const replay = new AppReplay(source, dbFile, SPARK_DEFAULT_RETENTION);
  let t = performance.now();
  const summary = await replay.run(source);
  const replayMs = performance.now() - t;
  const fold = foldOf(replay);
  const a = fold.attempt;
  const end = a?.completed && a.endTime > 0 ? a.endTime : fold.lastEventTime;
  t = performance.now();
  for (let i = 0; i < USAGE_REPEATS; i++) {
    let taskMs = 0;
    for (const x of fold.executors.values()) taskMs += x.totalDuration;
    computeUsage(containerLifetimes(fold.executors.values(), fold.environment?.sparkProperties ?? [], a?.startTime ?? -1, end), taskMs);
  }
  const usageMs = (performance.now() - t) / USAGE_REPEATS;
  replay.close();
  const store = new AppStoreReader(dbFile);
  t = performance.now();
  const diagnostics = appDiagnostics(store, summary.startTime, summary.completed ? summary.endTime : undefined);
  const diagnosticsMs = performance.now() - t;
  store.close();
  return { replayMs, usageMs, diagnosticsMs, findings: diagnostics.findings.length, bytes: summary.stats.bytes };
}

export async function benchUsageAndDiagnostics(work: string, bigLogDir: string | undefined, report: (name: string, value: string) => void): Promise<void> {
  if (bigLogDir !== undefined) {
    const [big] = await discoverLogs([bigLogDir]);
    if (big) {
      const m = await measure(big, path.join(work, 'usage-big.db'));
      report('big log: replay incl. usage', `${(m.replayMs / 1000).toFixed(2)} s (${(m.bytes / MB).toFixed(0)} MB)`);
      report('big log: usage computation', `${m.usageMs.toFixed(3)} ms (${((m.usageMs / m.replayMs) * 100).toFixed(4)}% of ingest)`);
      report('big log: diagnostics from the store', `${m.diagnosticsMs.toFixed(0)} ms (${m.findings} findings)`);
    }
  }

  const count = Number(process.env.BENCH_MANY_APPS ?? 10_000);
  const dir = path.join(work, 'usage-many');
  if (!fs.existsSync(dir)) await generateManyApps({ dir, count });
  const sources = (await discoverLogs([dir])).slice(0, count);
  const dbDir = path.join(work, 'usage-many-db');
  fs.mkdirSync(dbDir, { recursive: true });
  let replayMs = 0;
  let usageMs = 0;
  let diagnosticsMs = 0;
  let slowestDiagnostics = 0;
  for (const [i, source] of sources.entries()) {
    const m = await measure(source, path.join(dbDir, `${i}.db`));
    replayMs += m.replayMs;
    usageMs += m.usageMs;
    diagnosticsMs += m.diagnosticsMs;
    slowestDiagnostics = Math.max(slowestDiagnostics, m.diagnosticsMs);
    fs.rmSync(path.join(dbDir, `${i}.db`), { force: true });
  }
  const n = sources.length;
  report(`${n} apps: replay incl. usage (serial, one core)`, `${(replayMs / 1000).toFixed(1)} s`);
  report(`${n} apps: usage computation`, `${usageMs.toFixed(0)} ms in all (${((usageMs / replayMs) * 100).toFixed(3)}% of ingest: with vs without)`);
  report(`${n} apps: diagnostics`, `${(diagnosticsMs / 1000).toFixed(1)} s in all, ${(diagnosticsMs / n).toFixed(2)} ms mean, ${slowestDiagnostics.toFixed(0)} ms slowest`);
}
