// Benchmark logs: one long application written straight to a file, of a requested size,
// with real-shaped 3.x events (Task Executor Metrics, accumulables, shuffle metrics: a TaskEnd
// of ~2 KB, like a real one). The simulator streams lines to disk through a 1 MiB buffer, so
// memory stays flat whatever the size (per-stage arrays are a few bytes per task).

import * as path from 'node:path';
import { deriveSeed } from './prng.js';
import { appConfig } from './appScenario.js';
import { openEventLogAt, loadEncoderFactory } from './eventLogFiles.js';
import { AppLogs } from './executorLogs.js';
import { AppSimulator, type JobPlan } from './simulator.js';
import { demoProjects } from './projects.js';
import { yarnAppId } from './naming.js';
import { DEFAULT_NOW } from './workspace.js';
import { MAXCOMPUTE_VERSIONS } from './sparkVersions.js';

export interface BenchLogOptions {
  file: string;
  /** Uncompressed event bytes to write (the log ends at the first job boundary past it). */
  targetBytes: number;
  /** Tasks of each job's first (shuffle map) stage; the reduce stage has a tenth (at most 2000). Default 2000. */
  tasksPerStage?: number;
  codec?: 'none' | 'zstd' | 'lz4';
  seed?: number;
  sparkVersion?: string;
}

export interface BenchLogResult {
  /** Bytes on disk. */
  bytes: number;
  /** Uncompressed event bytes. */
  rawBytes: number;
  tasks: number;
  stages: number;
  jobs: number;
  appId: string;
}

const MB = 1024 * 1024;

export async function generateBenchLog(opts: BenchLogOptions): Promise<BenchLogResult> {
  const seed = (opts.seed ?? 7) >>> 0;
  const codec = opts.codec ?? 'none';
  const tasksPerStage = Math.max(1, opts.tasksPerStage ?? 2000);
  const version = opts.sparkVersion ?? MAXCOMPUTE_VERSIONS['3.5'];
  const encoders = codec === 'none' ? null : await loadEncoderFactory();
  if (codec !== 'none' && !encoders) throw new Error(`codec ${codec} needs src/demo/encoders, which is not available`);
  const project = demoProjects(1)[0]!;
  const start = DEFAULT_NOW - 6 * 3600_000;
  const appId = yarnAppId(start - 4000, (deriveSeed(seed, 'bench') % 2_000_000_000) + 1);
  const { cfg } = appConfig({
    project,
    appId,
    yarnAttempt: 1,
    name: 'bench_order_history_rebuild',
    jobClass: 'OrderHistoryRebuild',
    user: 'bench',
    version,
    mode: 'yarn',
    kind: 'etl',
    layout: 'single',
    codec,
    startTime: start,
    seed,
  });
  // A large, static cluster: 50 executors × 4 cores. Executor metrics are polled every second
  // so TaskEnds carry non-zero Task Executor Metrics, as busy production apps do.
  cfg.initialExecutors = 50;
  cfg.executorCores = 4;
  cfg.dynamicAllocation = undefined;
  cfg.speculation = false;
  cfg.logBlockUpdates = false;
  cfg.logStageExecutorMetrics = false;
  cfg.metricsPollingMs = 1000;
  cfg.workers = cfg.workers.length >= 10 ? cfg.workers : [...cfg.workers, ...cfg.workers, ...cfg.workers];
  const writer = openEventLogAt(path.resolve(opts.file), codec, encoders);
  const sim = new AppSimulator(cfg, writer, new AppLogs(null, appId));
  sim.start();
  let j = 0;
  // At least one job, then whole jobs until the target is reached.
  do {
    const reduce = Math.min(2000, Math.max(1, Math.ceil(tasksPerStage / 10)));
    const plan: JobPlan = {
      callsite: `insertInto at OrderHistoryRebuild.scala:${100 + (j % 50)}`,
      gapBeforeMs: 2000 + (j % 7) * 500,
      stages: [
        {
          name: `insertInto at OrderHistoryRebuild.scala:${100 + (j % 50)}`,
          numTasks: tasksPerStage,
          parents: [],
          source: 'table',
          output: 'shuffle',
          rdds: [{ name: 'OdpsRDD', scope: 'Scan' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (1)' }, { name: 'MapPartitionsRDD', scope: 'Exchange' }],
          medianTaskMs: 1400,
          inputBytesPerTask: 96 * MB,
        },
        {
          name: `insertInto at OrderHistoryRebuild.scala:${100 + (j % 50)}`,
          numTasks: reduce,
          parents: [0],
          source: 'shuffle',
          output: 'write',
          rdds: [{ name: 'ShuffledRowRDD', scope: 'Exchange' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (2)' }],
          medianTaskMs: 900,
        },
      ],
    };
    sim.runJob(plan);
    j++;
  } while (writer.rawBytes < opts.targetBytes);
  sim.end({ exitOk: true });
  writer.close({ completed: true });
  return { bytes: writer.diskBytes, rawBytes: writer.rawBytes, tasks: sim.stats.tasks, stages: sim.stats.stages, jobs: sim.stats.jobs, appId };
}
