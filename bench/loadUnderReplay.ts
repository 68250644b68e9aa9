import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateWorkspace, startLiveApp, type WorkspaceSummary } from '../src/demo/index.js';
import { startBenchServer, type BenchServer } from './benchServer.js';
import { ChangeStreams } from './changeStreams.js';
import { growLogFromSample } from './growLog.js';
import { recordingGet, runPaced, runSaturating } from './loadClients.js';
import { LoadStats } from './loadStats.js';
import { ProcessProbe } from './processProbe.js';
import { appListPage, checkSite, discoverSite, executorsPage, jobsPage, REQUEST_CLASSES, restAppList, stagePage, stagesPage, type SiteApp } from './spaPages.js';

/*
 * Issue 9's load bench: while a large log is replayed, (a) CLIENTS saturating clients (closed loop, no think
 * time) and (b) PACED_USERS people walking the SPA's pages with 1–3 s think time, each for SECONDS, with
 * STREAMS change streams open on the demo workspace's running application (kept growing, so they carry
 * events). For each run: req/s, p50/p99 per request class (list, stage, other), errors by status, the
 * server's peak RSS and descriptors, the streams' outcome, and the replay's time against a quiet baseline.
 */

const MB = 1024 * 1024;
const BIG_APP = 'app-20200706201101-0003';
/** Applications and stage attempts per application the mix draws from. */
const SITE_APPS = 12;
const SITE_STAGES = 8;

type Report = (name: string, value: string) => void;

export async function benchLoadUnderReplay(work: string, sample: string, report: Report): Promise<void> {
  const clients = Number(process.env.BENCH_CLIENTS ?? 200);
  const pacedUsers = Number(process.env.BENCH_PACED_USERS ?? 200);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const streams = Number(process.env.BENCH_STREAMS ?? 500);
  const logMb = Number(process.env.BENCH_LOAD_LOG_MB ?? 200);

  const ws = await generateWorkspace({ dir: path.join(work, 'load-ws') });
  // The big log waits next to the roots and is renamed in (one atomic step), so no scan sees half a file.
  const staging = path.join(work, 'load-ws', 'staged');
  fs.mkdirSync(staging, { recursive: true });
  const staged = path.join(staging, BIG_APP);
  await growLogFromSample(sample, staged, logMb * MB);
  const bench = new ReplayBench(work, ws, staged);

  // Quiet baseline: the replay alone, three times, each on a fresh data dir.
  const quiet: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await bench.startServer(`load-quiet-${i}`);
    quiet.push(await bench.timedReplay(server));
    await bench.stopServer(server, `load-quiet-${i}`);
  }
  const baseline = [...quiet].sort((a, b) => a - b)[1]!;
  report(`load: ${logMb} MB replay, quiet (placed → done, median of 3)`, `${baseline.toFixed(2)} s (${quiet.map((s) => s.toFixed(2)).join(', ')})`);

  const runs = [
    { label: `load (a) saturating, ${clients} clients`, drive: (get: Get, site: SiteApp[]) => runSaturating(get, saturatingMix(site), clients, seconds).then(() => undefined) },
    { label: `load (b) paced, ${pacedUsers} users`, drive: (get: Get, site: SiteApp[]) => runPaced(get, site, pacedUsers, seconds, 9) },
  ];
  for (const run of runs) {
    const server = await bench.startServer(`load-data-${runs.indexOf(run)}`);
    const { site, dropped } = await checkSite(server.url, await discoverSite(server.url, SITE_APPS, SITE_STAGES));
    const stageCount = site.reduce((n, a) => n + a.stages.length, 0);
    const droppedText = dropped.size === 0 ? 'none dropped' : `dropped ${[...dropped].map(([k, v]) => `${k} ×${v}`).join(', ')}`;
    report(`${run.label}: mix`, `${site.length} apps, ${stageCount} stage attempts (${droppedText})`);

    // The running app grows (simulated 4× faster than the demo's pace, a busier app), so its streams carry events.
    const live = startLiveApp(ws, { timeScale: 4 });
    // Keep-alive sockets without a cap: one per client and one per stream, as browsers and tools hold them.
    const agent = new http.Agent({ keepAlive: true });
    const feeds = new ChangeStreams(server.url, ws.running.appId, streams, agent);
    await feeds.whenOpen(streams, 30_000);
    const probe = new ProcessProbe(server.pid);
    const stats = new LoadStats();
    const get = recordingGet(server.url, agent, stats);

    const replay = bench.timedReplay(server); // the large replay starts now
    const started = performance.now();
    const pages = await run.drive(get, site);
    const elapsed = (performance.now() - started) / 1000;
    const stillOpen = feeds.open;
    const loadEnded = performance.now();
    const loaded = await replay;
    // A replay that ends after the load ran its last part alone: its slow-down is then understated.
    const outlasted = started + loaded * 1000 > loadEnded;
    const { peakFds, peakRss } = probe.stop();
    feeds.close();
    await live.stop();
    agent.destroy();
    await bench.stopServer(server, `load-data-${runs.indexOf(run)}`);

    const pagesText = pages === undefined ? '' : `, ${pages} pages viewed`;
    report(`${run.label} × ${seconds} s`, `${(stats.requests / elapsed).toFixed(0)} req/s (${stats.requests} requests${pagesText})`);
    for (const c of REQUEST_CLASSES) report(`${run.label}: ${c} latency`, stats.latencyText(c));
    report(`${run.label}: errors (non-2xx, timeouts, resets)`, stats.errorText());
    report(`${run.label}: server peak RSS / peak open descriptors`, `${(peakRss / MB).toFixed(0)} MB / ${peakFds}`);
    report(`${run.label}: ${streams} change streams`, `${feeds.opened} opened, ${stillOpen} still open at the end, ${feeds.events} events (${feeds.withEvents} streams got ≥ 1)`);
    const ratio = ((loaded - baseline) / baseline) * 100;
    report(
      `${run.label}: ${logMb} MB replay under load`,
      `${loaded.toFixed(2)} s vs quiet ${baseline.toFixed(2)} s: ${ratio >= 0 ? '+' : ''}${ratio.toFixed(0)}%` +
        `${outlasted ? ' (replay outlasted the load)' : ''} (the load generator shares the ${os.availableParallelism()} cores with the server)`,
    );
  }
}

type Get = (url: string) => Promise<void>;

/** The saturating clients cycle over every distinct URL the site's pages ask, plus the REST list tools use. */
function saturatingMix(site: SiteApp[]): string[] {
  const pages = [restAppList(), appListPage()];
  for (const app of site) {
    pages.push(jobsPage(app.ref), stagesPage(app.ref), executorsPage(app.ref));
    for (const s of app.stages) pages.push(stagePage(app.ref, s));
  }
  return [...new Set(pages.flatMap((p) => p.urls))];
}

/** Servers on the demo workspace, each with its own data dir, and the big log's timed replay on them. */
class ReplayBench {
  private readonly eventLogs: string;
  private readonly target: string;

  constructor(
    private readonly work: string,
    private readonly ws: WorkspaceSummary,
    private readonly staged: string,
  ) {
    this.eventLogs = ws.eventLogsDir;
    this.target = path.join(ws.eventLogsDir, BIG_APP);
  }

  /** A server on a fresh data dir, once it has replayed the workspace (so only the big log is left to do). */
  async startServer(name: string): Promise<BenchServer> {
    const dataDir = path.join(this.work, name);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const server = await startBenchServer(this.eventLogs, dataDir, ['--app-logs', this.ws.appLogsDir]);
    await server.timeUntil('/api/console/status', (b) => (b as { pendingReplays: number }).pendingReplays === 0);
    return server;
  }

  /**
   * Places the big log and times it to a complete `/stages` answer. Asking for the application looks it up
   * at once (no wait for the next scan) and moves its replay to the front: placed ≈ queued.
   */
  async timedReplay(server: BenchServer): Promise<number> {
    fs.renameSync(this.staged, this.target);
    const t = performance.now();
    await server.timeUntilOk(`/api/v1/applications/${BIG_APP}/stages`);
    return (performance.now() - t) / 1000;
  }

  /** Stops the server, takes the big log back out for the next run and frees the data dir's disk. */
  async stopServer(server: BenchServer, name: string): Promise<void> {
    await server.stop();
    if (fs.existsSync(this.target)) fs.renameSync(this.target, this.staged);
    fs.rmSync(path.join(this.work, name), { recursive: true, force: true });
  }
}
