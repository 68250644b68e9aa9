import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SPARK_DEFAULT_RETENTION } from '../src/server/config.js';
import { discoverLogs } from '../src/server/eventlog/discovery.js';
import { AppReplay } from '../src/server/ingest/appReplay.js';
import { growLogFromSample } from './growLog.js';
import { writeWideStageLog } from './wideStageLog.js';
import { startBenchServer, type BenchServer } from './benchServer.js';
import { generateManyApps } from '../src/demo/index.js';
import { benchAuthOverhead } from './authOverhead.js';
import { benchLoadUnderReplay } from './loadUnderReplay.js';
import { benchUsageAndDiagnostics } from './usageDiagnostics.js';
import { benchTaskTableSorts } from './taskTableSorts.js';
import { benchJsonParseBaseline } from './jsonParseBaseline.js';
import { benchSparkSideBySide } from './sparkSideBySide.js';
import { benchLogs } from './logsBench.js';

/**
 * `npm run bench`: grows a ≥200 MB real-shaped log from one of Spark's sample logs and a log with a
 * 200 000-task stage, then prints the figures the budgets are about. Figures only; nothing here asserts time.
 */
// dist/bench → repository root → ../shared (SPARK_CONSOLE_SHARED overrides), as the tests resolve it.
const SHARED = path.join(process.env.SPARK_CONSOLE_SHARED ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared'), 'conformance', 'spark-events');
const SAMPLE = path.join(SHARED, 'app-20200706201101-0003');
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const work = process.env.BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-bench-'));
  const targetMb = Number(process.env.BENCH_LOG_MB ?? 200);
  const logs = path.join(work, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const figures: [string, string][] = [];
  const report = (name: string, value: string) => {
    figures.push([name, value]);
    console.log(`${name.padEnd(52)} ${value}`);
  };

  const parts = new Set((process.env.BENCH_PARTS ?? 'big,side,wide,sorts,many,auth,load,usage,logs').split(','));
  let t: number;
  let server: BenchServer;
  if (parts.has('big')) {
  // 1. A big real-shaped log.
  const bigLog = path.join(logs, 'app-20200706201101-0003');
  t = performance.now();
  const grown = await growLogFromSample(SAMPLE, bigLog, targetMb * MB);
  report('grown log', `${(grown.bytes / MB).toFixed(0)} MB, ${grown.tasks} tasks, ${grown.stages} stages (${((performance.now() - t) / 1000).toFixed(1)} s to write)`);

  // 2. Replay throughput on one core, in this process (no server, no worker).
  const [source] = (await discoverLogs([logs])).filter((s) => s.key === 'app-20200706201101-0003');
  const dbFile = path.join(work, 'replay.db');
  fs.rmSync(dbFile, { force: true });
  const replay = new AppReplay(source!, dbFile, SPARK_DEFAULT_RETENTION);
  t = performance.now();
  const summary = await replay.run(source!);
  const seconds = (performance.now() - t) / 1000;
  replay.close();
  report('replay throughput (one core, fold + SQLite)', `${(summary.stats.bytes / MB / seconds).toFixed(0)} MB/s (${seconds.toFixed(2)} s)`);
  await benchJsonParseBaseline(source!, seconds, report);

  // 3. Cold start → complete /stages answer, then the same after a restart (no re-parse).
  const dataDir = path.join(work, 'data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = await startBenchServer(logs, dataDir);
  const stagesUrl = `/api/v1/applications/app-20200706201101-0003/stages`;
  let ms = await server.timeUntilOk(stagesUrl);
  report('cold start → complete /stages', `${(ms / 1000).toFixed(2)} s`);
  const rssCold = await server.stop();
  // Restart: when the process listens, and when the first complete answer comes.
  report('server peak RSS (cold replay)', `${(rssCold / MB).toFixed(0)} MB`);
  server = await startBenchServer(logs, dataDir);
  ms = await server.timeUntilOk(stagesUrl);
  report('restart → listening', `${(server.listeningMs / 1000).toFixed(3)} s`);
  report('restart → complete /stages (no re-parse)', `${(ms / 1000).toFixed(3)} s`);
  await server.stop();

  }

  if (parts.has('side')) {
    // The real History Server and ours on the same big log (grown by the `big` part, or here).
    const bigLog = path.join(logs, 'app-20200706201101-0003');
    if (!fs.existsSync(bigLog)) await growLogFromSample(SAMPLE, bigLog, targetMb * MB);
    await benchSparkSideBySide(work, bigLog, 'app-20200706201101-0003', report);
  }

  if (parts.has('wide')) {
  // 4. A 200k-task stage: sorted task pages.
  const wideDir = path.join(work, 'wide');
  fs.mkdirSync(wideDir, { recursive: true });
  const wide = await writeWideStageLog(path.join(wideDir, 'app-wide-0001'), SAMPLE, 200_000);
  report('wide stage log', `${(wide.bytes / MB).toFixed(0)} MB, ${wide.tasks} tasks in stage 0`);
  server = await startBenchServer(wideDir, path.join(work, 'wide-data'), ['--retained-tasks', '1000000']);
  await server.timeUntilOk('/api/v1/applications/app-wide-0001/stages/0/0/taskList?length=1');
  const pages: [string, string][] = [
    ['taskList sortBy=-runtime, first page', '/api/v1/applications/app-wide-0001/stages/0/0/taskList?sortBy=-runtime&length=20'],
    ['taskList sortBy=runtime, offset 150000', '/api/v1/applications/app-wide-0001/stages/0/0/taskList?sortBy=runtime&offset=150000&length=20'],
    ['taskList status=failed', '/api/v1/applications/app-wide-0001/stages/0/0/taskList?status=failed&length=20'],
    ['taskList by id, offset 199980', '/api/v1/applications/app-wide-0001/stages/0/0/taskList?offset=199980&length=20'],
  ];
  for (const [name, url] of pages) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push(await server.timeRequest(url));
    times.sort((a, b) => a - b);
    report(`${name} (median of 7)`, `${times[3]!.toFixed(1)} ms`);
  }
  const summaryMs = await server.timeRequest('/api/v1/applications/app-wide-0001/stages/0/0/taskSummary');
  report('taskSummary over 200k tasks', `${summaryMs.toFixed(0)} ms`);
  await server.stop();

  }

  if (parts.has('many')) {
  // 5. Many logs: first listing and list API latency.
  const manyCount = Number(process.env.BENCH_MANY_APPS ?? 10_000);
  const manyDir = path.join(work, 'many');
  t = performance.now();
  await generateManyApps({ dir: manyDir, count: manyCount });
  report('many-apps workspace', `${manyCount} logs (${((performance.now() - t) / 1000).toFixed(1)} s to write)`);
  server = await startBenchServer(manyDir, path.join(work, 'many-data'));
  const listed = await server.timeUntil('/api/console/status', (body) => (body as { applications: number }).applications >= manyCount * 0.99);
  report(`cold start → ${manyCount} applications listed`, `${(listed / 1000).toFixed(2)} s`);
  const full = await server.timeUntil('/api/console/status', (body) => (body as { pendingReplays: number }).pendingReplays === 0);
  report(`cold start → all ${manyCount} logs fully replayed`, `${(full / 1000).toFixed(1)} s`);
  for (const [name, url] of [
    ['GET /api/v1/applications (all)', '/api/v1/applications'],
    ['GET /api/v1/applications?limit=50', '/api/v1/applications?limit=50'],
    ['GET /api/console/apps (page of 50, sorted by start)', '/api/console/apps?limit=50'],
    ['GET /api/console/apps filtered + searched', '/api/console/apps?status=failed&search=risk&sort=-duration&limit=50'],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push(await server.timeRequest(url));
    times.sort((a, b) => a - b);
    report(`${name} (median of 7)`, `${times[3]!.toFixed(1)} ms`);
  }
  await server.stop();
  // 6. What sign-in and project scoping add, on the same stores.
  if (parts.has('auth')) await benchAuthOverhead(manyDir, path.join(work, 'many-data'), work, report);
  }

  // 7. The console task table on a 200k-task stage of the demo generator: every sort key.
  if (parts.has('sorts')) await benchTaskTableSorts(report);

  // 8. Many clients and change streams while a large log is replayed.
  if (parts.has('load')) await benchLoadUnderReplay(work, SAMPLE, report);

  // 8. Compute usage and diagnostics (issue 14): the big log (grown here unless `big` ran) and many small logs.
  if (parts.has('usage')) {
    // `logs` holds just the big log.
    if (!fs.existsSync(path.join(logs, 'app-20200706201101-0003'))) await growLogFromSample(SAMPLE, path.join(logs, 'app-20200706201101-0003'), targetMb * MB);
    await benchUsageAndDiagnostics(work, logs, report);
  }
  // 9. Historical logs at size: last page, whole-file search against grep, the all-logs zip's memory.
  if (parts.has('logs')) await benchLogs(SAMPLE, report);

  fs.writeFileSync(path.join(work, 'figures.json'), JSON.stringify(Object.fromEntries(figures), null, 2));
  console.log(`\nfigures written to ${path.join(work, 'figures.json')}`);
  if (!process.env.BENCH_DIR) fs.rmSync(work, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
