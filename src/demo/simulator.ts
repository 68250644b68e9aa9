// Discrete-event simulation of one Spark application: a driver scheduling tasks of jobs and
// stages onto executor cores, with failures, retries, speculation, executor churn, caching and
// SQL executions. Every listener event is written at the simulated moment it happens, so the
// log is ordered and internally consistent by construction:
//   - tasks run inside their stage window, stages inside their job, executors exist before
//     their tasks;
//   - data volumes per partition are fixed when a stage is created (a retried attempt writes
//     the same bytes), so Σ shuffle read of a stage = Σ shuffle write of its parents;
//   - stage accumulables at StageCompleted are the running sums of the task updates that
//     preceded it (late tasks after completion are not included, as in Spark).
// The same engine drives the workspace apps, the live appender and the benchmark log.

import { Prng, deriveSeed } from './prng.js';
import type { SparkVersionRules } from './sparkVersions.js';
import { EventWriter, type EnvironmentModel } from './eventWriters.js';
import type { EventLogWriter } from './eventLogFiles.js';
import { AppLogs, bytesToString, gcLogLineJava17, gcLogLineJava8 } from './executorLogs.js';
import { writeDriverPreamble, writeExecutorStartup, writeShutdownLogs } from './lifecycleLogs.js';
import { EventHeap, type HeapEntry } from './eventHeap.js';
import {
  STORAGE_NONE,
  zeroExecutorMetrics,
  zeroMetrics,
  type AccumulableModel,
  type ExecutorMetricsModel,
  type ExecutorModel,
  type Locality,
  type RddModel,
  type StageModel,
  type StorageLevelModel,
  type TaskEndReasonModel,
  type TaskInfoModel,
  type TaskMetricValues,
} from './model.js';
import { AccumulatorTotals, registerStageAccums, stageAccumulable, taskAccumulable, taskInternalUpdates, type InternalAccum } from './taskMetrics.js';
import {
  containerLossReason,
  dagSchedulerAbortFrames,
  executorLostErrorString,
  fetchFailedErrorString,
  fetchFailedMessage,
  jobAbortedMessage,
  parseFrame,
  taskException,
  type FailureKind,
} from './failures.js';
import { containerId as makeContainerId } from './naming.js';
import { instantiateQuery, sqlMetricValue, type QuerySpec, type SqlMetricInstance, type SqlQuery } from './sqlPlans.js';

// ---------------------------------------------------------------------------------------------
// Inputs

export interface HostInfo {
  host: string;
  ip: string;
}

export interface AppConfig {
  appId: string;
  attemptId?: string;
  /** YARN attempt number for container ids (1 unless this is a retry attempt). */
  yarnAttempt: number;
  name: string;
  user: string;
  rules: SparkVersionRules;
  mode: 'yarn' | 'standalone' | 'local';
  startTime: number;
  seed: number;
  javaMajor: 8 | 17;
  driver: HostInfo & { rpcPort: number; bmPort: number; cores: number; memoryMb: number };
  workers: HostInfo[];
  executorCores: number;
  executorMemoryMb: number;
  executorOverheadMb: number;
  initialExecutors: number;
  dynamicAllocation?: { min: number; max: number; idleTimeoutMs: number };
  speculation: boolean;
  excludeOnFailure: boolean;
  logBlockUpdates: boolean;
  logStageExecutorMetrics: boolean;
  /** spark.executor.metrics.pollingInterval (ms); 0 → heartbeat (10 s). */
  metricsPollingMs: number;
  environment: EnvironmentModel;
  /** Session confs copied into SQL job properties (SQLExecution propagates them). */
  sessionConf: Record<string, string>;
  mainClass: string;
  mainFile: string;
  jobTags: string[];
  /** Extra driver-log lines around submission (Logview URL etc.). */
  driverPreamble: string[];
  /** Task failures allowed before the job aborts (spark.task.maxFailures; 1 in local mode). */
  maxTaskFailures: number;
}

export type SourceKind = 'table' | 'shuffle' | 'cached' | 'parallelize';

export interface StagePlan {
  name: string;
  numTasks: number;
  /** Indices (into JobPlan.stages) of shuffle parents. */
  parents: number[];
  source: SourceKind;
  output: 'shuffle' | 'result' | 'write';
  rdds: { name: string; scope?: string }[];
  medianTaskMs: number;
  sigma?: number;
  inputBytesPerTask?: number;
  recordBytes?: number;
  shuffleRatio?: number;
  recordRatio?: number;
  outputRatio?: number;
  skew?: { hot: number; factor: number };
  stragglers?: { count: number; factor: number };
  failures?: { index: number; times: number; kind: FailureKind }[];
  /** A flaky executor fails this many tasks with kind (exclusion on failure scenario). */
  flakyExecutor?: { failures: number; kind: FailureKind };
  /** Lose an executor when this fraction of tasks succeeded ('fetch': reducers then hit FetchFailed). */
  loseExecutor?: { atProgress: number; effect: 'fetch' | 'lost' };
  /** Persist the stage's last RDD. */
  cache?: { key: string; storage: StorageLevelModel };
  /** For source 'cached': which cached RDD is read. */
  cachedKey?: string;
  /** Register this stage's shuffle output for reuse by later jobs. */
  key?: string;
  /** Stage is a reuse of an earlier stage (skipped if its output is still available). */
  reuseKey?: string;
  sqlMetrics?: SqlMetricInstance[];
}

export interface JobPlan {
  stages: StagePlan[];
  /** Call site of the action, e.g. "count at DailyOrders.scala:58". */
  callsite: string;
  gapBeforeMs: number;
  description?: string;
  jobGroup?: string;
  properties?: Record<string, string>;
}

export interface SqlPlan {
  query: QuerySpec;
  callsite: string;
  gapBeforeMs: number;
  numTasks: number[];
  medianTaskMs: number[];
  inputBytesPerTask?: number;
  /** Per-fragment overrides (skew, failures, executor loss...). */
  tweak?: (fragment: number, plan: StagePlan) => void;
  description?: string;
}

export interface JobOutcome {
  jobId: number;
  ok: boolean;
  error?: string;
}

// ---------------------------------------------------------------------------------------------
// Runtime state

interface ExecState extends ExecutorModel {
  ready: boolean;
  freeSlots: number;
  running: Set<TaskRun>;
  idleToken: number;
  em: ExecutorMetricsModel;
  allocatedKb: number;
  gcId: number;
  tasksRun: number;
  blocks: Map<string, number>;
  appExcluded: boolean;
  broadcastsSeen: Set<number>;
  failures: number;
  /** Scheduled removal (dynamic allocation / churn) not yet carried out. */
  pendingRemoval: (() => void) | null;
}

class StageRun {
  attempts: AttemptRun[] = [];
  rdds: RddModel[] = [];
  n: number;
  weights: Float64Array;
  inBytes: Float64Array;
  inRecords: Float64Array;
  srBytes: Float64Array;
  srRecords: Float64Array;
  swBytes: Float64Array;
  swRecords: Float64Array;
  outBytes: Float64Array;
  outRecords: Float64Array;
  /** Shuffle map output location per partition (exec id), null when missing. */
  mapOutputs: (string | null)[];
  /** Result partitions done. */
  resultDone: Uint8Array;
  parents: StageRun[] = [];
  parentMapTasks = 0;
  completedOnce = false;
  flakyBudget = 0;
  flakyExec: string | null = null;
  /** ShuffleDependency id of this stage's output (shared by later stages over the same shuffle). */
  shuffleId = -1;
  lossTriggered = false;
  details: string;

  constructor(
    readonly stageId: number,
    readonly plan: StagePlan,
    readonly job: JobRun,
    size = plan.numTasks,
  ) {
    this.n = size;
    const n = size;
    this.weights = new Float64Array(n);
    this.inBytes = new Float64Array(n);
    this.inRecords = new Float64Array(n);
    this.srBytes = new Float64Array(n);
    this.srRecords = new Float64Array(n);
    this.swBytes = new Float64Array(n);
    this.swRecords = new Float64Array(n);
    this.outBytes = new Float64Array(n);
    this.outRecords = new Float64Array(n);
    this.mapOutputs = new Array<string | null>(n).fill(null);
    this.resultDone = new Uint8Array(n);
    this.details = '';
  }

  /** Another stage over the same shuffle data (same arrays, same map-output registry). */
  static sharing(orig: StageRun, stageId: number, job: JobRun): StageRun {
    const s = new StageRun(stageId, orig.plan, job, 0);
    s.n = orig.n;
    s.weights = orig.weights;
    s.inBytes = orig.inBytes;
    s.inRecords = orig.inRecords;
    s.srBytes = orig.srBytes;
    s.srRecords = orig.srRecords;
    s.swBytes = orig.swBytes;
    s.swRecords = orig.swRecords;
    s.outBytes = orig.outBytes;
    s.outRecords = orig.outRecords;
    s.mapOutputs = orig.mapOutputs;
    s.resultDone = orig.resultDone;
    s.rdds = orig.rdds;
    s.details = orig.details;
    s.parentMapTasks = orig.parentMapTasks;
    s.completedOnce = orig.completedOnce;
    s.shuffleId = orig.shuffleId;
    return s;
  }

  get isShuffleMap(): boolean {
    return this.plan.output === 'shuffle';
  }

  get latest(): AttemptRun | undefined {
    return this.attempts[this.attempts.length - 1];
  }

  outputsAvailable(): boolean {
    return this.completedOnce && this.mapOutputs.every((e) => e !== null);
  }

  missingPartitions(): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.n; p++) {
      if (this.isShuffleMap ? this.mapOutputs[p] === null : this.resultDone[p] === 0) out.push(p);
    }
    return out;
  }
}

class AttemptRun {
  model: StageModel;
  nextIdx = 0;
  retry: number[] = [];
  running = new Set<TaskRun>();
  succeeded: Uint8Array;
  nSucceeded = 0;
  failures: Uint16Array;
  nextAttemptNo: Uint16Array;
  speculated: Uint8Array;
  accums: InternalAccum[];
  totals = new AccumulatorTotals();
  sqlUpdated = new Set<number>();
  finished = false;
  failed = false;
  /** StageCompleted written: later task updates no longer reach the logged stage accumulables. */
  completedEmitted = false;
  execFailures = new Map<string, number>();
  excluded = new Set<string>();
  durations: number[] = [];
  execsUsed = new Set<string>();
  broadcastId: number;
  // Where each successful task ran, to post Resubmitted TaskEnds if that executor is lost
  // while the stage is still running (typed arrays: stages can have 200k tasks).
  okTask: Float64Array;
  okLaunch: Float64Array;
  okFinish: Float64Array;
  okAttempt: Uint16Array;
  okExec: (string | null)[];
  okLocality: Locality[];

  constructor(
    readonly stage: StageRun,
    readonly attemptId: number,
    readonly partitions: number[],
    accums: InternalAccum[],
    broadcastId: number,
  ) {
    const n = partitions.length;
    this.succeeded = new Uint8Array(n);
    this.failures = new Uint16Array(n);
    this.nextAttemptNo = new Uint16Array(n);
    this.speculated = new Uint8Array(n);
    this.okTask = new Float64Array(n);
    this.okLaunch = new Float64Array(n);
    this.okFinish = new Float64Array(n);
    this.okAttempt = new Uint16Array(n);
    this.okExec = new Array<string | null>(n).fill(null);
    this.okLocality = new Array<Locality>(n);
    this.accums = accums;
    this.broadcastId = broadcastId;
    this.model = {
      stageId: stage.stageId,
      attemptId,
      name: stage.plan.name,
      numTasks: n,
      rdds: stage.rdds,
      parentIds: stage.parents.map((p) => p.stageId),
      details: stage.details,
      accumulables: [],
    };
  }

  get n(): number {
    return this.partitions.length;
  }

  hasPending(): boolean {
    return this.retry.length > 0 || this.nextIdx < this.n;
  }

  pendingCount(): number {
    return this.retry.length + (this.n - this.nextIdx);
  }
}

type Outcome =
  | { kind: 'success' }
  | { kind: 'exception'; failure: FailureKind; fatal: boolean }
  | { kind: 'fetchFailed'; victim: ExecState; shuffleStage: StageRun; mapPartition: number };

class TaskRun {
  startEntry: HeapEntry | null = null;
  endEntry: HeapEntry | null = null;
  done = false;
  started = false;
  twin: TaskRun | null = null;

  constructor(
    readonly taskId: number,
    readonly att: AttemptRun,
    readonly idx: number,
    readonly partition: number,
    readonly attemptNo: number,
    readonly exec: ExecState,
    readonly launch: number,
    public end: number,
    readonly speculative: boolean,
    readonly locality: Locality,
    public outcome: Outcome,
    readonly metrics: TaskMetricValues,
  ) {}
}

class JobRun {
  stages: StageRun[] = [];
  finalStage!: StageRun;
  done = false;
  ok = true;
  error?: string;
  submitTime = 0;
  props: Record<string, string> = {};
  constructor(
    readonly jobId: number,
    readonly plan: JobPlan,
    readonly sql: SqlRun | null,
  ) {}
}

interface SqlRun {
  executionId: number;
  query: SqlQuery;
  totals: AccumulatorTotals;
}

interface CachedRdd {
  rdd: RddModel;
  sizes: Float64Array;
  location: (string | null)[];
  storage: StorageLevelModel;
}

/** Counters and state that survive between jobs (checkpointed by the live appender). */
export interface SimCheckpoint {
  clock: number;
  rng: number;
  nextTaskId: number;
  nextStageId: number;
  nextJobId: number;
  nextRddId: number;
  nextAccumId: number;
  nextShuffleId: number;
  nextBroadcastId: number;
  nextExecNum: number;
  nextContainerNum: number;
  nextSqlId: number;
  nextAttr: number;
  executors: ExecutorModel[];
}

const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------

export class AppSimulator {
  readonly w: EventWriter;
  readonly rng: Prng;
  clock: number;
  private heap = new EventHeap();
  private execs = new Map<string, ExecState>();
  private active: AttemptRun[] = [];
  private stagesByKey = new Map<string, StageRun>();
  private cached = new Map<string, CachedRdd>();
  private requested = 0;
  private daRound = 0;
  private daCheckPending = false;
  private nextTaskId = 0;
  private nextStageId = 0;
  private nextJobId = 0;
  private nextRddId = 0;
  private nextAccumId = 0;
  private nextShuffleId = 0;
  private nextBroadcastId = 0;
  private nextExecNum = 1;
  private nextContainerNum = 2;
  private nextSqlId = 0;
  private nextAttr = 0;
  private currentJob: JobRun | null = null;
  private lastEventTime = 0;
  private driverBm: { executorId: string; host: string; port: number };
  readonly stats = { tasks: 0, stages: 0, jobs: 0 };

  constructor(
    readonly cfg: AppConfig,
    readonly out: EventLogWriter,
    readonly logs: AppLogs,
  ) {
    this.w = new EventWriter(cfg.rules);
    this.rng = new Prng(deriveSeed(cfg.seed, 'sim', cfg.appId, cfg.attemptId ?? ''));
    this.clock = cfg.startTime;
    this.driverBm = { executorId: 'driver', host: cfg.driver.host, port: cfg.driver.bmPort };
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private emit(line: string): void {
    this.out.writeLine(line);
    this.lastEventTime = this.clock;
  }

  private at(t: number, fn: () => void): HeapEntry {
    return this.heap.push(Math.max(t, this.clock), fn);
  }

  /** Run every scheduled callback up to and including time t. */
  advanceTo(t: number): void {
    for (;;) {
      const nt = this.heap.peekTime();
      if (nt > t) break;
      const e = this.heap.pop()!;
      this.clock = Math.max(this.clock, e.t);
      e.fn();
    }
    this.clock = Math.max(this.clock, t);
  }

  /** Run callbacks until pred() holds (or nothing is left). */
  private runUntil(pred: () => boolean): void {
    while (!pred()) {
      const e = this.heap.pop();
      if (!e) throw new Error(`simulation stalled in ${this.cfg.appId} at ${this.clock}`);
      this.clock = Math.max(this.clock, e.t);
      e.fn();
    }
  }

  get busy(): boolean {
    return this.currentJob !== null;
  }

  private get drvLog(): boolean {
    return this.logs.enabled;
  }

  private schedulerName(): string {
    return this.cfg.mode === 'yarn' ? 'YarnClusterScheduler' : 'TaskSchedulerImpl';
  }

  private units(b: number): string {
    return bytesToString(b, this.cfg.rules.binaryUnits);
  }

  // ---- application lifecycle ------------------------------------------------------------------

  start(): void {
    const c = this.cfg;
    const r = c.rules;
    const t0 = c.startTime;
    this.clock = t0;
    if (this.drvLog) writeDriverPreamble(this.logs, c, this.rng, t0);
    this.emit(this.w.logStart());
    if (r.resourceProfiles) {
      this.emit(this.w.resourceProfileAdded({ id: 0, cores: c.executorCores, memoryMb: c.executorMemoryMb, offHeapMb: 0, overheadMb: c.mode === 'yarn' ? c.executorOverheadMb : undefined, taskCpus: 1 }));
    }
    const bmTime = t0 + this.rng.int(400, 1400);
    this.clock = bmTime;
    const driverMem = Math.round(c.driver.memoryMb * MB * 0.6 - 300 * MB * 0.6);
    if (c.mode === 'local') {
      // local[N]: tasks run inside the driver, whose executor id is "driver". 3.x logs an
      // ExecutorAdded for it (see the 3.3 sample log); 2.x only its BlockManagerAdded.
      const drv: ExecState = this.newExecState({ id: 'driver', host: c.driver.host, ip: c.driver.ip, port: c.driver.bmPort, cores: c.executorCores, maxMemory: driverMem, maxOnHeap: driverMem, maxOffHeap: 0, addTime: bmTime - 20, logUrls: {}, attributes: {}, pid: this.rng.int(2000, 60000), alive: true });
      drv.ready = true;
      this.execs.set('driver', drv);
      if (r.executorAttributes) this.emit(this.w.executorAdded(drv, bmTime - 20));
    }
    this.emit(this.w.blockManagerAdded(this.driverBm, driverMem, bmTime, driverMem, 0));
    this.emit(this.w.environmentUpdate(c.environment));
    const driverLogs =
      c.mode === 'yarn'
        ? {
            stdout: `http://${c.driver.host}:8042/node/containerlogs/${makeContainerId(c.appId, c.yarnAttempt, 1)}/${c.user}/stdout?start=-4096`,
            stderr: `http://${c.driver.host}:8042/node/containerlogs/${makeContainerId(c.appId, c.yarnAttempt, 1)}/${c.user}/stderr?start=-4096`,
          }
        : undefined;
    const driverAttrs = c.mode === 'yarn' ? this.yarnAttributes(c.driver.host, makeContainerId(c.appId, c.yarnAttempt, 1)) : undefined;
    this.emit(this.w.applicationStart({ name: c.name, appId: c.appId, ts: t0, user: c.user, attemptId: c.attemptId, driverLogs, driverAttributes: driverAttrs }));
    if (this.drvLog) {
      this.logs.driver(bmTime, 'INFO', 'BlockManagerMasterEndpoint', `Registering block manager ${c.driver.host}:${c.driver.bmPort} with ${this.units(driverMem)} RAM, BlockManagerId(driver, ${c.driver.host}, ${c.driver.bmPort}, None)`);
      this.logs.driver(bmTime + 5, 'INFO', 'BlockManager', `Initialized BlockManager: BlockManagerId(driver, ${c.driver.host}, ${c.driver.bmPort}, None)`);
    }
    if (c.mode !== 'local') {
      const n = c.dynamicAllocation ? Math.max(c.dynamicAllocation.min, c.initialExecutors) : c.initialExecutors;
      this.requestExecutors(n, 2500, 7000);
    }
  }

  /** SparkContext.stop(): remaining executors exit, ApplicationEnd is written. */
  end(opts: { exitOk: boolean; error?: string }): number {
    // Let late events (killed speculative attempts, zombie tasks) finish first.
    this.runUntil(() => this.active.length === 0 && ![...this.execs.values()].some((e) => e.running.size > 0));
    this.heap.clear();
    const t = Math.max(this.clock, this.lastEventTime) + this.rng.int(200, 1500);
    this.clock = t;
    const c = this.cfg;
    if (this.drvLog) writeShutdownLogs(this.logs, c, [...this.execs.values()].filter((e) => e.alive).map((e) => e.id), t, opts.exitOk ? undefined : opts.error);
    this.emit(this.w.applicationEnd(t));
    return t;
  }

  /**
   * Let every in-flight task and stage finish, then drop pending timers. Used before a
   * checkpoint so the log on disk and the simulator state describe the same moment.
   */
  settle(): void {
    this.runUntil(() => this.currentJob === null && this.active.length === 0 && ![...this.execs.values()].some((e) => e.running.size > 0));
    // Removals already decided (idle timeout, churn) happen now rather than being dropped.
    for (const e of [...this.execs.values()]) e.pendingRemoval?.();
    this.heap.clear();
    this.daCheckPending = false;
    this.requested = 0;
    for (const e of this.execs.values()) this.markIdle(e);
  }

  /** Driver killed: the log simply stops (no ApplicationEnd, file stays .inprogress). */
  crash(reason: string): number {
    this.heap.clear();
    if (this.drvLog) this.logs.driver(this.clock + 5, 'ERROR', 'ApplicationMaster', `RECEIVED SIGNAL TERM\n${reason}`);
    return this.clock;
  }

  // ---- executors ------------------------------------------------------------------------------

  private yarnAttributes(host: string, container: string): Record<string, string> {
    return {
      NM_HTTP_ADDRESS: `${host}:8042`,
      USER: this.cfg.user,
      LOG_FILES: 'stderr,stdout',
      NM_HTTP_PORT: '8042',
      CLUSTER_ID: '',
      NM_PORT: '8041',
      HTTP_SCHEME: 'http://',
      NM_HOST: host,
      CONTAINER_ID: container,
    };
  }

  private requestExecutors(n: number, minDelay: number, maxDelay: number): void {
    const requestTime = this.clock;
    for (let i = 0; i < n; i++) {
      this.requested++;
      const t = this.clock + this.rng.int(minDelay, maxDelay) + i * this.rng.int(20, 300);
      this.at(t, () => this.registerExecutor(requestTime));
    }
  }

  private registerExecutor(requestTime: number): void {
    this.requested = Math.max(0, this.requested - 1);
    const c = this.cfg;
    const id = String(this.nextExecNum++);
    const worker = c.workers[(Number(id) * 7 + this.rng.int(0, c.workers.length - 1)) % c.workers.length]!;
    const container = c.mode === 'yarn' ? makeContainerId(c.appId, c.yarnAttempt, this.nextContainerNum++) : undefined;
    const maxMem = Math.round((c.executorMemoryMb - 300) * MB * 0.6);
    const logUrls =
      c.mode === 'yarn'
        ? {
            stdout: `http://${worker.host}:8042/node/containerlogs/${container}/${c.user}/stdout?start=-4096`,
            stderr: `http://${worker.host}:8042/node/containerlogs/${container}/${c.user}/stderr?start=-4096`,
          }
        : { stdout: `http://${worker.ip}:8081/logPage/?appId=${c.appId}&executorId=${id}&logType=stdout`, stderr: `http://${worker.ip}:8081/logPage/?appId=${c.appId}&executorId=${id}&logType=stderr` };
    const e = this.newExecState({
      id,
      host: worker.host,
      ip: worker.ip,
      port: this.rng.int(30000, 45999),
      cores: c.executorCores,
      maxMemory: maxMem,
      maxOnHeap: maxMem,
      maxOffHeap: 0,
      addTime: this.clock,
      requestTime: c.mode === 'yarn' ? requestTime : undefined,
      logUrls,
      attributes: c.mode === 'yarn' ? this.yarnAttributes(worker.host, container!) : {},
      containerId: container,
      pid: this.rng.int(2000, 60000),
      alive: true,
    });
    this.execs.set(id, e);
    this.emit(this.w.executorAdded(e, this.clock));
    this.logs.touchExecutor(id);
    if (this.drvLog) writeExecutorStartup(this.logs, this.cfg, this.rng, e, this.clock);
    this.at(this.clock + this.rng.int(30, 250), () => {
      if (!e.alive) return;
      this.emit(this.w.blockManagerAdded({ executorId: id, host: e.host, port: e.port }, maxMem, this.clock, maxMem, 0));
      if (this.drvLog) this.logs.driver(this.clock, 'INFO', 'BlockManagerMasterEndpoint', `Registering block manager ${e.host}:${e.port} with ${this.units(maxMem)} RAM, BlockManagerId(${id}, ${e.host}, ${e.port}, None)`);
      e.ready = true;
      this.markIdle(e);
      this.schedule();
    });
  }

  private newExecState(m: ExecutorModel): ExecState {
    const e: ExecState = {
      ...m,
      ready: false,
      freeSlots: m.cores,
      running: new Set(),
      idleToken: 0,
      em: zeroExecutorMetrics(),
      allocatedKb: 0,
      gcId: 0,
      tasksRun: 0,
      blocks: new Map(),
      appExcluded: false,
      broadcastsSeen: new Set(),
      failures: 0,
      pendingRemoval: null,
    };
    e.em.JVMHeapMemory = Math.round(this.cfg.executorMemoryMb * MB * 0.08);
    e.em.JVMOffHeapMemory = this.rng.int(40, 70) * MB;
    e.em.DirectPoolMemory = this.rng.int(8, 20) * MB;
    return e;
  }

  private markIdle(e: ExecState): void {
    if (e.running.size > 0 || !e.alive) return;
    const token = ++e.idleToken;
    const da = this.cfg.dynamicAllocation;
    if (!da) return;
    this.at(this.clock + da.idleTimeoutMs, () => {
      if (!e.alive || e.idleToken !== token || e.running.size > 0) return;
      const alive = [...this.execs.values()].filter((x) => x.alive).length;
      if (alive <= da.min) return;
      if (this.drvLog) {
        const msg = this.cfg.rules.major >= 3 ? `Executors ${e.id} removed due to idle timeout.` : `Removing executor ${e.id} because it has been idle for ${da.idleTimeoutMs / 1000} seconds (new desired total will be ${alive - 1})`;
        this.logs.driver(this.clock, 'INFO', 'ExecutorAllocationManager', msg);
        this.logs.driver(this.clock + 1, 'INFO', this.cfg.mode === 'yarn' ? 'YarnClusterSchedulerBackend' : 'StandaloneSchedulerBackend', `Requesting to kill executor(s) ${e.id}`);
      }
      const reason = this.cfg.mode === 'yarn' ? containerLossReason('released', e.containerId!, e.host, 0) : 'Executor killed by driver.';
      // Pending removal: the scheduler stops offering its cores right away.
      e.ready = false;
      this.removeExecutor(e, reason, false, this.clock + this.rng.int(200, 900));
    });
  }

  /** Removes an executor at time t. lost=true: unexpected loss (outputs and running tasks are lost). */
  private removeExecutor(e: ExecState, reason: string, lost: boolean, t: number): void {
    let entry: HeapEntry | null = null;
    const run = () => {
      if (entry) entry.cancelled = true;
      e.pendingRemoval = null;
      this.doRemoveExecutor(e, reason, lost);
    };
    if (!lost) e.pendingRemoval = run;
    entry = this.at(t, run);
  }

  private doRemoveExecutor(e: ExecState, reason: string, lost: boolean): void {
    if (!e.alive) return;
    e.alive = false;
    e.ready = false;
    e.removeTime = this.clock;
    e.removeReason = reason;
    this.emit(this.w.blockManagerRemoved({ executorId: e.id, host: e.host, port: e.port }, this.clock));
    this.emit(this.w.executorRemoved(e.id, this.clock, reason));
    if (this.drvLog) {
      if (lost) {
        this.logs.driver(this.clock, 'ERROR', this.schedulerName(), `Lost executor ${e.id} on ${e.host}: ${reason}`);
      } else {
        this.logs.driver(this.clock, 'INFO', this.schedulerName(), `Executor ${e.id} on ${e.host} killed by driver.`);
        this.logs.executor(e.id, this.clock - 30, 'ERROR', 'CoarseGrainedExecutorBackend', 'RECEIVED SIGNAL TERM');
        this.logs.executor(e.id, this.clock - 20, 'INFO', 'MemoryStore', 'MemoryStore cleared');
        this.logs.executor(e.id, this.clock - 19, 'INFO', 'BlockManager', 'BlockManager stopped');
        this.logs.executor(e.id, this.clock - 10, 'INFO', 'ShutdownHookManager', 'Shutdown hook called');
      }
      this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `Executor lost: ${e.id} (epoch ${this.rng.int(1, 40)})`);
      this.logs.driver(this.clock + 2, 'INFO', 'BlockManagerMasterEndpoint', `Trying to remove executor ${e.id} from BlockManagerMaster.`);
      this.logs.driver(this.clock + 3, 'INFO', 'BlockManagerMaster', `Removed ${e.id} successfully in removeExecutor`);
    }
    for (const c of this.cached.values()) {
      for (let p = 0; p < c.location.length; p++) if (c.location[p] === e.id) c.location[p] = null;
    }
    if (lost) this.onExecutorLost(e, reason);
  }

  private onExecutorLost(e: ExecState, reason: string): void {
    // Map outputs stored on the executor are gone (no external shuffle service).
    for (const s of this.allStages()) {
      if (!s.isShuffleMap) continue;
      for (let p = 0; p < s.n; p++) if (s.mapOutputs[p] === e.id) s.mapOutputs[p] = null;
    }
    let k = 0;
    for (const task of [...e.running]) {
      if (!task.started) {
        // Not launched yet from the log's point of view: quietly requeue.
        task.startEntry!.cancelled = true;
        task.endEntry!.cancelled = true;
        this.releaseSlot(task);
        task.att.running.delete(task);
        task.done = true;
        task.att.retry.push(task.idx);
        continue;
      }
      task.endEntry!.cancelled = true;
      const at = this.clock + 2 + k++;
      this.at(at, () => this.finishLostTask(task, reason));
    }
    // Shuffle map stages still running lose the outputs they already produced on e: Spark posts
    // a Resubmitted TaskEnd for each (no TaskStart, no metrics) and re-runs them.
    for (const att of this.active) {
      const s = att.stage;
      if (!s.isShuffleMap || att.finished) continue;
      for (let i = 0; i < att.n; i++) {
        if (!att.succeeded[i] || att.okExec[i] !== e.id) continue;
        att.succeeded[i] = 0;
        att.nSucceeded--;
        att.retry.push(i);
        const info: TaskInfoModel = {
          taskId: att.okTask[i]!,
          index: i,
          attempt: att.okAttempt[i]!,
          partitionId: att.partitions[i]!,
          launchTime: att.okLaunch[i]!,
          executorId: e.id,
          host: e.host,
          locality: att.okLocality[i]!,
          speculative: false,
          gettingResultTime: 0,
          finishTime: att.okFinish[i]!,
          failed: false,
          killed: false,
          accumulables: [],
        };
        const lineAt = this.clock + 3 + k++;
        this.at(lineAt, () => {
          this.emit(this.w.taskEnd({ stageId: s.stageId, stageAttempt: att.attemptId, taskType: 'ShuffleMapTask', reason: { kind: 'Resubmitted' }, info, executorMetrics: zeroExecutorMetrics() }));
          if (this.drvLog) this.logs.driver(this.clock, 'INFO', 'TaskSetManager', `Resubmitting ShuffleMapTask ${i} (on ${e.host}) because executor ${e.id} was lost`);
        });
      }
    }
    // YARN replaces lost containers; with dynamic allocation the backlog check does it.
    if (!this.cfg.dynamicAllocation) this.requestExecutors(1, 3000, 8000);
    this.at(this.clock + 10 + k, () => this.schedule());
  }

  private *allStages(): Iterable<StageRun> {
    const seen = new Set<StageRun>();
    for (const s of this.stagesByKey.values()) seen.add(s);
    for (const a of this.active) seen.add(a.stage);
    if (this.currentJob) for (const s of this.currentJob.stages) seen.add(s);
    for (const s of this.recentStages) seen.add(s);
    yield* seen;
  }

  private recentStages: StageRun[] = [];

  // ---- jobs -----------------------------------------------------------------------------------

  /** Run a job to completion (batch generation). */
  runJob(plan: JobPlan, sql: SqlRun | null = null): JobOutcome {
    this.advanceTo(this.clock + plan.gapBeforeMs);
    const job = this.startJob(plan, sql);
    this.runUntil(() => job.done);
    return { jobId: job.jobId, ok: job.ok, error: job.error };
  }

  /** Submit a job now; events then unfold as the clock advances (live mode). */
  startJob(plan: JobPlan, sql: SqlRun | null = null): JobRun {
    const job = new JobRun(this.nextJobId++, plan, sql);
    this.currentJob = job;
    this.stats.jobs++;
    job.submitTime = this.clock;
    // Create stages (parents first, so the final stage gets the highest id, as in Spark).
    for (const sp of plan.stages) {
      if (sp.reuseKey) {
        // A later job reading a shuffle computed by an earlier job gets a *new* stage (new id)
        // for that shuffle: the old stage was cleaned up with its job. Its output is still
        // registered, so the new stage is never submitted and ends up "skipped" — unless map
        // output was lost since, in which case it runs for the missing partitions. (AQE query
        // stages in the 3.3 sample log show exactly this pattern.)
        const orig = this.stagesByKey.get(sp.reuseKey);
        if (!orig) throw new Error(`unknown reused stage ${sp.reuseKey}`);
        const s = StageRun.sharing(orig, this.nextStageId++, job);
        s.parents = sp.parents.map((i) => job.stages[i]!);
        job.stages.push(s);
        continue;
      }
      const s = new StageRun(this.nextStageId++, sp, job);
      s.parents = sp.parents.map((i) => job.stages[i]!);
      this.prepareStage(s);
      if (sp.key) this.stagesByKey.set(sp.key, s);
      job.stages.push(s);
    }
    this.recentStages = job.stages.slice();
    job.finalStage = job.stages[job.stages.length - 1]!;
    const props: Record<string, string> = { ...(plan.properties ?? {}) };
    if (sql) {
      Object.assign(props, this.cfg.sessionConf);
      props['spark.sql.execution.id'] = String(sql.executionId);
      if (this.cfg.rules.sqlRootExecutionId) props['spark.sql.execution.root.id'] = String(sql.executionId);
    }
    if (plan.description) props['spark.job.description'] = plan.description;
    if (plan.jobGroup) props['spark.jobGroup.id'] = plan.jobGroup;
    if (this.cfg.rules.jobTags && this.cfg.jobTags.length > 0) props['spark.job.tags'] = this.cfg.jobTags.join(',');
    props['spark.rdd.scope'] = JSON.stringify({ id: String(this.rng.int(1, 400)), name: plan.callsite.split(' at ')[0] });
    props['spark.rdd.scope.noOverride'] = 'true';
    props['callSite.short'] = plan.callsite;
    job.props = props;

    const infos = [...new Set(job.stages)].sort((a, b) => a.stageId - b.stageId).map((s) => this.stageInfoForJob(s));
    if (this.drvLog) this.jobStartLogs(job);
    this.emit(this.w.jobStart(job.jobId, this.clock, infos, props));
    this.at(this.clock + this.rng.int(3, 15), () => this.submitReady(job));
    return job;
  }

  private stageInfoForJob(s: StageRun): StageModel {
    const latest = s.latest;
    if (latest) return latest.model;
    return { stageId: s.stageId, attemptId: 0, name: s.plan.name, numTasks: s.n, rdds: s.rdds, parentIds: s.parents.map((p) => p.stageId), details: s.details, accumulables: [] };
  }

  private jobStartLogs(job: JobRun): void {
    const f = job.finalStage;
    const kind = (s: StageRun) => (s.isShuffleMap ? 'ShuffleMapStage' : 'ResultStage');
    this.logs.driver(this.clock, 'INFO', 'SparkContext', `Starting job: ${job.plan.callsite}`);
    this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `Got job ${job.jobId} (${job.plan.callsite}) with ${f.n} output partitions`);
    this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `Final stage: ${kind(f)} ${f.stageId} (${f.plan.name})`);
    this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `Parents of final stage: List(${f.parents.map((p) => `${kind(p)} ${p.stageId}`).join(', ')})`);
    const missing = f.parents.filter((p) => !p.outputsAvailable());
    this.logs.driver(this.clock + 2, 'INFO', 'DAGScheduler', `Missing parents: List(${missing.map((p) => `${kind(p)} ${p.stageId}`).join(', ')})`);
  }

  /** Submit every stage of the job whose parents' outputs are available. */
  private submitReady(job: JobRun): void {
    if (job.done) return;
    for (const s of job.stages) {
      if (this.isStageActive(s)) continue;
      if (s.isShuffleMap ? s.outputsAvailable() : s.missingPartitions().length === 0) continue;
      if (s.parents.every((p) => p.outputsAvailable())) this.submitStage(s);
    }
  }

  private isStageActive(s: StageRun): boolean {
    const a = s.latest;
    return !!a && !a.finished;
  }

  private prepareStage(s: StageRun): void {
    const p = s.plan;
    const r = new Prng(deriveSeed(this.cfg.seed, this.cfg.appId, 'stage', s.stageId));
    const n = s.n;
    const sigma = 0.18;
    const hot = new Set<number>();
    if (p.skew) {
      while (hot.size < Math.min(p.skew.hot, n)) hot.add(r.int(0, n - 1));
    }
    let W = 0;
    for (let i = 0; i < n; i++) {
      let w = Math.exp(sigma * r.normal());
      if (hot.has(i)) w *= p.skew!.factor * r.float(0.8, 1.2);
      s.weights[i] = w;
      W += w;
    }
    const recordBytes = p.recordBytes ?? 180;
    if (p.source === 'table') {
      const base = p.inputBytesPerTask ?? 128 * MB;
      for (let i = 0; i < n; i++) {
        const b = Math.round(base * s.weights[i]!);
        s.inBytes[i] = b;
        s.inRecords[i] = Math.max(1, Math.round(b / recordBytes));
      }
    } else if (p.source === 'cached') {
      const c = this.cached.get(p.cachedKey!);
      for (let i = 0; i < n; i++) {
        const b = c ? Math.round(c.sizes[i % c.sizes.length]!) : 32 * MB;
        s.inBytes[i] = b;
        s.inRecords[i] = Math.max(1, Math.round(b / recordBytes / 2.5));
      }
    } else if (p.source === 'parallelize') {
      for (let i = 0; i < n; i++) s.inRecords[i] = 1000;
    } else {
      let totalB = 0;
      let totalR = 0;
      let mapTasks = 0;
      for (const parent of s.parents) {
        for (let i = 0; i < parent.n; i++) {
          totalB += parent.swBytes[i]!;
          totalR += parent.swRecords[i]!;
        }
        mapTasks += parent.n;
      }
      s.parentMapTasks = mapTasks;
      let accB = 0;
      let accR = 0;
      for (let i = 0; i < n; i++) {
        const b = i === n - 1 ? totalB - accB : Math.floor((totalB * s.weights[i]!) / W);
        const rr = i === n - 1 ? totalR - accR : Math.floor((totalR * s.weights[i]!) / W);
        s.srBytes[i] = b;
        s.srRecords[i] = rr;
        accB += b;
        accR += rr;
      }
    }
    const shuffleRatio = p.shuffleRatio ?? 0.35;
    const recordRatio = p.recordRatio ?? 0.6;
    for (let i = 0; i < n; i++) {
      const processed = p.source === 'shuffle' ? s.srBytes[i]! * 2.2 : s.inBytes[i]!;
      const records = p.source === 'shuffle' ? s.srRecords[i]! : s.inRecords[i]!;
      if (p.output === 'shuffle') {
        s.swBytes[i] = Math.max(64, Math.round(processed * shuffleRatio * r.float(0.9, 1.1)));
        s.swRecords[i] = Math.max(1, Math.round(records * recordRatio));
      } else if (p.output === 'write') {
        s.outBytes[i] = Math.max(256, Math.round(processed * (p.outputRatio ?? 0.25)));
        s.outRecords[i] = Math.max(1, Math.round(records * recordRatio));
      }
    }
    if (p.flakyExecutor) s.flakyBudget = p.flakyExecutor.failures;
    if (p.output === 'shuffle') s.shuffleId = this.nextShuffleId++;
    // RDD chain with global ids (source first).
    const rdds: RddModel[] = [];
    let prev: number[] = [];
    if (p.source === 'cached') {
      const c = this.cached.get(p.cachedKey!);
      if (c) {
        rdds.push(c.rdd);
        prev = [c.rdd.id];
      }
    }
    const userCallsite = p.name;
    for (const [i, def] of p.rdds.entries()) {
      const id = this.nextRddId++;
      const isLast = i === p.rdds.length - 1;
      const storage = isLast && p.cache ? p.cache.storage : STORAGE_NONE;
      rdds.push({
        id,
        name: def.name,
        scope: def.scope ? { id: String(this.rng.int(0, 60)), name: def.scope } : undefined,
        callsite: userCallsite,
        parentIds: prev,
        storage,
        numPartitions: n,
        deterministicLevel: 'DETERMINATE',
      });
      prev = [id];
    }
    // Spark lists a stage's RDDs newest first.
    s.rdds = rdds.reverse();
    s.details = this.stageDetails(p.name, !!p.sqlMetrics);
    if (p.cache) {
      const last = s.rdds[0]!;
      this.cached.set(p.cache.key, { rdd: last, sizes: new Float64Array(n), location: new Array<string | null>(n).fill(null), storage: p.cache.storage });
    }
  }

  /** The long call site Spark stores as stage Details: the user frame and what is below it. */
  private stageDetails(callsite: string, sql = false): string {
    const c = this.cfg;
    const j8 = c.javaMajor < 17;
    if (callsite.startsWith('$anonfun$withThreadLocalCaptured$1')) {
      // AQE materializes query stages from a thread pool; the call site is that thread's.
      return [
        j8 ? 'java.util.concurrent.FutureTask.run(FutureTask.java:266)' : 'java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)',
        j8 ? 'java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)' : 'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
        j8 ? 'java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)' : 'java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
        j8 ? 'java.lang.Thread.run(Thread.java:750)' : 'java.base/java.lang.Thread.run(Thread.java:840)',
      ].join('\n');
    }
    const m = /^(\w+) at /.exec(callsite);
    const op = m ? m[1]! : 'collect';
    const line = /:(\d+)$/.exec(callsite)?.[1] ?? '42';
    const sparkFrame =
      op === 'sql'
        ? `org.apache.spark.sql.SparkSession.sql(SparkSession.scala:${c.rules.major >= 3 ? 618 : 642})`
        : sql
          ? `org.apache.spark.sql.Dataset.${op}(Dataset.scala:${c.rules.major >= 3 ? 3 : 2}${this.rng.int(100, 900)})`
          : `org.apache.spark.rdd.RDD.${op}(RDD.scala:${this.rng.int(900, 1300)})`;
    return [
      sparkFrame,
      `${c.mainClass}$.main(${c.mainFile}:${line})`,
      `${c.mainClass}.main(${c.mainFile})`,
      j8 ? 'sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)' : 'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
      j8 ? 'sun.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:62)' : 'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)',
      j8 ? 'java.lang.reflect.Method.invoke(Method.java:498)' : 'java.base/java.lang.reflect.Method.invoke(Method.java:568)',
      c.mode === 'yarn' ? 'org.apache.spark.deploy.yarn.ApplicationMaster$$anon$2.run(ApplicationMaster.scala:740)' : 'org.apache.spark.deploy.JavaMainApplication.start(SparkApplication.scala:52)',
    ].join('\n');
  }

  private submitStage(s: StageRun): void {
    const partitions = s.missingPartitions();
    if (partitions.length === 0) return;
    const rules = this.cfg.rules;
    const accums = registerStageAccums(rules, this.nextAccumId);
    this.nextAccumId += accums.length;
    const bc = this.nextBroadcastId++;
    const att = new AttemptRun(s, s.attempts.length, partitions, accums, bc);
    s.attempts.push(att);
    this.stats.stages++;
    att.model.submissionTime = this.clock;
    // The task binary broadcast is created while submitting the stage.
    if (this.cfg.logBlockUpdates) {
      const size = this.rng.int(9000, 60000);
      this.emit(this.w.blockUpdated(this.driverBm, `broadcast_${bc}`, { useDisk: false, useMemory: true, useOffHeap: false, deserialized: true, replication: 1 }, size * 3, 0));
      this.emit(this.w.blockUpdated(this.driverBm, `broadcast_${bc}_piece0`, { useDisk: false, useMemory: true, useOffHeap: false, deserialized: false, replication: 1 }, size, 0));
    }
    const props = { ...s.job.props };
    if (rules.stageResourceProperty) props['resource.executor.cores'] = String(this.cfg.executorCores);
    this.emit(this.w.stageSubmitted(att.model, props));
    if (this.drvLog) {
      const kind = s.isShuffleMap ? 'ShuffleMapStage' : 'ResultStage';
      const last = s.rdds[0]!;
      const rddDesc = `${last.name}[${last.id}] at ${s.plan.name}`;
      this.logs.driver(this.clock, 'INFO', 'DAGScheduler', `Submitting ${kind} ${s.stageId} (${rddDesc}), which has no missing parents`);
      this.logs.driver(this.clock, 'INFO', 'MemoryStore', `Block broadcast_${bc} stored as values in memory (estimated size ${this.units(this.rng.int(20000, 90000))}, free ${this.units(this.cfg.driver.memoryMb * MB * 0.55)})`);
      this.logs.driver(this.clock + 1, 'INFO', 'SparkContext', `Created broadcast ${bc} from broadcast at DAGScheduler.scala:${rules.major >= 3 ? 1585 : 1161}`);
      const first = partitions.slice(0, 15).join(', ');
      this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `Submitting ${partitions.length} missing tasks from ${kind} ${s.stageId} (${rddDesc}) (first 15 tasks are for partitions Vector(${first}))`);
      this.logs.driver(this.clock + 1, 'INFO', this.schedulerName(), `Adding task set ${s.stageId}.${att.attemptId} with ${partitions.length} tasks${rules.resourceProfiles ? ' resource profile 0' : ''}`);
    }
    this.active.push(att);
    this.active.sort((a, b) => a.stage.job.jobId - b.stage.job.jobId || a.stage.stageId - b.stage.stageId);
    this.schedule();
  }

  // ---- scheduling -----------------------------------------------------------------------------

  private schedule(): void {
    const ready = [...this.execs.values()].filter((e) => e.alive && e.ready && !e.appExcluded);
    if (ready.length === 0) {
      this.maybeRequestMore();
      return;
    }
    let offset = this.rng.int(0, 3);
    let rr = this.rng.int(0, ready.length - 1);
    for (const att of this.active) {
      if (att.finished) continue;
      while (att.hasPending()) {
        let chosen: ExecState | null = null;
        for (let k = 0; k < ready.length; k++) {
          const e = ready[(rr + k) % ready.length]!;
          if (e.freeSlots > 0 && e.alive && !att.excluded.has(e.id)) {
            chosen = e;
            rr = (rr + k + 1) % ready.length;
            break;
          }
        }
        if (!chosen) break;
        const idx = att.retry.length > 0 ? att.retry.shift()! : att.nextIdx++;
        if (att.succeeded[idx]) continue;
        this.launch(att, idx, chosen, false, this.clock + offset);
        if (this.rng.chance(0.3)) offset++;
      }
    }
    this.maybeRequestMore();
  }

  private maybeRequestMore(): void {
    const da = this.cfg.dynamicAllocation;
    if (!da || this.daCheckPending) return;
    const backlog = this.active.reduce((n, a) => n + (a.finished ? 0 : a.pendingCount()), 0);
    if (backlog === 0) {
      this.daRound = 0;
      return;
    }
    this.daCheckPending = true;
    this.at(this.clock + 1000, () => {
      this.daCheckPending = false;
      const pending = this.active.reduce((n, a) => n + (a.finished ? 0 : a.pendingCount()), 0);
      if (pending === 0) {
        this.daRound = 0;
        return;
      }
      const alive = [...this.execs.values()].filter((e) => e.alive).length;
      const want = Math.min(da.max, alive + Math.ceil(pending / this.cfg.executorCores));
      const add = Math.min(2 ** this.daRound, want - alive - this.requested);
      if (add > 0) {
        if (this.drvLog) {
          const rp = this.cfg.rules.resourceProfiles ? ' for resource profile id: 0' : '';
          this.logs.driver(this.clock, 'INFO', 'ExecutorAllocationManager', `Requesting ${add} new executor${add > 1 ? 's' : ''} because tasks are backlogged (new desired total will be ${alive + this.requested + add}${rp})`);
        }
        this.requestExecutors(add, 1500, 4500);
        this.daRound++;
      }
      this.maybeRequestMore();
    });
  }

  private locality(att: AttemptRun, partition: number, e: ExecState): Locality {
    const src = att.stage.plan.source;
    if (src === 'parallelize') return 'PROCESS_LOCAL';
    if (src === 'cached') {
      const c = this.cached.get(att.stage.plan.cachedKey!);
      return c && c.location[partition % c.location.length] === e.id ? 'PROCESS_LOCAL' : 'ANY';
    }
    if (src === 'shuffle') return this.rng.chance(0.7) ? 'NODE_LOCAL' : 'ANY';
    return this.rng.weighted<Locality>([
      ['NODE_LOCAL', 4],
      ['RACK_LOCAL', 2],
      ['ANY', 4],
    ]);
  }

  private launch(att: AttemptRun, idx: number, e: ExecState, speculative: boolean, launchT: number): TaskRun {
    const s = att.stage;
    const p = s.plan;
    const partition = att.partitions[idx]!;
    const attemptNo = att.nextAttemptNo[idx]!;
    att.nextAttemptNo[idx] = attemptNo + 1;
    const taskId = this.nextTaskId++;
    this.stats.tasks++;
    const r = this.rng;
    // Outcome.
    let outcome: Outcome = { kind: 'success' };
    const planned = p.failures?.find((f) => f.index === partition);
    if (planned && att.failures[idx]! < planned.times && s.attempts.length === 1) {
      outcome = { kind: 'exception', failure: planned.kind, fatal: planned.kind === 'oom' };
    } else if (p.flakyExecutor && s.flakyBudget > 0 && (s.flakyExec === null || s.flakyExec === e.id) && !speculative) {
      s.flakyExec = e.id;
      s.flakyBudget--;
      outcome = { kind: 'exception', failure: p.flakyExecutor.kind, fatal: false };
    }
    const m = this.taskMetrics(s, partition, speculative);
    const weight = s.weights[partition]!;
    let run = Math.max(3, Math.round(p.medianTaskMs * Math.pow(weight, 0.9) * Math.exp((p.sigma ?? 0.25) * r.normal())));
    if (p.stragglers && !speculative && attemptNo === 0 && partition % Math.max(1, Math.floor(s.n / p.stragglers.count)) === 1 && partition < s.n - 1) {
      run = Math.round(run * p.stragglers.factor);
    }
    if (outcome.kind === 'exception') run = Math.max(5, Math.round(run * r.float(0.3, 0.9)));
    m.executorRunTime = run;
    m.executorCpuTime = Math.round(run * r.float(0.55, 0.93) * 1e6);
    m.jvmGCTime = Math.round(run * r.float(0, p.source === 'shuffle' ? 0.09 : 0.04));
    m.resultSerializationTime = r.chance(0.3) ? 1 : 0;
    const first = e.tasksRun === 0;
    m.executorDeserializeTime = first ? r.int(180, 1400) : r.int(1, 28);
    m.executorDeserializeCpuTime = Math.round(m.executorDeserializeTime * r.float(0.55, 0.9) * 1e6);
    const sched = r.int(2, 40);
    const duration = m.executorDeserializeTime + run + m.resultSerializationTime + sched;
    const task = new TaskRun(taskId, att, idx, partition, attemptNo, e, launchT, launchT + duration, speculative, this.locality(att, partition, e), outcome, m);
    e.freeSlots--;
    e.running.add(task);
    e.idleToken++;
    e.tasksRun++;
    att.running.add(task);
    att.execsUsed.add(e.id);
    task.startEntry = this.at(launchT, () => this.taskStarted(task));
    task.endEntry = this.at(task.end, () => this.finishTask(task));
    return task;
  }

  private taskMetrics(s: StageRun, partition: number, speculative: boolean): TaskMetricValues {
    const m = zeroMetrics();
    const p = s.plan;
    const r = this.rng;
    m.inBytesRead = p.source === 'table' || p.source === 'cached' ? s.inBytes[partition]! : 0;
    m.inRecordsRead = p.source === 'table' || p.source === 'cached' ? s.inRecords[partition]! : 0;
    if (p.source === 'shuffle') {
      const bytes = s.srBytes[partition]!;
      const alive = Math.max(1, [...this.execs.values()].filter((x) => x.alive).length);
      const localFrac = Math.min(1, (1 / alive) * r.float(0.7, 1.3));
      m.srLocalBytesRead = Math.round(bytes * localFrac);
      m.srRemoteBytesRead = bytes - m.srLocalBytesRead;
      const blocks = s.parentMapTasks;
      m.srLocalBlocksFetched = Math.round(blocks * localFrac);
      m.srRemoteBlocksFetched = blocks - m.srLocalBlocksFetched;
      m.srRecordsRead = s.srRecords[partition]!;
      m.srFetchWaitTime = Math.round((m.srRemoteBytesRead / (90 * MB)) * 1000 * r.float(0.05, 0.4));
      m.srRemoteBytesReadToDisk = m.srRemoteBytesRead > 200 * MB ? m.srRemoteBytesRead : 0;
      m.srRemoteReqsDuration = this.cfg.rules.pushBasedShuffleReadMetrics ? Math.round(m.srFetchWaitTime * r.float(1.1, 2.5)) + r.int(0, 30) : 0;
    }
    if (p.output === 'shuffle') {
      m.swBytesWritten = s.swBytes[partition]!;
      m.swRecordsWritten = s.swRecords[partition]!;
      m.swWriteTime = Math.round((m.swBytesWritten / (160 * MB)) * 1e9 * r.float(0.6, 1.5) + m.swRecordsWritten * 40);
    } else if (p.output === 'write') {
      m.outBytesWritten = s.outBytes[partition]!;
      m.outRecordsWritten = s.outRecords[partition]!;
    }
    const processed = p.source === 'shuffle' ? s.srBytes[partition]! * 2.2 : s.inBytes[partition]!;
    const perCore = ((this.cfg.executorMemoryMb - 300) * MB * 0.6) / this.cfg.executorCores;
    if (p.source === 'shuffle' || p.output === 'shuffle') {
      m.peakExecutionMemory = Math.round(Math.min(processed * 0.5, perCore * 0.9) / 65536) * 65536;
    }
    if (processed > perCore * 0.8) {
      m.memoryBytesSpilled = Math.round(processed * r.float(1.1, 1.6));
      m.diskBytesSpilled = Math.round(processed * r.float(0.3, 0.5));
    }
    m.resultSize = p.output === 'result' ? r.int(1300, 2900) : p.output === 'write' ? r.int(2800, 4800) : r.int(1900, 3300);
    if (speculative) m.executorDeserializeTime = 0;
    return m;
  }

  private releaseSlot(task: TaskRun): void {
    const e = task.exec;
    if (e.running.delete(task)) e.freeSlots++;
    this.markIdle(e);
  }

  private taskInfo(task: TaskRun, finish: number, failed: boolean, killed: boolean, accumulables: AccumulableModel[]): TaskInfoModel {
    return {
      taskId: task.taskId,
      index: task.idx,
      attempt: task.attemptNo,
      partitionId: task.partition,
      launchTime: task.launch,
      executorId: task.exec.id,
      host: task.exec.host,
      locality: task.locality,
      speculative: task.speculative,
      gettingResultTime: 0,
      finishTime: finish,
      failed,
      killed,
      accumulables,
    };
  }

  private taskStarted(task: TaskRun): void {
    task.started = true;
    const att = task.att;
    const s = att.stage;
    this.emit(this.w.taskStart(s.stageId, att.attemptId, this.taskInfo(task, 0, false, false, [])));
    if (!this.drvLog) return;
    const e = task.exec;
    const r = this.cfg.rules;
    const where = `${e.host}, executor ${e.id}, partition ${task.partition}, ${task.locality}, ${this.rng.int(4400, 9800)} bytes`;
    const msg =
      r.major < 3
        ? `Starting task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}, ${where})`
        : `Starting ${task.speculative ? 'speculative ' : ''}task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}) (${where})${r.minor <= 4 && r.major === 3 ? ' taskResourceAssignments Map()' : ''}`;
    this.logs.driver(this.clock, 'INFO', 'TaskSetManager', msg);
    this.logs.executor(e.id, this.clock + 1, 'INFO', this.cfg.mode === 'yarn' && r.major >= 3 ? 'YarnCoarseGrainedExecutorBackend' : 'CoarseGrainedExecutorBackend', `Got assigned task ${task.taskId}`);
    this.logs.executor(e.id, this.clock + 2, 'INFO', 'Executor', `Running task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId})`);
    if (!e.broadcastsSeen.has(att.broadcastId)) {
      e.broadcastsSeen.add(att.broadcastId);
      const size = this.rng.int(6000, 40000);
      this.logs.executor(e.id, this.clock + 3, 'INFO', 'TorrentBroadcast', `Started reading broadcast variable ${att.broadcastId} with 1 pieces (estimated total size 4.0 ${r.binaryUnits ? 'MiB' : 'MB'})`);
      this.logs.executor(e.id, this.clock + 8, 'INFO', 'MemoryStore', `Block broadcast_${att.broadcastId}_piece0 stored as bytes in memory (estimated size ${this.units(size)}, free ${this.units(e.maxMemory * 0.98)})`);
      this.logs.executor(e.id, this.clock + 9, 'INFO', 'TorrentBroadcast', `Reading broadcast variable ${att.broadcastId} took ${this.rng.int(4, 40)} ms`);
      if (this.cfg.logBlockUpdates) {
        this.emit(this.w.blockUpdated({ executorId: e.id, host: e.host, port: e.port }, `broadcast_${att.broadcastId}_piece0`, { useDisk: false, useMemory: true, useOffHeap: false, deserialized: false, replication: 1 }, size, 0));
      }
    }
    if (s.plan.source === 'shuffle') {
      const m = task.metrics;
      const total = m.srLocalBytesRead + m.srRemoteBytesRead;
      const blocks = m.srLocalBlocksFetched + m.srRemoteBlocksFetched;
      const msg2 = r.major >= 3
        ? `Getting ${blocks} (${this.units(total)}) non-empty blocks including ${m.srLocalBlocksFetched} (${this.units(m.srLocalBytesRead)}) local and 0 (0.0 B) host-local and ${r.minor >= 2 || r.major > 3 ? '0 (0.0 B) push-merged-local and 0 (0.0 B) remote merged and ' : ''}${m.srRemoteBlocksFetched} (${this.units(m.srRemoteBytesRead)}) remote blocks`
        : `Getting ${blocks} non-empty blocks including ${m.srLocalBlocksFetched} local blocks and ${m.srRemoteBlocksFetched} remote blocks`;
      this.logs.executor(e.id, this.clock + 12, 'INFO', 'ShuffleBlockFetcherIterator', msg2);
      this.logs.executor(e.id, this.clock + 13, 'INFO', 'ShuffleBlockFetcherIterator', `Started ${Math.min(5, m.srRemoteBlocksFetched)} remote fetches in ${this.rng.int(1, 30)} ms`);
    } else if (s.plan.source === 'table' && s.job.sql === null && task.taskId % 4 === 0) {
      this.logs.executor(e.id, this.clock + 12, 'INFO', 'CodeGenerator', `Code generated in ${this.rng.float(5, 60).toFixed(6)} ms`);
    }
  }

  private executorMetricsAt(task: TaskRun): ExecutorMetricsModel {
    const e = task.exec;
    const em = e.em;
    const r = this.rng;
    const heap = this.cfg.executorMemoryMb * MB;
    em.JVMHeapMemory = Math.max(em.JVMHeapMemory, Math.round(heap * r.float(0.18, 0.82)));
    em.JVMOffHeapMemory = Math.max(em.JVMOffHeapMemory, Math.round(em.JVMOffHeapMemory * r.float(1, 1.05)));
    em.OnHeapExecutionMemory = Math.max(em.OnHeapExecutionMemory, task.metrics.peakExecutionMemory);
    let storage = 0;
    for (const v of e.blocks.values()) storage += v;
    em.OnHeapStorageMemory = Math.max(em.OnHeapStorageMemory, storage);
    em.OnHeapUnifiedMemory = Math.max(em.OnHeapUnifiedMemory, em.OnHeapExecutionMemory + storage);
    em.DirectPoolMemory = Math.max(em.DirectPoolMemory, em.DirectPoolMemory + (task.att.stage.plan.source === 'shuffle' ? r.int(0, 2) * MB : 0));
    em.MinorGCCount = Math.max(em.MinorGCCount, e.gcId);
    em.TotalGCTime = em.MinorGCTime + em.MajorGCTime;
    // Task peaks come from the executor's metrics poller: tasks shorter than the polling
    // interval (heartbeat, 10 s, by default) report zeros, as real 3.x logs show.
    const poll = this.cfg.metricsPollingMs > 0 ? this.cfg.metricsPollingMs : 10_000;
    if (task.metrics.executorRunTime < poll) return zeroExecutorMetrics();
    return { ...em };
  }

  private gcActivity(task: TaskRun): void {
    const e = task.exec;
    const m = task.metrics;
    const allocatedKb = Math.round((m.inBytesRead + m.srLocalBytesRead + m.srRemoteBytesRead) / 1024 * 2.5) + 20000;
    e.allocatedKb += allocatedKb;
    const youngCapK = Math.round((this.cfg.executorMemoryMb * 1024) / 3);
    while (e.allocatedKb > youngCapK) {
      e.allocatedKb -= youngCapK;
      e.gcId++;
      const secs = this.rng.float(0.008, 0.09);
      e.em.MinorGCCount++;
      e.em.MinorGCTime += Math.round(secs * 1000);
      if (this.drvLog) {
        const uptime = (this.clock - e.addTime) / 1000 + 3;
        const heapCapK = this.cfg.executorMemoryMb * 1024;
        const after = Math.round(heapCapK * this.rng.float(0.05, 0.3));
        const line =
          this.cfg.javaMajor >= 17
            ? gcLogLineJava17(this.clock - 3, uptime, e.gcId, Math.round((after + youngCapK) / 1024), Math.round(after / 1024), Math.round(heapCapK / 1024), secs * 1000)
            : gcLogLineJava8(this.clock - 3, uptime, youngCapK, Math.round(youngCapK * 0.08), youngCapK + Math.round(youngCapK / 8), after + youngCapK, after, heapCapK, secs);
        this.logs.stdout(e.id, this.clock - 3, line);
      }
    }
  }

  private recordUpdates(task: TaskRun, m: TaskMetricValues, lateOrNone: boolean): AccumulableModel[] {
    const att = task.att;
    const s = att.stage;
    const p = s.plan;
    if (lateOrNone) return [];
    const io = { shuffleRead: p.source === 'shuffle', shuffleWrite: p.output === 'shuffle', input: p.source === 'table' || p.source === 'cached', output: p.output === 'write' };
    const out: AccumulableModel[] = [];
    const sql = s.job.sql;
    if (sql && p.sqlMetrics) {
      const ratio = p.output === 'result' ? 0.02 : 0.3;
      for (const mi of p.sqlMetrics) {
        const v = sqlMetricValue(mi.role, m, ratio);
        const total = sql.totals.add(mi.id, mi.name, v, true);
        att.sqlUpdated.add(mi.id);
        out.push(taskAccumulable(mi.id, mi.name, v, total, true));
      }
    }
    for (const { acc, value } of taskInternalUpdates(att.accums, m, io)) {
      const total = att.totals.add(acc.id, acc.name, value, false);
      out.push(taskAccumulable(acc.id, acc.name, value, total, false));
    }
    out.sort((a, b) => a.id - b.id);
    return out;
  }

  private finishTask(task: TaskRun): void {
    if (task.done) return;
    task.done = true;
    const att = task.att;
    const s = att.stage;
    const e = task.exec;
    const r = this.cfg.rules;
    this.releaseSlot(task);
    att.running.delete(task);
    const taskType = s.isShuffleMap ? 'ShuffleMapTask' : 'ResultTask';
    const late = att.finished;
    if (task.outcome.kind === 'fetchFailed') {
      this.finishFetchFailed(task);
      return;
    }
    if (task.outcome.kind === 'exception') {
      const fk = task.outcome.failure;
      const ex = taskException(fk, r, { userClass: this.cfg.mainClass, userFile: this.cfg.mainFile, resultTask: !s.isShuffleMap, javaMajor: this.cfg.javaMajor });
      const m = zeroMetrics();
      m.executorRunTime = task.metrics.executorRunTime;
      m.jvmGCTime = Math.round(m.executorRunTime * (fk === 'oom' ? 0.6 : 0.05));
      const frac = this.rng.float(0.2, 0.8);
      if (s.plan.source === 'table') {
        m.inBytesRead = Math.round(task.metrics.inBytesRead * frac);
        m.inRecordsRead = Math.round(task.metrics.inRecordsRead * frac);
      }
      const accs = this.recordUpdates(task, m, att.completedEmitted);
      const updates: AccumulableModel[] = accs.filter((a) => a.metadata === undefined).map((a) => ({ ...a, value: undefined }));
      const reason: TaskEndReasonModel = { kind: 'ExceptionFailure', className: ex.className, description: ex.description, stackTrace: ex.frames.map(parseFrame), fullStackTrace: ex.full, accumUpdates: updates };
      this.emit(this.w.taskEnd({ stageId: s.stageId, stageAttempt: att.attemptId, taskType, reason, info: this.taskInfo(task, this.clock, true, false, accs), executorMetrics: this.executorMetricsAt(task), metrics: m }));
      att.failures[task.idx]!++;
      e.failures++;
      const nf = (att.execFailures.get(e.id) ?? 0) + 1;
      att.execFailures.set(e.id, nf);
      if (this.drvLog) {
        // TaskSetManager prints the full trace once per exception kind, then "[duplicate n]".
        const first = att.failures[task.idx] === 1;
        const head = r.major >= 3 ? `Lost task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}) (${e.host} executor ${e.id})` : `Lost task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}, ${e.host}, executor ${e.id})`;
        if (first) this.logs.driver(this.clock, 'WARN', 'TaskSetManager', `${head}: ${ex.full.trimEnd()}`);
        else this.logs.driver(this.clock, 'INFO', 'TaskSetManager', `Lost task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}) on ${e.host}, executor ${e.id}: ${ex.className} (${ex.description}) [duplicate ${att.failures[task.idx]! - 1}]`);
        this.logs.executor(e.id, this.clock - 2, 'ERROR', 'Executor', `Exception in task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId})\n${ex.full.trimEnd()}`);
        if (task.outcome.fatal) {
          this.logs.executor(e.id, this.clock - 1, 'ERROR', 'SparkUncaughtExceptionHandler', `Uncaught exception in thread Thread[Executor task launch worker for task ${task.taskId},5,main]\n${ex.full.trimEnd()}`);
        }
      }
      if (task.outcome.fatal && this.cfg.mode !== 'local') {
        // The JVM is going down: no more tasks go to it while the container is being torn down.
        e.ready = false;
        const kind = this.cfg.mode === 'yarn' ? containerLossReason('oomExit', e.containerId ?? '', e.host, this.cfg.executorMemoryMb / 1024) : 'Command exited with code 52';
        this.removeExecutor(e, kind, true, this.clock + this.rng.int(150, 700));
      }
      if (!late && this.cfg.excludeOnFailure && nf >= 2 && !att.excluded.has(e.id)) {
        att.excluded.add(e.id);
        for (const line of this.w.executorExcludedForStage(this.clock, e.id, nf, s.stageId, att.attemptId)) this.emit(line);
        if (this.drvLog) this.logs.driver(this.clock, 'INFO', 'TaskSetExcludelist', `Excluding executor ${e.id} for stage ${s.stageId}`);
      }
      if (!late) {
        if (att.failures[task.idx]! >= this.cfg.maxTaskFailures) {
          this.abortStage(att, task, `${ex.className}: ${ex.description}\n${ex.frames.map((f) => `\tat ${f}`).join('\n')}\n`);
          return;
        }
        att.retry.push(task.idx);
      }
      this.schedule();
      return;
    }
    // Success.
    const m = task.metrics;
    if (s.plan.cache && !late) this.storeCachedBlock(task);
    this.gcActivity(task);
    const accs = this.recordUpdates(task, m, false);
    this.emit(this.w.taskEnd({ stageId: s.stageId, stageAttempt: att.attemptId, taskType, reason: { kind: 'Success' }, info: this.taskInfo(task, this.clock, false, false, accs), executorMetrics: this.executorMetricsAt(task), metrics: m }));
    if (this.drvLog) {
      this.logs.executor(e.id, this.clock - 1, 'INFO', 'Executor', `Finished task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}). ${m.resultSize} bytes result sent to driver`);
    }
    if (s.isShuffleMap) {
      s.mapOutputs[task.partition] = e.alive ? e.id : null;
      if (!late) {
        att.okTask[task.idx] = task.taskId;
        att.okLaunch[task.idx] = task.launch;
        att.okFinish[task.idx] = this.clock;
        att.okAttempt[task.idx] = task.attemptNo;
        att.okExec[task.idx] = e.id;
        att.okLocality[task.idx] = task.locality;
      }
    } else s.resultDone[task.partition] = 1;
    const wasDone = att.succeeded[task.idx] === 1;
    if (!wasDone) {
      att.succeeded[task.idx] = 1;
      att.nSucceeded++;
      att.durations.push(task.end - task.launch);
    }
    if (this.drvLog) {
      this.logs.driver(this.clock, 'INFO', 'TaskSetManager', `Finished task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}) in ${task.end - task.launch} ms on ${e.host} (executor ${e.id}) (${att.nSucceeded}/${att.n})`);
    }
    // Speculation: the other attempt of this index loses.
    for (const other of task.twin ? [task.twin] : []) {
      if (!other.done) {
        if (this.drvLog) this.logs.driver(this.clock + 1, 'INFO', 'TaskSetManager', `Killing attempt ${other.attemptNo} for task ${other.idx}.${other.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${other.taskId}) on ${other.exec.host} as the attempt ${task.attemptNo} succeeded on ${e.host}`);
        this.killTask(other, 'another attempt succeeded', this.clock + this.rng.int(6, 40));
      }
    }
    if (!late) {
      if (att.nSucceeded === att.n) {
        att.finished = true;
        this.at(this.clock + this.rng.int(1, 4), () => this.completeAttempt(att));
      } else {
        this.maybeLoseExecutor(att);
        this.maybeSpeculate(att);
      }
    }
    this.schedule();
  }

  private storeCachedBlock(task: TaskRun): void {
    const s = task.att.stage;
    const c = this.cached.get(s.plan.cache!.key)!;
    const e = task.exec;
    const size = Math.max(1024, Math.round((s.inBytes[task.partition]! || s.srBytes[task.partition]! * 2) * 1.6));
    c.sizes[task.partition] = size;
    c.location[task.partition] = e.id;
    const blockId = `rdd_${c.rdd.id}_${task.partition}`;
    let used = 0;
    for (const v of e.blocks.values()) used += v;
    const fits = used + size < e.maxMemory * 0.7;
    const level = c.storage;
    const inMem = level.useMemory && fits;
    e.blocks.set(blockId, inMem ? size : 0);
    if (this.cfg.logBlockUpdates) {
      const stored: StorageLevelModel = inMem ? level : { ...level, useMemory: false, deserialized: false };
      this.emit(this.w.blockUpdated({ executorId: e.id, host: e.host, port: e.port }, blockId, stored, inMem ? size : 0, inMem ? 0 : Math.round(size * 0.45)));
    }
    if (this.drvLog) {
      if (inMem) this.logs.executor(e.id, this.clock - 2, 'INFO', 'MemoryStore', `Block ${blockId} stored as values in memory (estimated size ${this.units(size)}, free ${this.units(Math.max(0, e.maxMemory - used - size))})`);
      else this.logs.executor(e.id, this.clock - 2, 'WARN', 'MemoryStore', `Not enough space to cache ${blockId} in memory! (computed ${this.units(size * 0.4)} so far)`);
    }
  }

  private killTask(task: TaskRun, reason: string, t: number): void {
    if (task.done) return;
    if (!task.started) {
      task.startEntry!.cancelled = true;
      task.endEntry!.cancelled = true;
      task.done = true;
      this.releaseSlot(task);
      task.att.running.delete(task);
      return;
    }
    task.endEntry!.cancelled = true;
    this.at(t, () => {
      if (task.done) return;
      task.done = true;
      const att = task.att;
      const s = att.stage;
      this.releaseSlot(task);
      att.running.delete(task);
      const m = zeroMetrics();
      m.executorRunTime = Math.max(1, this.clock - task.launch - this.rng.int(1, 20));
      const accs = this.recordUpdates(task, m, att.completedEmitted);
      // TaskKilled "Accumulator Updates" carry no names and string values (see the 3.1 sample log).
      const updates: AccumulableModel[] = [
        { id: att.accums.find((a) => a.name.endsWith('executorRunTime'))!.id, update: String(m.executorRunTime), internal: false, countFailedValues: true },
        { id: att.accums.find((a) => a.name.endsWith('resultSize'))!.id, update: '0', internal: false, countFailedValues: true },
      ];
      this.emit(
        this.w.taskEnd({
          stageId: s.stageId,
          stageAttempt: att.attemptId,
          taskType: s.isShuffleMap ? 'ShuffleMapTask' : 'ResultTask',
          reason: { kind: 'TaskKilled', reason, accumUpdates: updates },
          info: this.taskInfo(task, this.clock, false, true, accs),
          executorMetrics: this.executorMetricsAt(task),
          metrics: m,
        }),
      );
      if (this.drvLog) {
        const e = task.exec;
        this.logs.executor(e.id, this.clock - 3, 'INFO', 'Executor', `Executor is trying to kill task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}), reason: ${reason.split('\n')[0]}`);
        this.logs.executor(e.id, this.clock - 1, 'INFO', 'Executor', `Executor killed task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}), reason: ${reason.split('\n')[0]}`);
        this.logs.driver(this.clock, 'INFO', 'TaskSetManager', `Task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}) failed, but the task will not be re-executed (either because the task failed with a shuffle data fetch failure, so the previous stage needs to be re-run, or because a different copy of the task has already succeeded).`);
      }
      this.schedule();
    });
  }

  private maybeSpeculate(att: AttemptRun): void {
    if (!this.cfg.speculation || att.finished) return;
    if (att.nSucceeded < Math.floor(att.n * 0.75)) return;
    const sorted = [...att.durations].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const threshold = Math.max(100, median * 1.5);
    for (const t of [...att.running]) {
      if (t.speculative || att.speculated[t.idx] || t.done || !t.started) continue;
      if (this.clock - t.launch <= threshold) continue;
      const e = [...this.execs.values()].find((x) => x.alive && x.ready && x.freeSlots > 0 && x.id !== t.exec.id && !att.excluded.has(x.id));
      if (!e) return;
      att.speculated[t.idx] = 1;
      if (this.drvLog) this.logs.driver(this.clock, 'INFO', 'TaskSetManager', `Marking task ${t.idx} in stage ${att.stage.stageId}.${att.attemptId} (on ${t.exec.host}) as speculatable because it ran more than ${threshold.toFixed(0)} ms`);
      const copy = this.launch(att, t.idx, e, true, this.clock + this.rng.int(80, 140));
      copy.twin = t;
      t.twin = copy;
    }
  }

  private maybeLoseExecutor(att: AttemptRun): void {
    const s = att.stage;
    const plan = s.plan.loseExecutor;
    if (!plan || s.lossTriggered || att.attemptId > 0) return;
    if (att.nSucceeded < att.n * plan.atProgress) return;
    s.lossTriggered = true;
    // Victim: an executor holding map output of a parent (so reducers must fetch from it).
    const holders = new Set<string>();
    for (const parent of s.parents) for (const ex of parent.mapOutputs) if (ex) holders.add(ex);
    const candidates = [...this.execs.values()].filter((e) => e.alive && (plan.effect === 'lost' || holders.has(e.id)));
    if (candidates.length === 0) return;
    const victim = candidates[this.rng.int(0, candidates.length - 1)]!;
    const reason = this.cfg.mode === 'yarn' ? containerLossReason('memoryLimit', victim.containerId ?? '', victim.host, (this.cfg.executorMemoryMb + this.cfg.executorOverheadMb) / 1024) : `Worker shutting down`;
    const lossAt = this.clock + this.rng.int(50, 400);
    if (plan.effect === 'fetch') {
      // Reducers still fetching from the victim fail ~ after the fetch retries give up.
      const parent = s.parents.find((p) => p.mapOutputs.includes(victim.id)) ?? s.parents[0]!;
      const mapPartition = Math.max(0, parent.mapOutputs.indexOf(victim.id));
      for (const t of att.running) {
        // Only reducers still running well after the loss get to the victim's blocks.
        if (t.exec === victim || t.done || t.end < lossAt + 1500) continue;
        if (!this.rng.chance(0.6)) continue;
        t.outcome = { kind: 'fetchFailed', victim, shuffleStage: parent, mapPartition };
        t.endEntry!.cancelled = true;
        t.end = Math.min(t.end - 1, lossAt + this.rng.int(1500, 9000));
        t.endEntry = this.at(t.end, () => this.finishTask(t));
      }
    }
    this.removeExecutor(victim, reason, true, lossAt);
  }

  private finishLostTask(task: TaskRun, reason: string): void {
    if (task.done) return;
    task.done = true;
    const att = task.att;
    const s = att.stage;
    att.running.delete(task);
    task.exec.running.delete(task);
    const exitCausedByApp = !reason.includes('preempted');
    this.emit(
      this.w.taskEnd({
        stageId: s.stageId,
        stageAttempt: att.attemptId,
        taskType: s.isShuffleMap ? 'ShuffleMapTask' : 'ResultTask',
        reason: { kind: 'ExecutorLostFailure', executorId: task.exec.id, exitCausedByApp, lossReason: reason },
        info: this.taskInfo(task, this.clock, true, false, []),
        executorMetrics: zeroExecutorMetrics(),
      }),
    );
    if (this.drvLog) {
      const r = this.cfg.rules;
      const head = r.major >= 3 ? `Lost task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}) (${task.exec.host} executor ${task.exec.id})` : `Lost task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}, ${task.exec.host}, executor ${task.exec.id})`;
      this.logs.driver(this.clock, 'WARN', 'TaskSetManager', `${head}: ${executorLostErrorString(task.exec.id, exitCausedByApp, reason)}`);
    }
    if (!att.finished) {
      att.failures[task.idx]!++;
      if (exitCausedByApp && att.failures[task.idx]! >= this.cfg.maxTaskFailures) {
        this.abortStage(att, task, executorLostErrorString(task.exec.id, exitCausedByApp, reason));
        return;
      }
      att.retry.push(task.idx);
    }
  }

  private finishFetchFailed(task: TaskRun): void {
    const o = task.outcome as Extract<Outcome, { kind: 'fetchFailed' }>;
    const att = task.att;
    const s = att.stage;
    const r = this.cfg.rules;
    const victim = o.victim;
    const message = fetchFailedMessage(r, { host: victim.host, ip: victim.ip, port: victim.port }, this.cfg.javaMajor);
    const shuffleId = o.shuffleStage.shuffleId;
    const mapId = r.fetchFailedMapIndex ? this.mapTaskId(o.shuffleStage.shuffleId, o.mapPartition, victim.id) : o.mapPartition;
    const bm = { executorId: victim.id, host: victim.host, port: victim.port };
    this.emit(
      this.w.taskEnd({
        stageId: s.stageId,
        stageAttempt: att.attemptId,
        taskType: s.isShuffleMap ? 'ShuffleMapTask' : 'ResultTask',
        reason: { kind: 'FetchFailed', blockManager: bm, shuffleId, mapId, mapIndex: o.mapPartition, reduceId: task.partition, message },
        info: this.taskInfo(task, this.clock, true, false, []),
        executorMetrics: this.executorMetricsAt(task),
      }),
    );
    const errorString = fetchFailedErrorString(r, { blockManager: bm, shuffleId, mapId, mapIndex: o.mapPartition, reduceId: task.partition, message });
    if (this.drvLog) {
      const head = r.major >= 3 ? `Lost task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}) (${task.exec.host} executor ${task.exec.id})` : `Lost task ${task.idx}.${task.attemptNo} in stage ${s.stageId}.${att.attemptId} (TID ${task.taskId}, ${task.exec.host}, executor ${task.exec.id})`;
      this.logs.driver(this.clock, 'WARN', 'TaskSetManager', `${head}: ${errorString}`);
      this.logs.executor(task.exec.id, this.clock - 5, 'ERROR', 'RetryingBlockTransferor', `Exception while beginning fetch of 1 outstanding blocks (after 3 retries)\njava.io.IOException: Failed to connect to ${victim.host}/${victim.ip}:${victim.port}`);
    }
    if (!att.finished) {
      att.finished = true;
      att.failed = true;
      att.model.completionTime = this.clock;
      att.model.failureReason = message.trimEnd();
      att.model.accumulables = this.stageAccumulables(att);
      this.emitStageExecutorMetrics(att);
      this.emit(this.w.stageCompleted(att.model));
      att.completedEmitted = true;
      this.active = this.active.filter((a) => a !== att);
      if (this.drvLog) {
        const kind = s.isShuffleMap ? 'ShuffleMapStage' : 'ResultStage';
        const parent = o.shuffleStage;
        this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `Marking ${kind} ${s.stageId} (${s.plan.name}) as failed due to a fetch failure from ShuffleMapStage ${parent.stageId} (${parent.plan.name})`);
        this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `${kind} ${s.stageId} (${s.plan.name}) failed in ${((this.clock - (att.model.submissionTime ?? this.clock)) / 1000).toFixed(3)} s due to ${message.split('\n')[0]}`);
        this.logs.driver(this.clock + 2, 'INFO', 'DAGScheduler', `Resubmitting ShuffleMapStage ${parent.stageId} (${parent.plan.name}) and ${kind} ${s.stageId} (${s.plan.name}) due to fetch failure`);
      }
      // DAGScheduler waits RESUBMIT_TIMEOUT (200 ms) before resubmitting failed stages.
      this.at(this.clock + this.rng.int(200, 400), () => this.submitReady(s.job));
    }
    this.schedule();
  }

  /** 3.0+ FetchFailed "Map ID": the task id of the map attempt whose output was lost. */
  private mapTaskId(shuffleId: number, partition: number, execId: string): number {
    for (const st of this.stagesByKey.values()) {
      if (st.shuffleId !== shuffleId) continue;
      for (const att of [...st.attempts].reverse()) {
        const i = att.partitions.indexOf(partition);
        if (i >= 0 && att.okExec[i] === execId) return att.okTask[i]!;
      }
    }
    for (const st of this.recentStages) {
      if (st.shuffleId !== shuffleId) continue;
      for (const att of [...st.attempts].reverse()) {
        const i = att.partitions.indexOf(partition);
        if (i >= 0 && att.okTask[i]! > 0) return att.okTask[i]!;
      }
    }
    return partition;
  }

  private stageAccumulables(att: AttemptRun): AccumulableModel[] {
    const out: AccumulableModel[] = [];
    for (const [id, v] of att.totals.values) out.push(stageAccumulable(id, att.totals.names.get(id)!.name, v, false));
    const sql = att.stage.job.sql;
    if (sql) for (const id of att.sqlUpdated) out.push(stageAccumulable(id, sql.totals.names.get(id)!.name, sql.totals.get(id), true));
    out.sort((a, b) => a.id - b.id);
    return out;
  }

  private emitStageExecutorMetrics(att: AttemptRun): void {
    if (!this.cfg.logStageExecutorMetrics || !this.cfg.rules.stageExecutorMetrics) return;
    const drv = zeroExecutorMetrics();
    drv.JVMHeapMemory = Math.round(this.cfg.driver.memoryMb * MB * this.rng.float(0.15, 0.5));
    drv.JVMOffHeapMemory = this.rng.int(70, 140) * MB;
    drv.DirectPoolMemory = this.rng.int(1, 4) * MB;
    drv.MinorGCCount = this.rng.int(3, 30);
    drv.MinorGCTime = drv.MinorGCCount * this.rng.int(5, 20);
    drv.TotalGCTime = drv.MinorGCTime;
    this.emit(this.w.stageExecutorMetrics('driver', att.stage.stageId, att.attemptId, drv));
    for (const id of [...att.execsUsed].sort((a, b) => Number(a) - Number(b))) {
      const e = this.execs.get(id);
      if (e) this.emit(this.w.stageExecutorMetrics(id, att.stage.stageId, att.attemptId, { ...e.em }));
    }
  }

  private completeAttempt(att: AttemptRun): void {
    const s = att.stage;
    att.model.completionTime = this.clock;
    att.model.accumulables = this.stageAccumulables(att);
    this.emitStageExecutorMetrics(att);
    this.emit(this.w.stageCompleted(att.model));
    att.completedEmitted = true;
    this.active = this.active.filter((a) => a !== att);
    s.completedOnce = true;
    if (this.cfg.excludeOnFailure) {
      for (const [execId, n] of att.execFailures) {
        const e = this.execs.get(execId);
        if (n >= 2 && e && !e.appExcluded && e.alive) {
          e.appExcluded = true;
          for (const line of this.w.executorExcluded(this.clock, execId, n)) this.emit(line);
          if (this.drvLog) this.logs.driver(this.clock, 'INFO', 'HealthTracker', `Excluding executor id: ${execId} because it has ${n} task failures in successful task sets`);
        }
      }
    }
    if (this.drvLog) {
      const kind = s.isShuffleMap ? 'ShuffleMapStage' : 'ResultStage';
      this.logs.driver(this.clock, 'INFO', this.schedulerName(), `Removed TaskSet ${s.stageId}.${att.attemptId}, whose tasks have all completed, from pool `);
      this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `${kind} ${s.stageId} (${s.plan.name}) finished in ${((this.clock - (att.model.submissionTime ?? this.clock)) / 1000).toFixed(3)} s`);
      if (s.isShuffleMap) {
        this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', 'looking for newly runnable stages');
        this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `running: Set()`);
        const waiting = s.job.stages.filter((x) => !x.completedOnce && x !== s && !this.isStageActive(x));
        this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `waiting: Set(${waiting.map((x) => `${x.isShuffleMap ? 'ShuffleMapStage' : 'ResultStage'} ${x.stageId}`).join(', ')})`);
        this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', 'failed: Set()');
      }
    }
    const job = s.job;
    if (s.isShuffleMap && s.missingPartitions().length > 0) {
      // Output of some finished tasks was lost with an executor while the stage ran: Spark
      // resubmits the stage for the missing partitions.
      if (this.drvLog) this.logs.driver(this.clock + 1, 'INFO', 'DAGScheduler', `Resubmitting ShuffleMapStage ${s.stageId} (${s.plan.name}) because some of its tasks had failed: ${s.missingPartitions().slice(0, 20).join(', ')}`);
      for (const j of new Set([job, this.currentJob])) if (j && !j.done) this.at(this.clock + this.rng.int(2, 10), () => this.submitReady(j));
      return;
    }
    if (s === job.finalStage && !job.done && s.missingPartitions().length === 0) {
      this.at(this.clock + this.rng.int(1, 5), () => this.endJob(job));
    }
    // Stages waiting for this one, possibly in a later job that reused it (AQE, retries).
    for (const j of new Set([job, this.currentJob])) {
      if (j && !j.done && !(j === job && s === job.finalStage)) this.at(this.clock + this.rng.int(2, 10), () => this.submitReady(j));
    }
  }

  private abortStage(att: AttemptRun, task: TaskRun, errorString: string): void {
    const s = att.stage;
    const r = this.cfg.rules;
    const message = jobAbortedMessage({
      index: task.idx,
      stageId: s.stageId,
      stageAttempt: att.attemptId,
      failures: att.failures[task.idx]!,
      lastAttempt: task.attemptNo,
      tid: task.taskId,
      host: task.exec.host,
      executorId: task.exec.id,
      errorString,
      rules: r,
    });
    att.finished = true;
    att.failed = true;
    att.model.completionTime = this.clock + 1;
    att.model.failureReason = message;
    att.model.accumulables = this.stageAccumulables(att);
    this.active = this.active.filter((a) => a !== att);
    if (this.drvLog) {
      this.logs.driver(this.clock, 'ERROR', 'TaskSetManager', `Task ${task.idx} in stage ${s.stageId}.${att.attemptId} failed ${att.failures[task.idx]} times; aborting job`);
      this.logs.driver(this.clock, 'INFO', this.schedulerName(), `Cancelling stage ${s.stageId}`);
      this.logs.driver(this.clock, 'INFO', this.schedulerName(), `Killing all running tasks in stage ${s.stageId}: Stage cancelled`);
    }
    this.at(this.clock + 1, () => {
      // Updates of tasks that ended in between still make it into the logged snapshot.
      att.model.accumulables = this.stageAccumulables(att);
      this.emitStageExecutorMetrics(att);
      this.emit(this.w.stageCompleted(att.model));
      att.completedEmitted = true;
      if (this.drvLog) this.logs.driver(this.clock, 'INFO', 'DAGScheduler', `${s.isShuffleMap ? 'ShuffleMapStage' : 'ResultStage'} ${s.stageId} (${s.plan.name}) failed in ${((this.clock - (att.model.submissionTime ?? this.clock)) / 1000).toFixed(3)} s due to ${message}`);
      this.at(this.clock + this.rng.int(1, 4), () => this.endJob(s.job, message));
      const killReason = r.stageCancelledReason(message);
      let k = 0;
      for (const t of [...att.running]) this.killTask(t, killReason, this.clock + this.rng.int(20, 300) + k++);
    });
  }

  private endJob(job: JobRun, failure?: string): void {
    if (job.done) return;
    job.done = true;
    job.ok = !failure;
    job.error = failure;
    this.emit(this.w.jobEnd(job.jobId, this.clock, failure ? { message: failure, frames: dagSchedulerAbortFrames(this.cfg.rules) } : undefined));
    if (this.drvLog) {
      const took = ((this.clock - job.submitTime) / 1000).toFixed(6);
      if (failure) this.logs.driver(this.clock, 'INFO', 'DAGScheduler', `Job ${job.jobId} failed: ${job.plan.callsite}, took ${took} s`);
      else this.logs.driver(this.clock, 'INFO', 'DAGScheduler', `Job ${job.jobId} finished: ${job.plan.callsite}, took ${took} s`);
    }
    if (this.currentJob === job) this.currentJob = null;
  }

  // ---- storage --------------------------------------------------------------------------------

  unpersist(key: string, gapMs: number): void {
    this.advanceTo(this.clock + gapMs);
    const c = this.cached.get(key);
    if (!c) return;
    this.emit(this.w.unpersistRDD(c.rdd.id));
    if (this.drvLog) this.logs.driver(this.clock, 'INFO', `${c.rdd.name}`, `Removing RDD ${c.rdd.id} from persistence list`);
    for (let p = 0; p < c.location.length; p++) {
      const id = c.location[p];
      if (!id) continue;
      const e = this.execs.get(id);
      if (!e || !e.alive) continue;
      const blockId = `rdd_${c.rdd.id}_${p}`;
      e.blocks.delete(blockId);
      if (this.cfg.logBlockUpdates) this.emit(this.w.blockUpdated({ executorId: e.id, host: e.host, port: e.port }, blockId, STORAGE_NONE, 0, 0));
      if (this.drvLog) this.logs.executor(e.id, this.clock + 3, 'INFO', 'BlockManager', `Removing RDD ${c.rdd.id}`);
    }
    this.cached.delete(key);
  }

  // ---- SQL ------------------------------------------------------------------------------------

  /** Run a SQL execution: SQLExecutionStart, its job(s) (one per query stage under AQE), SQLExecutionEnd. */
  runSql(plan: SqlPlan): JobOutcome[] {
    this.advanceTo(this.clock + plan.gapBeforeMs);
    const rules = this.cfg.rules;
    const query = instantiateQuery(rules, plan.query, this.nextAccumId, this.nextAttr);
    this.nextAccumId = query.nextAccumId;
    this.nextAttr += 60;
    const sql: SqlRun = { executionId: this.nextSqlId++, query, totals: new AccumulatorTotals() };
    const description = plan.description ?? query.description;
    this.emit(
      this.w.sqlExecutionStart({
        executionId: sql.executionId,
        rootExecutionId: sql.executionId,
        description,
        details: this.stageDetails(plan.callsite, true),
        physicalPlanDescription: query.physicalPlanDescription,
        plan: query.plan,
        time: this.clock,
        modifiedConfigs: {},
        jobTags: this.cfg.jobTags,
      }),
    );
    const driverUpdates: [number, number][] = [];
    for (const dm of query.driverMetrics) {
      if (dm.role === 'driverNumFiles') driverUpdates.push([dm.id, this.rng.int(8, 400)]);
      else if (dm.role === 'driverFilesSize') driverUpdates.push([dm.id, plan.numTasks[0]! * (plan.inputBytesPerTask ?? 128 * MB)]);
      else if (dm.role === 'driverPartitions') driverUpdates.push([dm.id, plan.numTasks[plan.numTasks.length - 1]!]);
    }
    this.advanceTo(this.clock + this.rng.int(20, 120));
    if (driverUpdates.length) this.emit(this.w.driverAccumUpdates(sql.executionId, driverUpdates));
    const key = (i: number) => `sql${sql.executionId}-f${i}`;
    const stagePlans: StagePlan[] = query.fragments.map((f, i) => {
      const sp: StagePlan = {
        name: rules.adaptiveExecution && f.output === 'shuffle' ? '$anonfun$withThreadLocalCaptured$1 at FutureTask.java:266' : plan.callsite,
        numTasks: plan.numTasks[i] ?? 200,
        parents: f.parents,
        source: f.source,
        output: f.output,
        rdds: f.rdds,
        medianTaskMs: plan.medianTaskMs[i] ?? 800,
        inputBytesPerTask: plan.inputBytesPerTask,
        sqlMetrics: query.stageMetrics[i],
        key: key(i),
      };
      plan.tweak?.(i, sp);
      return sp;
    });
    const outcomes: JobOutcome[] = [];
    if (rules.adaptiveExecution) {
      // AQE materializes each shuffle query stage as its own job, then runs the final stage in
      // a job whose Stage Infos include the already-computed (skipped) map stages.
      const done = new Set<number>();
      const addJob = (target: number) => {
        const needed: number[] = [];
        const visit = (i: number) => {
          if (needed.includes(i)) return;
          for (const p of stagePlans[i]!.parents) visit(p);
          needed.push(i);
        };
        visit(target);
        const idxMap = new Map<number, number>();
        needed.forEach((i, k) => idxMap.set(i, k));
        const stages: StagePlan[] = needed.map((i) => ({
          ...stagePlans[i]!,
          parents: stagePlans[i]!.parents.map((p) => idxMap.get(p)!),
          ...(done.has(i) ? { reuseKey: key(i), key: undefined } : {}),
        }));
        const o = this.runJob({ stages, callsite: stages[stages.length - 1]!.name, gapBeforeMs: this.rng.int(15, 80), description, properties: {} }, sql);
        for (const i of needed) done.add(i);
        outcomes.push(o);
        return o.ok;
      };
      let ok = true;
      for (let i = 0; i < stagePlans.length - 1 && ok; i++) if (stagePlans[i]!.output === 'shuffle') ok = addJob(i);
      if (ok && query.finalPlan) {
        this.advanceTo(this.clock + this.rng.int(5, 40));
        this.emit(this.w.sqlAdaptiveExecutionUpdate(sql.executionId, query.finalPhysicalPlanDescription!, query.finalPlan));
      }
      if (ok) addJob(stagePlans.length - 1);
    } else {
      outcomes.push(this.runJob({ stages: stagePlans, callsite: plan.callsite, gapBeforeMs: this.rng.int(10, 60), description }, sql));
    }
    const failed = outcomes.find((o) => !o.ok);
    const writeMetrics = query.driverMetrics.filter((d) => d.role.startsWith('driverWritten') || d.role === 'driverDynamicParts');
    this.advanceTo(this.clock + this.rng.int(30, 400));
    if (!failed && writeMetrics.length) {
      const last = this.stagesByKey.get(key(stagePlans.length - 1));
      let bytes = 0;
      let rows = 0;
      if (last) for (let i = 0; i < last.n; i++) {
        bytes += last.outBytes[i]!;
        rows += last.outRecords[i]!;
      }
      this.emit(
        this.w.driverAccumUpdates(
          sql.executionId,
          writeMetrics.map((d) => [d.id, d.role === 'driverWrittenFiles' ? (last?.n ?? 1) : d.role === 'driverWrittenBytes' ? bytes : d.role === 'driverWrittenRows' ? rows : 1] as [number, number]),
        ),
      );
    }
    this.emit(this.w.sqlExecutionEnd(sql.executionId, this.clock, failed ? `org.apache.spark.SparkException: ${failed.error}` : ''));
    return outcomes;
  }

  // ---- checkpointing (live appender) ------------------------------------------------------------

  checkpoint(): SimCheckpoint {
    return {
      clock: this.clock,
      rng: this.rng.state,
      nextTaskId: this.nextTaskId,
      nextStageId: this.nextStageId,
      nextJobId: this.nextJobId,
      nextRddId: this.nextRddId,
      nextAccumId: this.nextAccumId,
      nextShuffleId: this.nextShuffleId,
      nextBroadcastId: this.nextBroadcastId,
      nextExecNum: this.nextExecNum,
      nextContainerNum: this.nextContainerNum,
      nextSqlId: this.nextSqlId,
      nextAttr: this.nextAttr,
      executors: [...this.execs.values()].map((e) => ({
        id: e.id,
        host: e.host,
        ip: e.ip,
        port: e.port,
        cores: e.cores,
        maxMemory: e.maxMemory,
        maxOnHeap: e.maxOnHeap,
        maxOffHeap: e.maxOffHeap,
        addTime: e.addTime,
        requestTime: e.requestTime,
        removeTime: e.removeTime,
        removeReason: e.removeReason,
        logUrls: e.logUrls,
        attributes: e.attributes,
        containerId: e.containerId,
        pid: e.pid,
        alive: e.alive,
      })),
    };
  }

  restore(cp: SimCheckpoint): void {
    this.clock = cp.clock;
    this.rng.state = cp.rng;
    this.nextTaskId = cp.nextTaskId;
    this.nextStageId = cp.nextStageId;
    this.nextJobId = cp.nextJobId;
    this.nextRddId = cp.nextRddId;
    this.nextAccumId = cp.nextAccumId;
    this.nextShuffleId = cp.nextShuffleId;
    this.nextBroadcastId = cp.nextBroadcastId;
    this.nextExecNum = cp.nextExecNum;
    this.nextContainerNum = cp.nextContainerNum;
    this.nextSqlId = cp.nextSqlId;
    this.nextAttr = cp.nextAttr;
    this.execs.clear();
    for (const m of cp.executors) {
      const e = this.newExecState(m);
      e.ready = m.alive;
      e.tasksRun = 1;
      this.execs.set(e.id, e);
    }
    for (const e of this.execs.values()) this.markIdle(e);
  }

  /** Alive executor ids (for executor churn in live mode). */
  aliveExecutors(): string[] {
    return [...this.execs.values()].filter((e) => e.alive).map((e) => e.id);
  }

  /** All executors ever added (for log-file checks). */
  allExecutorIds(): string[] {
    return [...this.execs.keys()];
  }

  /** Live mode: replace an idle executor (decommission + new container), like dynamic allocation does. */
  churnExecutor(): void {
    const idle = [...this.execs.values()].filter((e) => e.alive && e.ready && e.running.size === 0);
    if (idle.length === 0) return;
    const e = idle[this.rng.int(0, idle.length - 1)]!;
    const reason = this.cfg.mode === 'yarn' ? containerLossReason('released', e.containerId ?? '', e.host, 0) : 'Executor killed by driver.';
    if (this.drvLog) this.logs.driver(this.clock, 'INFO', 'ExecutorAllocationManager', `Executors ${e.id} removed due to idle timeout.`);
    e.ready = false;
    this.removeExecutor(e, reason, false, this.clock + this.rng.int(100, 600));
    this.requestExecutors(1, 2000, 5000);
  }

  get nextEventTime(): number {
    return this.heap.peekTime();
  }
}
