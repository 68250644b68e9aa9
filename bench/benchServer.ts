import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'bin', 'spark-console.js');

export interface BenchServer {
  url: string;
  pid: number;
  /** ms from spawning the process to its "listening" line. */
  listeningMs: number;
  /** Polls until the path answers 200; returns ms since the process was spawned. */
  timeUntilOk(p: string): Promise<number>;
  timeRequest(p: string, headers?: Record<string, string>): Promise<number>;
  /** Polls a JSON endpoint until `done(body)`; returns ms since the process was spawned. */
  timeUntil(p: string, done: (body: unknown) => boolean): Promise<number>;
  /** Stops the server and returns its peak resident set size in bytes (VmHWM). */
  stop(): Promise<number>;
}

/** Starts the built server; `extra` may turn sign-in on (`--auth password --config FILE`), else it runs without. */
export async function startBenchServer(logs: string, dataDir: string, extra: string[] = []): Promise<BenchServer> {
  const spawnedAt = performance.now();
  const auth = extra.includes('--auth') ? [] : ['--auth', 'none'];
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--event-logs', logs, '--data-dir', dataDir, '--port', '0', ...auth, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const listeningMs = performance.now() - spawnedAt;
  return {
    url,
    pid: child.pid!,
    listeningMs,
    async timeUntilOk(p) {
      for (;;) {
        const res = await fetch(url + p).catch(() => undefined);
        if (res?.ok) {
          await res.arrayBuffer();
          return performance.now() - spawnedAt;
        }
        await res?.arrayBuffer();
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async timeUntil(p, done) {
      for (;;) {
        const res = await fetch(url + p).catch(() => undefined);
        if (res?.ok && done(await res.json())) return performance.now() - spawnedAt;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async timeRequest(p, headers = {}) {
      const t = performance.now();
      const res = await fetch(url + p, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
      return performance.now() - t;
    },
    async stop() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      return hwm ? Number(hwm[1]) * 1024 : 0;
    },
  };
}
