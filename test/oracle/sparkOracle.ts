/**
 * The real-Spark oracle: pyspark releases installed by scripts/ensure-oracle.sh (one virtual environment
 * each, under .cache/oracle/), the event logs their jobs (oracle/jobs/*.py) write, and the real History
 * Server of each release started on them.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ORACLE_DIR = process.env.SPARK_ORACLE_DIR ?? path.join(REPO_ROOT, '.cache', 'oracle');
const JOBS_DIR = path.join(REPO_ROOT, 'oracle', 'jobs');

export interface Release {
  /** `3.5` or `4`: the line the known differences are keyed by. */
  line: '3.5' | '4';
  version: string;
  python: string;
  sparkHome: string;
}

const versions: Record<string, string> = Object.fromEntries(
  fs
    .readFileSync(path.join(REPO_ROOT, 'oracle', 'versions.env'), 'utf8')
    .split('\n')
    .map((l) => /^(\w+)=(\S+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);

export const SPARK_HISTORY_CLI_VERSION = versions.SPARK_HISTORY_CLI!;
export const cliVenv = () => path.join(ORACLE_DIR, `venv-cli-${SPARK_HISTORY_CLI_VERSION}`);
export const SPARK_HISTORY_MCP_VERSION = versions.SPARK_HISTORY_MCP!;
export const mcpVenv = () => path.join(ORACLE_DIR, `venv-mcp-${SPARK_HISTORY_MCP_VERSION}`);
/** The API fuzzer of test/reliability/hostileRequests.test.ts (scripts/ensure-schemathesis.sh). */
export const SCHEMATHESIS_VERSION = versions.SCHEMATHESIS!;
export const schemathesisVenv = () => path.join(ORACLE_DIR, `venv-schemathesis-${SCHEMATHESIS_VERSION}`);

/** Why the MCP client is not installed (what scripts/ensure-oracle-mcp.sh recorded), or undefined. */
export function mcpUnavailable(): string | undefined {
  if (fs.existsSync(path.join(mcpVenv(), '.installed'))) return undefined;
  const marker = path.join(ORACLE_DIR, 'mcp-unavailable');
  if (fs.existsSync(marker)) return fs.readFileSync(marker, 'utf8').trim();
  return `mcp-apache-spark-history-server ${SPARK_HISTORY_MCP_VERSION} is not installed in ${ORACLE_DIR}: run scripts/ensure-oracle.sh (npm test's pretest does)`;
}

/** Why the oracle cannot run here (what ensure-oracle.sh recorded or what is missing), or undefined. */
export function oracleUnavailable(): string | undefined {
  const marker = path.join(ORACLE_DIR, 'unavailable');
  if (fs.existsSync(marker)) return fs.readFileSync(marker, 'utf8').trim();
  for (const v of [versions.PYSPARK_35!, versions.PYSPARK_4!]) {
    if (!fs.existsSync(path.join(ORACLE_DIR, `venv-pyspark-${v}`, '.installed'))) {
      return `pyspark ${v} is not installed in ${ORACLE_DIR}: run scripts/ensure-oracle.sh (npm test's pretest does)`;
    }
  }
  return undefined;
}

export function releases(): Release[] {
  return (
    [
      ['3.5', versions.PYSPARK_35!],
      ['4', versions.PYSPARK_4!],
    ] as const
  ).map(([line, version]) => {
    const venv = path.join(ORACLE_DIR, `venv-pyspark-${version}`);
    const python = path.join(venv, 'bin', 'python');
    const sparkHome = execFileSync(python, ['-c', 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'], { encoding: 'utf8' }).trim();
    return { line, version, python, sparkHome };
  });
}

export const jobScripts = () =>
  fs
    .readdirSync(JOBS_DIR)
    .filter((f) => f.endsWith('.py') && !f.startsWith('_'))
    .sort();

/** The key of a release's log set: its version and a hash of every job script (helpers included). */
function logSetKey(release: Release): string {
  const h = crypto.createHash('sha256').update(release.version);
  for (const f of fs.readdirSync(JOBS_DIR).filter((f) => f.endsWith('.py')).sort()) {
    h.update(f).update(fs.readFileSync(path.join(JOBS_DIR, f)));
  }
  return `${release.version}-${h.digest('hex').slice(0, 12)}`;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * The release's event logs: generated once per (release, job scripts) into .cache/oracle/logs/ and reused.
 * `crashed.py` exits non-zero by design.
 */
export async function ensureEventLogs(release: Release): Promise<{ dir: string; generatedMs: number }> {
  const dir = path.join(ORACLE_DIR, 'logs', logSetKey(release));
  if (fs.existsSync(path.join(dir, '.complete'))) return { dir, generatedMs: 0 };
  const started = Date.now();
  const tmp = `${dir}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const env = {
    ORACLE_EVENT_LOG_DIR: tmp,
    SPARK_HOME: release.sparkHome,
    PYSPARK_PYTHON: release.python,
    PYSPARK_DRIVER_PYTHON: release.python,
    SPARK_LOCAL_IP: '127.0.0.1',
  };
  // Two processes side by side: the crashing driver alone, and every other job one after another in one
  // JVM (run_jobs.py), which spares a JVM start per job.
  const failures: string[] = [];
  const jobs = jobScripts();
  const runAndCheck = async (args: string[], expectZero: boolean) => {
    const { code, output } = await run(release.python, args, env, 420_000);
    if ((code === 0) !== expectZero) failures.push(`${args.map((a) => path.basename(a)).join(' ')} exited with ${code}:\n${output.slice(-4000)}`);
  };
  await Promise.all([
    runAndCheck([path.join(JOBS_DIR, 'crashed.py')], false),
    runAndCheck([path.join(REPO_ROOT, 'oracle', 'run_jobs.py'), ...jobs.filter((j) => j !== 'crashed.py')], true),
  ]);
  if (failures.length > 0) throw new Error(`Spark ${release.version} jobs failed:\n${failures.join('\n')}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  fs.writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
  // Keep only this key's logs for the release.
  for (const other of fs.readdirSync(path.dirname(dir))) {
    if (other.startsWith(`${release.version}-`) && path.join(path.dirname(dir), other) !== dir) {
      fs.rmSync(path.join(path.dirname(dir), other), { recursive: true, force: true });
    }
  }
  return { dir, generatedMs: Date.now() - started };
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** The JVM options Spark's launcher adds on Java 17 (JavaModuleOptions). */
const JAVA17_OPTIONS = [
  '-XX:+IgnoreUnrecognizedVMOptions',
  ...[
    'java.lang',
    'java.lang.invoke',
    'java.lang.reflect',
    'java.io',
    'java.net',
    'java.nio',
    'java.util',
    'java.util.concurrent',
    'java.util.concurrent.atomic',
    'jdk.internal.ref',
    'sun.nio.ch',
    'sun.nio.cs',
    'sun.security.action',
    'sun.util.calendar',
  ].map((p) => `--add-opens=java.base/${p}=ALL-UNNAMED`),
  '-Djdk.reflect.useDirectMethodHandle=false',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export interface SparkHistoryServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the release's own History Server (org.apache.spark.deploy.history.HistoryServer from the pyspark
 * package's jars) on a free loopback port over `logDir`, and waits until it lists `expectedApps` applications.
 */
export async function startSparkHistoryServer(release: Release, logDir: string, expectedApps: number): Promise<SparkHistoryServer> {
  const port = await freePort();
  const child = spawn(
    'java',
    [
      '-Xmx1g',
      ...JAVA17_OPTIONS,
      '-cp',
      `${path.join(release.sparkHome, 'conf')}:${path.join(release.sparkHome, 'jars', '*')}`,
      `-Dspark.history.fs.logDirectory=file://${logDir}`,
      `-Dspark.history.ui.port=${port}`,
      '-Dspark.history.fs.update.interval=2s',
      'org.apache.spark.deploy.history.HistoryServer',
    ],
    { env: { ...process.env, SPARK_HOME: release.sparkHome, SPARK_LOCAL_IP: '127.0.0.1', SPARK_PUBLIC_DNS: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out = (out + d).slice(-200_000)));
  child.stderr!.on('data', (d) => (out = (out + d).slice(-200_000)));
  const url = `http://127.0.0.1:${port}`;
  const handle: SparkHistoryServer = {
    url,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Spark ${release.version} History Server exited with ${child.exitCode}:\n${out.slice(-5000)}`);
    const res = await fetch(`${url}/api/v1/applications`).catch(() => undefined);
    if (res?.ok) {
      const apps = (await res.json()) as unknown[];
      if (apps.length >= expectedApps) return handle;
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`Spark ${release.version} History Server did not list ${expectedApps} applications in time:\n${out.slice(-5000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
