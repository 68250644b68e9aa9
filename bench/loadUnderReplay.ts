import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import http from 'node:http';
import { generateWorkspace } from '../src/demo/index.js';
import { startBenchServer, type BenchServer } from './benchServer.js';
import { growLogFromSample } from './growLog.js';

/*
 * Many clients while a large log is replayed: a realistic mix of list and stage-page requests from
 * CLIENTS concurrent clients for SECONDS, plus STREAMS open change feeds. Prints throughput, latency,
 * errors, the server's peak RSS and descriptors, and how much the load slowed the replay.
 */

const MB = 1024 * 1024;

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function replaySeconds(server: BenchServer, appId: string): Promise<number> {
  const t = performance.now();
  await server.timeUntil(`/api/console/apps?search=${appId}`, (body) => {
    const item = (body as { items: { id: string; status: string; skippedLines: number }[] }).items[0];
    return item !== undefined && item.status !== 'running';
  });
  await server.timeUntilOk(`/api/v1/applications/${appId}/stages`);
  return (performance.now() - t) / 1000;
}

export async function benchLoadUnderReplay(work: string, sample: string, report: (name: string, value: string) => void): Promise<void> {
  const clients = Number(process.env.BENCH_CLIENTS ?? 200);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const streams = Number(process.env.BENCH_STREAMS ?? 500);
  const logMb = Number(process.env.BENCH_LOAD_LOG_MB ?? 200);

  const ws = path.join(work, 'load-ws');
  const summary = await generateWorkspace({ dir: ws });
  const bigDir = path.join(work, 'load-big');
  fs.mkdirSync(bigDir, { recursive: true });
  const big = path.join(bigDir, 'app-20200706201101-0003');
  await growLogFromSample(sample, big, logMb * MB);
  const eventLogs = path.join(ws, 'event-logs');
  const target = path.join(eventLogs, 'app-20200706201101-0003');

  // The replay alone, for the comparison.
  let server = await startBenchServer(eventLogs, path.join(work, 'load-data-quiet'), ['--app-logs', path.join(ws, 'app-logs')]);
  await server.timeUntil('/api/console/status', (b) => (b as { pendingReplays: number }).pendingReplays === 0);
  fs.copyFileSync(big, target);
  const quiet = await replaySeconds(server, 'app-20200706201101-0003');
  await server.stop();
  fs.rmSync(target);

  server = await startBenchServer(eventLogs, path.join(work, 'load-data'), ['--app-logs', path.join(ws, 'app-logs')]);
  await server.timeUntil('/api/console/status', (b) => (b as { pendingReplays: number }).pendingReplays === 0);
  const running = summary.running.appId;
  const apps = summary.apps.filter((a) => a.appId !== running).slice(0, 10);
  const mix = [
    '/api/v1/applications?limit=50',
    '/api/console/apps?limit=50&sort=-startTime',
    ...apps.flatMap((a) => [
      `/api/v1/applications/${a.appId}/jobs`,
      `/api/v1/applications/${a.appId}/stages`,
      `/api/v1/applications/${a.appId}/stages/0/0`,
      `/api/v1/applications/${a.appId}/stages/0/0/taskList?length=100&sortBy=-runtime`,
      `/api/v1/applications/${a.appId}/allexecutors`,
      `/api/v1/applications/${a.appId}/environment`,
    ]),
  ];

  // Keep-alive connections, one per client (and one per stream), as browsers and tools would hold them.
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients + streams + 10 });
  const get = (url: string, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(server.url + url, { agent, timeout: timeoutMs }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    });
  const openFeeds: http.ClientRequest[] = [];
  let openStreams = 0;
  for (let i = 0; i < streams; i++) {
    const req = http.get(`${server.url}/api/console/apps/${running}/changes`, { agent }, (res) => {
      if (res.statusCode === 200) openStreams++;
      res.resume(); // keep reading so the server never blocks on us
    });
    req.on('error', () => undefined);
    openFeeds.push(req);
  }

  const latencies: number[] = [];
  let errors = 0;
  const statuses = new Map<number, number>();
  const until = performance.now() + seconds * 1000;
  fs.copyFileSync(big, target); // the large replay starts now
  const replay = replaySeconds(server, 'app-20200706201101-0003');
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      let i = c;
      while (performance.now() < until) {
        const url = mix[i++ % mix.length]!;
        const t = performance.now();
        try {
          const status = await get(url, 30_000);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const fds = fs.readdirSync(`/proc/${server.pid}/fd`).length;
  const loaded = await replay;
  for (const req of openFeeds) req.destroy();
  const rss = await server.stop();
  agent.destroy();

  latencies.sort((a, b) => a - b);
  report(`load: ${clients} clients × ${seconds} s + ${openStreams}/${streams} change streams`, `${(latencies.length / elapsed).toFixed(0)} req/s`);
  report('load: latency', `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
  report('load: errors (5xx, timeouts, resets)', `${errors} of ${latencies.length} (${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')})`);
  report('load: server peak RSS / open descriptors', `${(rss / MB).toFixed(0)} MB / ${fds}`);
  report(`load: ${logMb} MB replay, quiet vs under load`, `${quiet.toFixed(1)} s vs ${loaded.toFixed(1)} s (+${(((loaded - quiet) / quiet) * 100).toFixed(0)}%)`);
}
