import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export { SHARED_DIR as SHARED, CONFORMANCE_DIR as CONFORMANCE } from './sharedData.js';

export interface ServerHandle {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  dataDir?: string;
  waitForIngest?: boolean;
  /**
   * Sign-in: `none` (the default: tests of Spark answers run as the single local user) or `password`, the
   * product's default; with `password`, `as` gives Basic credentials (`user:password`) for the ingest wait.
   */
  auth?: 'none' | 'password';
  as?: string;
  env?: NodeJS.ProcessEnv;
  /** `ulimit -n` for the server process. */
  fdLimit?: number;
}

/**
 * Starts the real, built server (dist/) as a child process on a free port, the way a user runs it, and
 * waits until its first scan's replays are done.
 */
export async function startServerProcess(args: string[], opts: ServerOptions = {}): Promise<ServerHandle> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-test-'));
  const cli = path.join(REPO_ROOT, 'bin', 'spark-console.js');
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'bundle', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  const argv = [cli, 'serve', '--port', '0', '--data-dir', dataDir, '--auth', opts.auth ?? 'none', ...args];
  const options = { stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } };
  const child =
    opts.fdLimit === undefined
      ? spawn(process.execPath, argv, options)
      : spawn('/bin/sh', ['-c', `ulimit -n ${opts.fdLimit} && exec "$0" "$@"`, process.execPath, ...argv], options);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const handle: ServerHandle = {
    url,
    dataDir,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      // A data dir this helper made is ours to remove; one passed in belongs to the caller.
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (opts.waitForIngest !== false) await waitForIngest(url, 60_000, opts.as);
  return handle;
}

/** `Authorization` header value for Basic credentials `user:password`. */
export const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

/** Polls the console status endpoint until no replay is pending. */
export async function waitForIngest(url: string, timeoutMs = 60_000, as?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const headers: Record<string, string> = as ? { Authorization: basic(as) } : {};
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/api/console/status`, { headers }).catch(() => undefined);
    if (res?.ok) {
      const body = (await res.json()) as { pendingReplays: number; lastScanAt: number };
      if (body.lastScanAt > 0 && body.pendingReplays === 0) return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('ingest did not finish in time');
}
