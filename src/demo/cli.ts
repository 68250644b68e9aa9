// `spark-console demo …`: the main CLI delegates here.
//
//   demo --out DIR [--seed N] [--apps N] [--projects N] [--now ISO|fixed] [--live [--time-scale X]]
//   demo --bench-log FILE --size 200MB [--tasks-per-stage 200000] [--codec none|zstd|lz4] [--seed N]
//   demo --out DIR --many 10000 [--seed N]
//
// The workspace uses the current time as its "now" unless --now is given ("fixed" = the
// library default, for byte-identical output across runs).

import { generateWorkspace, DEFAULT_NOW } from './workspace.js';
import { startLiveApp } from './liveApp.js';
import { generateBenchLog } from './benchLog.js';
import { generateManyApps } from './manyApps.js';

const USAGE = `usage:
  spark-console demo --out DIR [--seed N] [--apps N] [--projects N] [--now ISO|fixed] [--live] [--time-scale X]
  spark-console demo --bench-log FILE --size 200MB [--tasks-per-stage N] [--codec none|zstd|lz4] [--seed N] [--spark-version V]
  spark-console demo --out DIR --many N [--seed N]`;

/** "200MB", "1GB", "512k", "2 MiB", "1048576" → bytes (binary multiples). */
export function parseSize(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(s);
  if (!m) throw new Error(`bad size "${s}" (use e.g. 200MB, 1GB, 512k)`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * mult);
}

const FLAGS = new Set(['out', 'seed', 'apps', 'projects', 'now', 'live', 'time-scale', 'bench-log', 'size', 'tasks-per-stage', 'codec', 'spark-version', 'many', 'help']);

function parseArgs(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"\n${USAGE}`);
    const name = a.slice(2).split('=')[0]!;
    if (!FLAGS.has(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      out.set(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), true);
  }
  return out;
}

function num(args: Map<string, string | true>, key: string): number | undefined {
  const v = args.get(key);
  if (v === undefined) return undefined;
  if (v === true || !/^\d+(\.\d+)?$/.test(v)) throw new Error(`--${key} needs a number`);
  return Number(v);
}

function str(args: Map<string, string | true>, key: string): string | undefined {
  const v = args.get(key);
  if (v === true) throw new Error(`--${key} needs a value`);
  return v;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Returns the exit code (and sets process.exitCode when it is not 0, for callers that ignore
 * the value). With --live it resolves only after SIGINT/SIGTERM.
 */
export async function demoCommand(argv: string[]): Promise<number> {
  const code = await run(argv);
  if (code !== 0) process.exitCode = code;
  return code;
}

async function run(argv: string[]): Promise<number> {
  let args: Map<string, string | true>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (args.has('help') || args.size === 0) {
    process.stdout.write(`${USAGE}\n`);
    return args.has('help') ? 0 : 2;
  }
  try {
    const seed = num(args, 'seed');
    const benchFile = str(args, 'bench-log');
    if (benchFile) {
      const t0 = performance.now();
      const codec = (str(args, 'codec') ?? 'none') as 'none' | 'zstd' | 'lz4';
      if (!['none', 'zstd', 'lz4'].includes(codec)) throw new Error('--codec must be none, zstd or lz4');
      const r = await generateBenchLog({
        file: benchFile,
        targetBytes: parseSize(str(args, 'size') ?? '200MB'),
        tasksPerStage: num(args, 'tasks-per-stage'),
        codec,
        seed,
        sparkVersion: str(args, 'spark-version'),
      });
      process.stdout.write(`wrote ${benchFile}: ${mb(r.bytes)} on disk (${mb(r.rawBytes)} of events), ${r.jobs} jobs, ${r.stages} stages, ${r.tasks} tasks, app ${r.appId}, in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      return 0;
    }
    const out = str(args, 'out');
    if (!out) throw new Error(`--out DIR is required\n${USAGE}`);
    const many = num(args, 'many');
    if (many !== undefined) {
      const t0 = performance.now();
      await generateManyApps({ dir: out, count: many, seed });
      process.stdout.write(`wrote ${many} application logs to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      return 0;
    }
    const nowArg = str(args, 'now');
    const now = nowArg === undefined ? Date.now() : nowArg === 'fixed' ? DEFAULT_NOW : Date.parse(nowArg);
    if (Number.isNaN(now)) throw new Error(`--now: cannot parse "${nowArg}"`);
    const t0 = performance.now();
    const summary = await generateWorkspace({ dir: out, seed, apps: num(args, 'apps'), projects: num(args, 'projects'), now });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      `workspace ${summary.dir}: ${summary.projects.length} projects, ${summary.totals.apps} applications (${summary.totals.logs} logs, ${summary.totals.tasks} tasks, ${mb(summary.totals.diskBytes)} of event logs) in ${secs} s\n` +
        (summary.compressedLogs ? '' : 'note: src/demo/encoders not available, compressed logs were written uncompressed\n') +
        `running app: ${summary.running.appId} (${summary.running.eventLogPath})\n` +
        `serve it with: spark-console --event-logs ${summary.eventLogsDir} --app-logs ${summary.appLogsDir}\n`,
    );
    if (!args.has('live')) return 0;
    const handle = startLiveApp(summary, { timeScale: num(args, 'time-scale') ?? 1 });
    process.stdout.write(`live: appending to ${summary.running.appId}; Ctrl-C to stop (the app stays running)\n`);
    await new Promise<void>((resolve) => {
      const onSignal = () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        void handle.stop(false).then(resolve);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
    return 0;
  } catch (e) {
    process.stderr.write(`demo: ${(e as Error).message}\n`);
    return 1;
  }
}
