import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBenchServer } from './benchServer.js';

/*
 * The real History Server and ours, in the same run, on the same big log: each started on a fresh folder
 * holding only that log, timed from process start to the first complete `/stages` answer (200 with the whole
 * array), and each one's peak RSS. Spark's is pyspark's own (the oracle's cached virtual environment, see
 * scripts/ensure-oracle.sh), started the way Spark's sbin scripts start it: `bin/spark-class
 * org.apache.spark.deploy.history.HistoryServer` with its defaults (in-memory store, SPARK_DAEMON_MEMORY 1g).
 */

const MB = 1024 * 1024;
const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** SPARK_HOME of the newest cached pyspark, or why there is none. */
function sparkHome(): { home: string; version: string } | string {
  const env = fs.readFileSync(path.join(REPO_ROOT, 'oracle', 'versions.env'), 'utf8');
  const version = /^PYSPARK_4=(\S+)/m.exec(env)?.[1];
  const python = path.join(REPO_ROOT, '.cache', 'oracle', `venv-pyspark-${version}`, 'bin', 'python');
  if (!version || !fs.existsSync(python)) return `pyspark ${version ?? '4.x'} is not in .cache/oracle (run scripts/ensure-oracle.sh)`;
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    return 'no java on PATH';
  }
  const home = execFileSync(python, ['-c', 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'], { encoding: 'utf8' }).trim();
  return { home, version };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** Peak RSS (VmHWM) of a process, in bytes; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Polls until `url` answers 200 with a non-empty array (both servers answer an application's resources only
 * once its replay is complete); ms since `since`, and how many stages the answer had.
 */
async function untilStages(url: string, since: number, child: ChildProcess): Promise<{ ms: number; stages: number }> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    const res = await fetch(url).catch(() => undefined);
    if (res?.ok) {
      const body = (await res.json()) as unknown[];
      if (body.length > 0) return { ms: performance.now() - since, stages: body.length };
    } else {
      await res?.arrayBuffer();
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function benchSparkSideBySide(work: string, bigLog: string, appId: string, report: (name: string, value: string) => void): Promise<void> {
  const spark = sparkHome();
  if (typeof spark === 'string') {
    report('real History Server vs ours', `skipped: ${spark}`);
    return;
  }
  const logs = path.join(work, 'side-logs');
  fs.rmSync(logs, { recursive: true, force: true });
  fs.mkdirSync(logs, { recursive: true });
  fs.linkSync(bigLog, path.join(logs, path.basename(bigLog)));
  const sizeMb = fs.statSync(bigLog).size / MB;
  const stagesPath = `/api/v1/applications/${appId}/stages`;

  // Ours: a fresh data dir, so the log is replayed from scratch.
  const ours = await startBenchServer(logs, path.join(work, 'side-data'));
  let oursStages = 0;
  const oursMs = await ours.timeUntil(stagesPath, (body) => Array.isArray(body) && (oursStages = body.length) > 0);
  const oursRss = await ours.stop();
  report(`ours: start → complete /stages (${sizeMb.toFixed(0)} MB log)`, `${(oursMs / 1000).toFixed(2)} s, ${oursStages} stages, peak RSS ${(oursRss / MB).toFixed(0)} MB`);

  // Spark's, started as sbin/start-history-server.sh does (without daemonizing).
  const port = await freePort();
  const started = performance.now();
  const child = spawn(path.join(spark.home, 'bin', 'spark-class'), ['org.apache.spark.deploy.history.HistoryServer'], {
    env: {
      ...process.env,
      SPARK_HOME: spark.home,
      SPARK_LOCAL_IP: '127.0.0.1',
      SPARK_HISTORY_OPTS: `-Dspark.history.fs.logDirectory=file://${logs} -Dspark.history.ui.port=${port}`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err = (err + d).slice(-20_000)));
  let answer: { ms: number; stages: number };
  let sparkRss = 0;
  const sampler = setInterval(() => (sparkRss = Math.max(sparkRss, peakRss(child.pid!))), 200);
  try {
    answer = await untilStages(`http://127.0.0.1:${port}${stagesPath}`, started, child);
  } catch (e) {
    report(`Spark ${spark.version} History Server`, `failed: ${(e as Error).message}\n${err.slice(-2000)}`);
    return;
  } finally {
    sparkRss = Math.max(sparkRss, peakRss(child.pid!));
    clearInterval(sampler);
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  report(`Spark ${spark.version} History Server: start → complete /stages`, `${(answer.ms / 1000).toFixed(2)} s, ${answer.stages} stages, peak RSS ${(sparkRss / MB).toFixed(0)} MB`);
  report('ours faster than Spark, to a complete /stages', `${(answer.ms / oursMs).toFixed(1)}× (goal ≥ 25×)`);
}
