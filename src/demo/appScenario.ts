// Application scenarios: what each demo application does (which SQL queries and RDD jobs,
// which failures, which executor behaviour) and the wiring that runs one application through
// the simulator into its event log and log files.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng, deriveSeed } from './prng.js';
import { versionRules, MAXCOMPUTE_VERSIONS, type VersionLine } from './sparkVersions.js';
import { openEventLog, type EncoderFactory, type EventLogWriter } from './eventLogFiles.js';
import { AppLogs } from './executorLogs.js';
import { DEMO_ROLL_BYTES, rollLogFileBySize } from './rolledLogs.js';
import { rewriteAsStructuredLog } from './structuredLogs.js';
import { AppSimulator, type AppConfig, type HostInfo, type JobOutcome, type SqlPlan, type StagePlan } from './simulator.js';
import { buildEnvironment } from './environment.js';
import { cupidHost, devHost, instanceId as makeInstanceId, type Codec } from './naming.js';
import { STORAGE_MEMORY_AND_DISK, STORAGE_MEMORY_ONLY } from './model.js';
import type { ProjectSpec } from './projects.js';

export type ScenarioKind =
  | 'etl'
  | 'join'
  | 'skew'
  | 'cache'
  | 'oomFailure'
  | 'udfFailure'
  | 'transientFailure'
  | 'fetchFailure'
  | 'speculation'
  | 'dynamicAllocation'
  | 'excludeOnFailure'
  | 'pi'
  | 'large'
  | 'dashboard'
  | 'live'
  | 'tiny';

export interface AppSpec {
  project: ProjectSpec;
  appId: string;
  attemptId?: string;
  yarnAttempt: number;
  name: string;
  /** Job/class base name, e.g. DailyOrderEtl. */
  jobClass: string;
  user: string;
  version: string;
  mode: 'yarn' | 'standalone' | 'local';
  kind: ScenarioKind;
  layout: 'single' | 'rolling';
  codec: Codec;
  rollingMaxBytes?: number;
  startTime: number;
  seed: number;
  instanceId?: string;
  /** Attempt that dies without ApplicationEnd (driver killed). */
  crash?: boolean;
  /** The live application: its log is left in progress for liveApp.ts to extend. */
  running?: boolean;
  /** Simulated "now": the running app's prefix stops here. */
  until?: number;
  /**
   * Runs of one scheduled job share their sizing and settings (drawn from this seed instead of the run's);
   * `conf` then sets Spark properties of this run, e.g. the memory someone raised after a slow run.
   */
  job?: { seed: number; conf?: Record<string, string> };
  /** The driver log is written in Spark 4's structured JSON layout (spark.log.structuredLogging.enabled). */
  structuredLogs?: boolean;
}

export interface AppResult {
  spec: AppSpec;
  appId: string;
  attemptId?: string;
  eventLogPath: string;
  driverLogPath: string | null;
  executorIds: string[];
  startTime: number;
  endTime: number | null;
  completed: boolean;
  succeeded: boolean;
  rawBytes: number;
  diskBytes: number;
  lines: number;
  tasks: number;
  /** Live app only: kept so the appender can continue in this process. */
  sim?: AppSimulator;
  writer?: EventLogWriter;
  logs?: AppLogs;
}

const MB = 1024 * 1024;

function dsOf(ms: number): string {
  const d = new Date(ms + 8 * 3600_000 - 24 * 3600_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Build the simulator configuration (hosts, sizing, features) for an app spec. */
export function appConfig(spec: AppSpec): { cfg: AppConfig; rng: Prng } {
  const rng = new Prng(deriveSeed(spec.seed, 'config', spec.appId, spec.attemptId ?? ''));
  const rules = versionRules(spec.version);
  const k = spec.kind;
  const yarn = spec.mode === 'yarn';
  const javaMajor: 8 | 17 = !yarn && rules.major === 3 && rules.minor >= 5 ? 17 : 8;
  const driver = yarn ? cupidHost('master', rng) : spec.mode === 'standalone' ? devHost(rng) : { host: 'dev-laptop-42.local', ip: '192.168.31.42' };
  const workers: HostInfo[] = [];
  const nWorkers = spec.mode === 'local' ? 1 : rng.int(6, 14);
  for (let i = 0; i < nWorkers; i++) workers.push(yarn ? cupidHost('worker', rng) : spec.mode === 'standalone' ? devHost(rng) : driver);
  const dynamic = k === 'dynamicAllocation' || k === 'live' || (k === 'large' && yarn);
  // A scheduled job's runs share their sizing; with no job, the same draws come from the run's own stream.
  const jobRng = spec.job ? new Prng(deriveSeed(spec.job.seed, 'job-config')) : rng;
  const conf = spec.job?.conf ?? {};
  const executorCores = spec.mode === 'local' ? 4 : jobRng.pick([2, 4, 4, 4]);
  const drawnMemoryMb = executorCores * jobRng.pick([2048, 4096]);
  const executorMemoryMb = conf['spark.executor.memory'] ? parseInt(conf['spark.executor.memory'], 10) * 1024 : drawnMemoryMb;
  const initial = spec.mode === 'local' ? 0 : k === 'large' ? 12 : k === 'tiny' ? 2 : rng.int(3, 8);
  const excludeOnFailure = k === 'excludeOnFailure' || (k === 'dynamicAllocation' && rules.excludedEvents);
  const accessId = `LTAI5tDEMO${rng.alnum(14)}`.replace(/[a-z]/g, (c) => (rng.chance(0.5) ? c.toUpperCase() : c));
  const accessKey = `demo${rng.alnum(26)}`;
  const codecInProps = spec.codec;
  const { env, sessionConf } = buildEnvironment({
    appId: spec.appId,
    appName: spec.name,
    project: spec.project.name,
    user: spec.user,
    mode: spec.mode,
    rules,
    javaMajor,
    startTime: spec.startTime,
    driverHost: driver.host,
    driverPort: rng.int(30000, 45000),
    driverMemoryMb: jobRng.pick([2048, 4096, 8192]),
    driverCores: jobRng.pick([1, 2, 4]),
    executorMemoryMb,
    executorCores,
    executorInstances: initial,
    overheadMb: Math.max(384, Math.round(executorMemoryMb * 0.1)),
    dynamicAllocation: dynamic ? { min: 1, max: k === 'large' ? 40 : 16, idleTimeoutMs: 60_000 } : undefined,
    speculation: k === 'speculation',
    excludeOnFailure,
    logBlockUpdates: k !== 'tiny',
    logStageExecutorMetrics: rules.major >= 3 && k !== 'tiny' && (k === 'cache' || k === 'large' || k === 'dashboard' || (k !== 'live' && rng.chance(0.3))),
    metricsPollingMs: rules.major >= 3 && rng.chance(0.5) ? 1000 : 0,
    codec: codecInProps,
    rolling: spec.layout === 'rolling',
    rollingMaxBytes: spec.rollingMaxBytes,
    accessId,
    accessKey,
    stsToken: k === 'cache' && rules.major >= 3 ? `CAIS${rng.alnum(40)}` : undefined,
    region: spec.project.region,
    mainClass: spec.kind === 'pi' ? 'com.aliyun.odps.spark.examples.SparkPi' : `${spec.project.pkg}.${spec.jobClass}`,
    appJar: spec.kind === 'pi' ? 'spark-examples_2.12-1.0.0-SNAPSHOT-shaded.jar' : `${spec.project.name.replace(/_/g, '-')}-jobs-1.${jobRng.int(0, 9)}.${jobRng.int(0, 20)}-shaded.jar`,
    kubeMode: rules.major === 3 && rules.minor >= 4 && yarn,
    maxAppAttempts: spec.attemptId ? 2 : 1,
    extra: {
      'spark.sql.shuffle.partitions': String(jobRng.pick([100, 200, 200, 400])),
      ...(k === 'dashboard' || k === 'live' ? { 'spark.scheduler.mode': 'FAIR' } : {}),
      ...conf,
    },
  });
  const mainClass = spec.kind === 'pi' ? 'com.aliyun.odps.spark.examples.SparkPi' : `${spec.project.pkg}.${spec.jobClass}`;
  const logview = `http://logview.odps.aliyun.com/logview/?h=http://service.${spec.project.region}.maxcompute.aliyun.com/api&p=${spec.project.name}&i=${spec.instanceId ?? ''}&token=${rng.alnum(40)}`;
  const cfg: AppConfig = {
    appId: spec.appId,
    attemptId: spec.attemptId,
    yarnAttempt: spec.yarnAttempt,
    name: spec.name,
    user: spec.user,
    rules,
    mode: spec.mode,
    startTime: spec.startTime,
    seed: spec.seed,
    javaMajor,
    driver: { ...driver, rpcPort: Number(env.spark['spark.driver.port']), bmPort: rng.int(30000, 45000), cores: Number(env.spark['spark.driver.cores']), memoryMb: parseInt(env.spark['spark.driver.memory']!, 10) * 1024 },
    workers,
    executorCores,
    executorMemoryMb,
    executorOverheadMb: Math.max(384, Math.round(executorMemoryMb * 0.1)),
    initialExecutors: initial,
    dynamicAllocation: dynamic ? { min: 1, max: k === 'large' ? 40 : 16, idleTimeoutMs: 60_000 } : undefined,
    speculation: k === 'speculation',
    excludeOnFailure,
    logBlockUpdates: k !== 'tiny',
    logStageExecutorMetrics: env.spark['spark.eventLog.logStageExecutorMetrics'] === 'true',
    metricsPollingMs: env.spark['spark.executor.metrics.pollingInterval'] ? 1000 : 0,
    environment: env,
    sessionConf,
    mainClass,
    mainFile: `${mainClass.split('.').pop()}.scala`,
    jobTags: rules.jobTags && yarn ? ['dataworks', `node_${rng.int(100000, 999999)}`] : [],
    driverPreamble: yarn
      ? [
          `YarnClientImplUtil: logview url: ${logview}`,
          `Client: Submitted applicationType SPARK application ${spec.appId} to ResourceManager at instanceId ${spec.instanceId ?? ''}`,
        ]
      : [],
    maxTaskFailures: spec.mode === 'local' ? 1 : 4,
  };
  return { cfg, rng };
}

// ---------------------------------------------------------------------------------------------
// Scenario steps

interface Ctx {
  sim: AppSimulator;
  spec: AppSpec;
  rng: Prng;
  ds: string;
  cls: string;
  p: ProjectSpec;
}

function sqlAggregate(c: Ctx, opts: { gap: number; scan: number; reduce: number; scanMs: number; reduceMs: number; write: boolean; tweak?: SqlPlan['tweak']; line: number }): JobOutcome[] {
  const { p } = c;
  return c.sim.runSql({
    query: { kind: 'aggregate', source: p.fact, target: opts.write ? p.target : null, groupBy: p.groupBy, measure: p.measure, ds: c.ds, shufflePartitions: opts.reduce },
    callsite: `sql at ${c.cls}.scala:${opts.line}`,
    gapBeforeMs: opts.gap,
    numTasks: [opts.scan, opts.reduce],
    medianTaskMs: [opts.scanMs, opts.reduceMs],
    inputBytesPerTask: c.rng.int(48, 200) * MB,
    tweak: opts.tweak,
  });
}

function sqlJoin(c: Ctx, opts: { gap: number; left: number; right: number; join: number; final: number; ms: number; write: boolean; tweak?: SqlPlan['tweak']; line: number }): JobOutcome[] {
  const { p } = c;
  return c.sim.runSql({
    query: { kind: 'join', left: p.fact, right: p.dim, joinKey: p.joinKey, target: opts.write ? p.target : null, groupBy: p.groupBy, measure: p.measure, ds: c.ds, shufflePartitions: opts.join },
    callsite: `sql at ${c.cls}.scala:${opts.line}`,
    gapBeforeMs: opts.gap,
    numTasks: [opts.left, opts.right, opts.join, opts.final],
    medianTaskMs: [opts.ms, Math.round(opts.ms * 0.4), Math.round(opts.ms * 0.8), Math.round(opts.ms * 0.3)],
    inputBytesPerTask: c.rng.int(64, 160) * MB,
    tweak: opts.tweak,
  });
}

function sqlCount(c: Ctx, gap: number, tasks: number, line: number): JobOutcome[] {
  return c.sim.runSql({
    query: { kind: 'count', source: c.p.fact, ds: c.ds },
    callsite: `count at ${c.cls}.scala:${line}`,
    gapBeforeMs: gap,
    numTasks: [tasks, 1],
    medianTaskMs: [c.rng.int(300, 900), 40],
    inputBytesPerTask: c.rng.int(32, 128) * MB,
  });
}

function firstFailure(outcomes: JobOutcome[]): JobOutcome | undefined {
  return outcomes.find((o) => !o.ok);
}

function rddPipeline(c: Ctx, cacheKey: string, level: 'mem' | 'memdisk'): void {
  const r = c.rng;
  const n = r.int(24, 48);
  const stages: StagePlan[] = [
    { name: `map at ${c.cls}.scala:48`, numTasks: n, parents: [], source: 'table', output: 'shuffle', rdds: [{ name: 'OdpsRDD', scope: 'textFile' }, { name: 'MapPartitionsRDD', scope: 'map' }], medianTaskMs: r.int(900, 2500), inputBytesPerTask: r.int(64, 128) * MB, shuffleRatio: 0.4 },
    {
      name: `count at ${c.cls}.scala:57`,
      numTasks: n,
      parents: [0],
      source: 'shuffle',
      output: 'result',
      rdds: [{ name: 'ShuffledRDD', scope: 'reduceByKey' }, { name: 'MapPartitionsRDD', scope: 'mapValues' }],
      medianTaskMs: r.int(500, 1400),
      cache: { key: cacheKey, storage: level === 'mem' ? STORAGE_MEMORY_ONLY : STORAGE_MEMORY_AND_DISK },
    },
  ];
  c.sim.runJob({ stages, callsite: `count at ${c.cls}.scala:57`, gapBeforeMs: r.int(2000, 6000) });
  // Two more actions read the cached RDD (PROCESS_LOCAL tasks, no recomputation).
  c.sim.runJob({
    stages: [
      { name: `map at ${c.cls}.scala:66`, numTasks: n, parents: [], source: 'cached', cachedKey: cacheKey, output: 'shuffle', rdds: [{ name: 'MapPartitionsRDD', scope: 'map' }], medianTaskMs: r.int(150, 400), shuffleRatio: 0.1 },
      { name: `collect at ${c.cls}.scala:71`, numTasks: r.int(4, 12), parents: [0], source: 'shuffle', output: 'result', rdds: [{ name: 'ShuffledRDD', scope: 'aggregateByKey' }], medianTaskMs: r.int(80, 300) },
    ],
    callsite: `collect at ${c.cls}.scala:71`,
    gapBeforeMs: r.int(500, 3000),
  });
  c.sim.runJob({
    stages: [{ name: `runJob at SparkHadoopWriter.scala:83`, numTasks: n, parents: [], source: 'cached', cachedKey: cacheKey, output: 'write', rdds: [{ name: 'MapPartitionsRDD', scope: 'saveAsTextFile' }], medianTaskMs: r.int(300, 900), outputRatio: 0.5 }],
    callsite: `saveAsTextFile at ${c.cls}.scala:80`,
    gapBeforeMs: r.int(500, 3000),
  });
}

/** Runs the scenario body; returns an error message when the application fails. */
function runScenario(c: Ctx): string | undefined {
  const r = c.rng;
  const k = c.spec.kind;
  switch (k) {
    case 'etl': {
      sqlCount(c, r.int(3000, 8000), r.int(8, 24), 41);
      sqlAggregate(c, { gap: r.int(1000, 4000), scan: r.int(16, 48), reduce: r.int(16, 60), scanMs: r.int(900, 3500), reduceMs: r.int(300, 1200), write: true, line: 58 });
      sqlJoin(c, { gap: r.int(1000, 4000), left: r.int(16, 40), right: r.int(2, 8), join: r.int(20, 60), final: r.int(8, 24), ms: r.int(800, 2500), write: true, line: 77 });
      return undefined;
    }
    case 'join':
      sqlJoin(c, { gap: r.int(3000, 8000), left: r.int(24, 64), right: r.int(4, 12), join: r.int(40, 100), final: r.int(10, 30), ms: r.int(1000, 3000), write: true, line: 64 });
      sqlAggregate(c, { gap: r.int(1000, 4000), scan: r.int(16, 32), reduce: r.int(16, 40), scanMs: r.int(600, 2000), reduceMs: r.int(200, 800), write: false, line: 90 });
      return undefined;
    case 'skew':
      sqlCount(c, r.int(3000, 8000), r.int(8, 16), 33);
      // One join key (a flagship shop / a bot user / a noisy service) holds most of the rows.
      sqlJoin(c, {
        gap: r.int(1000, 3000),
        left: r.int(24, 48),
        right: r.int(4, 8),
        join: r.int(60, 120),
        final: r.int(10, 20),
        ms: r.int(900, 2000),
        write: true,
        line: 52,
        tweak: (i, sp) => {
          if (i === 2) sp.skew = { hot: r.int(1, 2), factor: r.int(28, 45) };
        },
      });
      return undefined;
    case 'cache':
      rddPipeline(c, 'features', c.spec.version.startsWith('2') ? 'mem' : 'memdisk');
      sqlAggregate(c, { gap: r.int(1000, 3000), scan: r.int(16, 32), reduce: r.int(16, 40), scanMs: r.int(600, 1800), reduceMs: r.int(200, 700), write: true, line: 95 });
      // Some pipelines release their cache before exiting; most leave it to the shutdown, so
      // the Storage tab still shows the cached RDD.
      if (c.spec.version.startsWith('3.1')) c.sim.unpersist('features', r.int(200, 1500));
      return undefined;
    case 'oomFailure': {
      sqlCount(c, r.int(3000, 8000), r.int(8, 20), 29);
      const hot = r.int(0, 15);
      const out = sqlAggregate(c, {
        gap: r.int(1000, 4000),
        scan: r.int(24, 40),
        reduce: r.int(20, 60),
        scanMs: r.int(1500, 4000),
        reduceMs: r.int(400, 1200),
        write: true,
        line: 74,
        tweak: (i, sp) => {
          if (i === 0) sp.failures = [{ index: hot, times: 4, kind: 'oom' }];
        },
      });
      return firstFailure(out)?.error;
    }
    case 'udfFailure': {
      sqlAggregate(c, { gap: r.int(3000, 8000), scan: r.int(12, 30), reduce: r.int(12, 30), scanMs: r.int(600, 1800), reduceMs: r.int(200, 600), write: false, line: 36 });
      const idx = r.int(0, 10);
      const out = sqlAggregate(c, {
        gap: r.int(1000, 4000),
        scan: r.int(16, 32),
        reduce: r.int(16, 40),
        scanMs: r.int(800, 2000),
        reduceMs: r.int(200, 600),
        write: true,
        line: 41,
        tweak: (i, sp) => {
          if (i === 0) sp.failures = [{ index: idx, times: 4, kind: 'udfNumberFormat' }];
        },
      });
      return firstFailure(out)?.error;
    }
    case 'transientFailure':
      // Spilling aggregation runs out of execution memory twice, then the retry succeeds.
      sqlAggregate(c, {
        gap: r.int(3000, 8000),
        scan: r.int(16, 40),
        reduce: r.int(20, 50),
        scanMs: r.int(800, 2500),
        reduceMs: r.int(300, 900),
        write: true,
        line: 47,
        tweak: (i, sp) => {
          if (i === 1) sp.failures = [{ index: r.int(0, 10), times: 2, kind: 'sparkOom' }];
        },
      });
      sqlCount(c, r.int(1000, 3000), r.int(8, 16), 60);
      return undefined;
    case 'fetchFailure':
      sqlCount(c, r.int(3000, 8000), r.int(8, 16), 30);
      // An executor holding map output dies mid-way through the reduce stage: reducers hit
      // FetchFailed, the stage fails and is resubmitted together with the lost map tasks.
      sqlJoin(c, {
        gap: r.int(1000, 3000),
        left: r.int(24, 40),
        right: r.int(4, 8),
        join: r.int(40, 80),
        final: r.int(10, 20),
        ms: r.int(1500, 3000),
        write: true,
        line: 55,
        tweak: (i, sp) => {
          if (i === 2) sp.loseExecutor = { atProgress: 0.35, effect: 'fetch' };
        },
      });
      return undefined;
    case 'speculation':
      sqlAggregate(c, {
        gap: r.int(3000, 8000),
        scan: r.int(30, 60),
        reduce: r.int(20, 40),
        scanMs: r.int(1500, 3000),
        reduceMs: r.int(300, 900),
        write: true,
        line: 44,
        tweak: (i, sp) => {
          // A few tasks land on a slow node: speculative copies race them.
          if (i === 0) sp.stragglers = { count: 3, factor: 5 };
        },
      });
      sqlCount(c, r.int(1000, 3000), r.int(8, 16), 61);
      return undefined;
    case 'dynamicAllocation':
      // Jobs separated by more than the 60 s idle timeout: executors are released and
      // requested again, so the executor list shows adds and removes.
      sqlAggregate(c, {
        gap: r.int(3000, 8000),
        scan: r.int(40, 80),
        reduce: r.int(30, 60),
        scanMs: r.int(1200, 2500),
        reduceMs: r.int(300, 800),
        write: true,
        line: 50,
        tweak: (i, sp) => {
          if (i === 0 && c.spec.version.startsWith('3.1')) sp.flakyExecutor = { failures: 2, kind: 'diskFull' };
        },
      });
      sqlCount(c, r.int(70_000, 110_000), r.int(16, 32), 66);
      sqlJoin(c, { gap: r.int(70_000, 100_000), left: r.int(40, 80), right: r.int(6, 12), join: r.int(40, 80), final: r.int(10, 20), ms: r.int(800, 2000), write: true, line: 81 });
      return undefined;
    case 'excludeOnFailure':
      sqlAggregate(c, {
        gap: r.int(3000, 8000),
        scan: r.int(30, 50),
        reduce: r.int(20, 40),
        scanMs: r.int(1000, 2500),
        reduceMs: r.int(300, 900),
        write: true,
        line: 39,
        tweak: (i, sp) => {
          if (i === 0) sp.flakyExecutor = { failures: 2, kind: 'diskFull' };
        },
      });
      sqlCount(c, r.int(1000, 3000), r.int(8, 16), 52);
      return undefined;
    case 'pi': {
      const slices = r.pick([10, 20, 50, 100]);
      c.sim.runJob({
        stages: [{ name: `reduce at SparkPi.scala:38`, numTasks: slices, parents: [], source: 'parallelize', output: 'result', rdds: [{ name: 'ParallelCollectionRDD', scope: 'parallelize' }, { name: 'MapPartitionsRDD', scope: 'map' }], medianTaskMs: r.int(60, 400) }],
        callsite: 'reduce at SparkPi.scala:38',
        gapBeforeMs: r.int(1500, 5000),
      });
      return undefined;
    }
    case 'tiny':
      // Listing benchmarks: a complete but small application (one short job).
      c.sim.runJob({
        stages: [{ name: `count at ${c.cls}.scala:12`, numTasks: r.int(2, 6), parents: [], source: 'parallelize', output: 'result', rdds: [{ name: 'ParallelCollectionRDD', scope: 'parallelize' }], medianTaskMs: r.int(40, 300) }],
        callsite: `count at ${c.cls}.scala:12`,
        gapBeforeMs: r.int(1000, 4000),
      });
      return undefined;
    case 'large':
      sqlAggregate(c, { gap: r.int(5000, 10000), scan: 2400, reduce: 800, scanMs: 1800, reduceMs: 500, write: true, line: 71 });
      sqlCount(c, r.int(1000, 3000), 300, 88);
      return undefined;
    case 'dashboard':
      for (let i = 0; i < 6; i++) {
        sqlAggregate(c, { gap: r.int(8000, 20000), scan: r.int(4, 12), reduce: r.int(4, 12), scanMs: r.int(200, 800), reduceMs: r.int(80, 300), write: i % 3 === 2, line: 30 + i });
      }
      return undefined;
    case 'live': {
      // Prefix of the running dashboard app: a few refreshes until "now".
      const until = c.spec.until ?? Infinity;
      let i = 0;
      while (c.sim.clock < until - 90_000) {
        liveRound(c.sim, c.rng, c.p, c.cls, i++, [25_000, 60_000]);
      }
      return undefined;
    }
  }
}

/** One refresh of the live dashboard app (also used by liveApp.ts). */
export function liveRound(sim: AppSimulator, rng: Prng, p: ProjectSpec, cls: string, i: number, gapMs: [number, number] = [4000, 12000]): void {
  const ds = dsOf(sim.clock);
  const gap = rng.int(gapMs[0], gapMs[1]);
  if (i % 4 === 3) {
    sim.runSql({ query: { kind: 'count', source: p.fact, ds }, callsite: `count at ${cls}.scala:${40 + (i % 7)}`, gapBeforeMs: gap, numTasks: [rng.int(4, 10), 1], medianTaskMs: [rng.int(200, 600), 30], inputBytesPerTask: rng.int(8, 48) * MB });
  } else {
    sim.runSql({
      query: { kind: 'aggregate', source: p.fact, target: i % 4 === 1 ? p.target : null, groupBy: p.groupBy, measure: p.measure, ds, shufflePartitions: 16 },
      callsite: `sql at ${cls}.scala:${60 + (i % 5)}`,
      gapBeforeMs: gap,
      numTasks: [rng.int(6, 16), rng.int(6, 16)],
      medianTaskMs: [rng.int(300, 1200), rng.int(80, 400)],
      inputBytesPerTask: rng.int(8, 64) * MB,
    });
  }
}

export interface RunAppOptions {
  eventLogDir: string;
  /** <ws>/app-logs/<project>, or null for no driver/executor logs. */
  appLogDir: string | null;
  encoders: EncoderFactory | null;
}

export function runApp(spec: AppSpec, opts: RunAppOptions): AppResult {
  const { cfg } = appConfig(spec);
  const writer = openEventLog(
    { logDir: opts.eventLogDir, appId: spec.appId, attemptId: spec.attemptId, codec: spec.codec, layout: spec.layout, rollingMaxBytes: spec.rollingMaxBytes },
    opts.encoders,
  );
  const logs = new AppLogs(opts.appLogDir, spec.appId);
  const sim = new AppSimulator(cfg, writer, logs);
  sim.start();
  const ctx: Ctx = { sim, spec, rng: new Prng(deriveSeed(spec.seed, 'scenario', spec.appId, spec.attemptId ?? '')), ds: dsOf(spec.startTime), cls: cfg.mainFile.replace('.scala', ''), p: spec.project };
  if (spec.crash) {
    // Attempt killed mid-way: the first query runs, the next one is cut off by the AM dying.
    sqlCount(ctx, ctx.rng.int(3000, 6000), ctx.rng.int(8, 16), 33);
    const t = sim.crash('Container killed on request. Exit code is 137');
    writer.close({ completed: false, mtimeMs: t });
    logs.close(t);
    return result(spec, sim, writer, logs, t, false, false);
  }
  const error = runScenario(ctx);
  if (spec.running) {
    writer.drain();
    logs.drain();
    return { ...result(spec, sim, writer, logs, null, false, true), sim, writer, logs };
  }
  const end = sim.end({ exitOk: !error, error });
  writer.close({ completed: true, mtimeMs: end });
  logs.close(end);
  finishLogFiles(spec, sim, logs, end);
  return result(spec, sim, writer, logs, end, true, !error);
}

/**
 * What a standalone worker and Spark's logging settings do to the files once written: the worker's
 * RollingFileAppender rolls executor stdout/stderr by size (gzipping rolled pieces), and an application
 * with structured logging has its driver log in JSON lines.
 */
function finishLogFiles(spec: AppSpec, sim: AppSimulator, logs: AppLogs, end: number): void {
  if (!logs.enabled) return;
  if (spec.mode === 'standalone') {
    for (const execId of sim.allExecutorIds()) {
      for (const stream of ['stdout', 'stderr'] as const) {
        const file = logs.executorLogPath(execId, stream);
        if (file && fs.existsSync(file)) rollLogFileBySize(file, DEMO_ROLL_BYTES, true, end);
      }
    }
  }
  const driverLog = logs.driverLogPath();
  if (spec.structuredLogs && driverLog && fs.existsSync(driverLog)) rewriteAsStructuredLog(driverLog, end);
}

function result(spec: AppSpec, sim: AppSimulator, writer: EventLogWriter, logs: AppLogs, end: number | null, completed: boolean, ok: boolean): AppResult {
  return {
    spec,
    appId: spec.appId,
    attemptId: spec.attemptId,
    eventLogPath: writer.currentPath,
    driverLogPath: logs.driverLogPath(),
    executorIds: sim.allExecutorIds(),
    startTime: spec.startTime,
    endTime: end,
    completed,
    succeeded: ok,
    rawBytes: writer.rawBytes,
    diskBytes: writer.diskBytes,
    lines: writer.lines,
    tasks: sim.stats.tasks,
  };
}

export function instanceIdFor(spec: { startTime: number; seed: number; appId: string }): string {
  return makeInstanceId(spec.startTime - 5000, Prng.derive(spec.seed, 'instance', spec.appId));
}

export { MAXCOMPUTE_VERSIONS, type VersionLine };
export const appLogDirFor = (ws: string, project: string) => path.join(ws, 'app-logs', project);
