import { type Json, arr, intId, num, obj, optNum, optStr, str, stringMap, time as readTime } from './eventJson.js';
import { ObservedMetrics, taskExecutorMetrics } from './executorMetrics.js';
import { LiveExecutor, LiveJob, LiveRdd, LiveStage, type ProcessSummary, SpeculationSummary } from './liveEntities.js';
import { memoryRemaining, restJob } from './restViews.js';
import {
  type StageInfo,
  describeStorageLevel,
  isValidStorageLevel,
  stageInfoFromJson,
  storageLevelFromJson,
  taskDuration,
  taskInfoFromJson,
} from './stageInfo.js';
import { killedSummaryKey, reasonDeltas, reasonName } from './taskEndReason.js';
import { M, addInto, metricsFromJson, zeroMetrics } from './taskMetrics.js';
import type { LineRef, TaskSink } from './taskSink.js';
import type { RetentionLimits } from '../config.js';
import { ChangeTracker } from './changeTracker.js';
import { type LiveTask, copyLineRef, finishedTaskRow, runningTaskRow } from './taskRows.js';
import { deadExecutorsToEvict, jobsToEvict, stagesToEvict } from './retention.js';

/** Anything else that wants every event (the SQL fold). */
export interface EventListener {
  handle(event: Json): void;
}

export interface AttemptInfo {
  appId: string;
  appName: string;
  attemptId: string | undefined;
  startTime: number;
  endTime: number;
  sparkUser: string;
  completed: boolean;
  sparkVersion: string;
  /** Spark 4.x: `ExitCode` of the application-end event (SPARK-46399); absent in older logs. */
  exitCode?: number;
}

export interface EnvironmentInfo {
  runtime: { javaVersion: string | null; javaHome: string | null; scalaVersion: string | null };
  sparkProperties: [string, string][];
  hadoopProperties: [string, string][];
  systemProperties: [string, string][];
  metricsProperties: [string, string][];
  classpathEntries: [string, string][];
}

const stageKey = (stageId: number, attempt: number) => `${stageId}:${attempt}`;

/** Packs (stageId, index) like Spark's job-level completed-indices set. */
const jobTaskKey = (stageId: number, index: number) => stageId * 4_294_967_296 + index;

/**
 * Spark's AppStatusListener as a pure fold: events in, application state out. It reproduces the replay
 * (live = false) semantics the History Server uses, including which entity states get "written" and when,
 * because the REST answers are those written states.
 */
export class AppStatusFold {
  sparkVersion = '';
  attempt: AttemptInfo | undefined;
  environment: EnvironmentInfo | undefined;
  private defaultCpusPerTask = 1;

  readonly liveStages = new Map<string, LiveStage>();
  /** Every stage attempt in the store, live or finished. */
  readonly stages = new Map<string, LiveStage>();
  readonly liveJobs = new Map<number, LiveJob>();
  /** Written job states (JobData JSON), as the store holds them. */
  readonly jobs = new Map<number, Json>();
  /** Completion time of each written job (-1 when unknown), Spark's "completionTime" index. */
  private readonly jobCompletion = new Map<number, number>();
  readonly liveExecutors = new Map<string, LiveExecutor>();
  private readonly deadExecutors = new Map<string, LiveExecutor>();
  /** Every executor in the store (active and dead). */
  readonly executors = new Map<string, LiveExecutor>();
  /** The latest time any event carried: where a log that stopped without an end event stopped. */
  lastEventTime = -1;
  private readonly liveTasks = new Map<number, LiveTask>();
  readonly rdds = new Map<number, LiveRdd>();
  readonly processes = new Map<string, ProcessSummary>();
  readonly resourceProfiles = new Map<number, Json>();
  /** Job ids whose job belongs to a SQL execution. */
  readonly jobSqlExecution = new Map<number, number>();

  /** Entities changed since the last takeDirty(), for incremental persistence. */
  private readonly jobChanges = new ChangeTracker<number>();
  private readonly stageChanges = new ChangeTracker<string>();
  private readonly executorChanges = new ChangeTracker<string>();
  private readonly rddChanges = new ChangeTracker<number>();
  appDirty = false;

  private readonly scratchMetrics = zeroMetrics();
  private readonly observedMetrics = new ObservedMetrics();
  eventCount = 0;
  unknownEvents = new Map<string, number>();
  failedEvents = 0;
  lastFailure: string | undefined;

  constructor(
    private readonly sink: TaskSink,
    private readonly retention: RetentionLimits,
    private readonly listeners: EventListener[] = [],
  ) {}

  /**
   * Applies one parsed event. `line` is its raw text and `ref` its place in an uncompressed log file: task
   * records keep one of them to rebuild TaskData later. Never throws.
   */
  handle(event: Json, line: string, ref?: LineRef): void {
    this.eventCount++;
    try {
      this.dispatch(event, line, ref);
    } catch (err) {
      // Spark stops replaying a file on a malformed event; we isolate the failure to that event.
      this.failedEvents++;
      this.lastFailure = `${str(event['Event'])}: ${(err as Error).message}`;
    }
    for (const l of this.listeners) {
      try {
        l.handle(event);
      } catch {
        this.failedEvents++;
      }
    }
  }

  private dispatch(e: Json, line: string, ref: LineRef | undefined): void {
    const name = str(e['Event']);
    switch (name) {
      case 'SparkListenerLogStart':
        this.sparkVersion = str(e['Spark Version']);
        return;
      case 'SparkListenerApplicationStart':
        return this.onApplicationStart(e);
      case 'SparkListenerApplicationEnd':
        return this.onApplicationEnd(e);
      case 'SparkListenerEnvironmentUpdate':
        return this.onEnvironmentUpdate(e);
      case 'SparkListenerResourceProfileAdded':
        return this.onResourceProfileAdded(e);
      case 'SparkListenerExecutorAdded':
        return this.onExecutorAdded(e);
      case 'SparkListenerExecutorRemoved':
        return this.onExecutorRemoved(e);
      case 'SparkListenerBlockManagerAdded':
        return this.onBlockManagerAdded(e);
      case 'SparkListenerBlockManagerRemoved':
        return;
      case 'SparkListenerJobStart':
        return this.onJobStart(e);
      case 'SparkListenerJobEnd':
        return this.onJobEnd(e);
      case 'SparkListenerStageSubmitted':
        return this.onStageSubmitted(e);
      case 'SparkListenerStageCompleted':
        return this.onStageCompleted(e);
      case 'SparkListenerTaskStart':
        return this.onTaskStart(e, line, ref);
      case 'SparkListenerTaskGettingResult':
        return;
      case 'SparkListenerTaskEnd':
        return this.onTaskEnd(e, line, ref);
      case 'SparkListenerUnpersistRDD':
        return this.onUnpersistRdd(intId(e['RDD ID']));
      case 'SparkListenerBlockUpdated':
        return this.onBlockUpdated(e);
      case 'SparkListenerStageExecutorMetrics':
        return this.onStageExecutorMetrics(e);
      case 'SparkListenerExecutorMetricsUpdate':
        return this.onExecutorMetricsUpdate(e);
      case 'org.apache.spark.scheduler.SparkListenerExecutorBlacklisted':
      case 'org.apache.spark.scheduler.SparkListenerExecutorExcluded':
        return this.updateExclusion(str(e['executorId']), true);
      case 'org.apache.spark.scheduler.SparkListenerExecutorUnblacklisted':
      case 'org.apache.spark.scheduler.SparkListenerExecutorUnexcluded':
        return this.updateExclusion(str(e['executorId']), false);
      case 'org.apache.spark.scheduler.SparkListenerNodeBlacklisted':
      case 'org.apache.spark.scheduler.SparkListenerNodeExcluded':
        return this.updateNodeExclusion(str(e['hostId']), true);
      case 'org.apache.spark.scheduler.SparkListenerNodeUnblacklisted':
      case 'org.apache.spark.scheduler.SparkListenerNodeUnexcluded':
        return this.updateNodeExclusion(str(e['hostId']), false);
      case 'org.apache.spark.scheduler.SparkListenerExecutorBlacklistedForStage':
      case 'org.apache.spark.scheduler.SparkListenerExecutorExcludedForStage':
        return this.updateExclusionForStage(str(e['executorId']), intId(e['stageId']), intId(e['stageAttemptId']));
      case 'org.apache.spark.scheduler.SparkListenerNodeBlacklistedForStage':
      case 'org.apache.spark.scheduler.SparkListenerNodeExcludedForStage':
        return this.updateNodeExclusionForStage(str(e['hostId']), intId(e['stageId']), intId(e['stageAttemptId']));
      case 'org.apache.spark.scheduler.SparkListenerMiscellaneousProcessAdded':
        return this.onMiscProcessAdded(e);
      default:
        if (!name.startsWith('org.apache.spark.sql.') && !name.includes('StreamingQueryListener')) {
          this.unknownEvents.set(name, (this.unknownEvents.get(name) ?? 0) + 1);
        }
    }
  }

  // ---- application ----

  private onApplicationStart(e: Json): void {
    this.noteTime(num(e['Timestamp']));
    const appId = optStr(e['App ID']);
    if (appId === undefined) throw new Error('Application without an App ID is not supported');
    this.attempt = {
      appId,
      appName: str(e['App Name']),
      attemptId: optStr(e['App Attempt ID']),
      startTime: readTime(e['Timestamp']),
      endTime: -1,
      sparkUser: str(e['User']),
      completed: false,
      sparkVersion: this.sparkVersion,
    };
    this.appDirty = true;
    const driverLogs = obj(e['Driver Logs']);
    if (driverLogs) {
      const driver = this.liveExecutors.get('driver');
      if (driver) {
        driver.executorLogs = stringMap(driverLogs);
        driver.attributes = stringMap(e['Driver Attributes']);
        this.touchExecutor(driver);
      }
    }
  }

  private onApplicationEnd(e: Json): void {
    if (!this.attempt) return;
    this.attempt.endTime = readTime(e['Timestamp']);
    this.noteTime(this.attempt.endTime);
    this.attempt.completed = true;
    const exitCode = e['ExitCode'];
    if (typeof exitCode === 'number') this.attempt.exitCode = exitCode;
    this.appDirty = true;
  }

  private onEnvironmentUpdate(e: Json): void {
    const jvm = stringMap(e['JVM Information']);
    const pairs = (key: string): [string, string][] => Object.entries(stringMap(e[key]));
    this.environment = {
      runtime: {
        javaVersion: jvm['Java Version'] ?? null,
        javaHome: jvm['Java Home'] ?? null,
        scalaVersion: jvm['Scala Version'] ?? null,
      },
      sparkProperties: pairs('Spark Properties'),
      hadoopProperties: pairs('Hadoop Properties'),
      systemProperties: pairs('System Properties'),
      metricsProperties: pairs('Metrics Properties'),
      classpathEntries: pairs('Classpath Entries'),
    };
    const cpus = this.environment.sparkProperties.find(([k]) => k === 'spark.task.cpus');
    if (cpus) {
      const n = Number.parseInt(cpus[1], 10);
      if (Number.isFinite(n) && n > 0) this.defaultCpusPerTask = n;
    }
    this.appDirty = true;
  }

  private onResourceProfileAdded(e: Json): void {
    const id = intId(e['Resource Profile Id']);
    const executorResources: Json = {};
    for (const [name, req] of Object.entries(obj(e['Executor Resource Requests']) ?? {})) {
      const r = obj(req) ?? {};
      executorResources[name] = {
        resourceName: str(r['Resource Name'], name),
        amount: num(r['Amount']),
        discoveryScript: str(r['Discovery Script']),
        vendor: str(r['Vendor']),
      };
    }
    const taskResources: Json = {};
    for (const [name, req] of Object.entries(obj(e['Task Resource Requests']) ?? {})) {
      const r = obj(req) ?? {};
      taskResources[name] = { resourceName: str(r['Resource Name'], name), amount: num(r['Amount']) };
    }
    this.resourceProfiles.set(id, { id, executorResources, taskResources });
    this.appDirty = true;
  }

  // ---- executors ----

  private noteTime(t: number): void {
    if (t > this.lastEventTime && Number.isFinite(t)) this.lastEventTime = t;
  }

  private getOrCreateExecutor(executorId: string, addTime: number): LiveExecutor {
    let exec = this.liveExecutors.get(executorId);
    if (!exec) {
      exec = new LiveExecutor(executorId, addTime);
      this.liveExecutors.set(executorId, exec);
      this.executors.set(executorId, exec);
      this.touchExecutor(exec);
    }
    return exec;
  }

  private touchExecutor(exec: LiveExecutor): void {
    this.executorChanges.changed(exec.executorId);
  }

  private onExecutorAdded(e: Json): void {
    const info = obj(e['Executor Info']) ?? {};
    const exec = this.getOrCreateExecutor(str(e['Executor ID']), readTime(e['Timestamp']));
    this.noteTime(exec.addTime);
    exec.host = str(info['Host']);
    exec.isActive = true;
    exec.totalCores = num(info['Total Cores']);
    const rpId = intId(info['Resource Profile Id']);
    const profile = this.resourceProfiles.get(rpId);
    const cpusReq = profile ? obj(profile.taskResources)?.['cpus'] : undefined;
    const cpusPerTask = cpusReq ? Math.trunc(num(cpusReq.amount)) || this.defaultCpusPerTask : this.defaultCpusPerTask;
    exec.maxTasks = Math.trunc(exec.totalCores / cpusPerTask);
    exec.executorLogs = stringMap(info['Log Urls']);
    const resources: Json = {};
    for (const [name, r] of Object.entries(obj(info['Resources']) ?? {})) {
      const res = obj(r) ?? {};
      resources[name] = { name: str(res['name'], name), addresses: arr(res['addresses']).map((a) => str(a)) };
    }
    exec.resources = resources;
    exec.attributes = stringMap(info['Attributes']);
    exec.resourceProfileId = rpId;
    this.touchExecutor(exec);
  }

  private onExecutorRemoved(e: Json): void {
    const id = str(e['Executor ID']);
    const exec = this.liveExecutors.get(id);
    if (!exec) return;
    this.liveExecutors.delete(id);
    exec.isActive = false;
    exec.removeTime = readTime(e['Timestamp']);
    this.noteTime(exec.removeTime);
    exec.removeReason = optStr(e['Removed Reason']);
    this.touchExecutor(exec);

    for (const rdd of this.rdds.values()) {
      let changed = rdd.distributions.delete(id);
      for (const part of [...rdd.partitions.values()]) {
        if (!part.executors.includes(id)) continue;
        changed = true;
        const n = part.executors.length;
        if (n === 1) {
          rdd.partitions.delete(part.blockName);
          rdd.memoryUsed = Math.max(0, rdd.memoryUsed - part.memoryUsed);
          rdd.diskUsed = Math.max(0, rdd.diskUsed - part.diskUsed);
        } else {
          const memShare = Math.trunc(part.memoryUsed / n);
          const diskShare = Math.trunc(part.diskUsed / n);
          rdd.memoryUsed = Math.max(0, rdd.memoryUsed - memShare);
          rdd.diskUsed = Math.max(0, rdd.diskUsed - diskShare);
          this.updatePartition(rdd, part.blockName, part.executors.filter((x) => x !== id), Math.max(0, part.memoryUsed - memShare), Math.max(0, part.diskUsed - diskShare));
        }
      }
      if (changed) this.rddChanges.changed(rdd.info.id);
    }
    if (this.isExecutorActiveForLiveStages(exec)) this.deadExecutors.set(id, exec);
    this.applyDeadExecutorRetention();
  }

  private isExecutorActiveForLiveStages(exec: LiveExecutor): boolean {
    for (const stage of this.liveStages.values()) {
      if ((stage.info.submissionTime ?? 0) < (exec.removeTime ?? 0)) return true;
    }
    return false;
  }

  private onBlockManagerAdded(e: Json): void {
    const bm = obj(e['Block Manager ID']) ?? {};
    const exec = this.getOrCreateExecutor(str(bm['Executor ID']), readTime(e['Timestamp'], -1));
    exec.hostPort = `${str(bm['Host'])}:${num(bm['Port'])}`;
    const onHeap = optNum(e['Maximum Onheap Memory']);
    if (onHeap !== undefined) {
      exec.totalOnHeap = onHeap;
      exec.totalOffHeap = num(e['Maximum Offheap Memory']);
      // SPARK-30594: a re-registered block manager reports all its blocks again.
      exec.usedOnHeap = 0;
      exec.usedOffHeap = 0;
    }
    exec.isActive = true;
    exec.maxMemory = num(e['Maximum Memory']);
    this.touchExecutor(exec);
  }

  private onMiscProcessAdded(e: Json): void {
    const info = obj(e['info']) ?? {};
    const id = str(e['processId']);
    this.processes.set(id, {
      id,
      hostPort: str(info['hostPort']),
      isActive: true,
      totalCores: num(info['cores']),
      addTime: readTime(e['time']),
      processLogs: stringMap(info['logUrlInfo']),
    });
    this.appDirty = true;
  }

  private updateExclusion(executorId: string, excluded: boolean): void {
    const exec = this.liveExecutors.get(executorId);
    if (!exec) return;
    exec.isExcluded = excluded;
    this.touchExecutor(exec);
  }

  private updateNodeExclusion(host: string, excluded: boolean): void {
    // The driver shares a host with executors in many deployments; node exclusion never applies to it.
    for (const exec of this.liveExecutors.values()) {
      if (exec.hostname === host && exec.executorId !== 'driver') {
        exec.isExcluded = excluded;
        this.touchExecutor(exec);
      }
    }
  }

  private setStageExclusion(stage: LiveStage, executorIds: string[]): void {
    for (const id of executorIds) {
      stage.executorSummary(id).isExcluded = true;
      stage.excludedExecutors.add(id);
    }
    this.stageChanges.changed(stageKey(stage.info.stageId, stage.info.attemptId));
  }

  private updateExclusionForStage(executorId: string, stageId: number, attempt: number): void {
    const stage = this.liveStages.get(stageKey(stageId, attempt));
    if (stage) this.setStageExclusion(stage, [executorId]);
    const exec = this.liveExecutors.get(executorId);
    if (exec) {
      exec.excludedInStages.add(stageId);
      this.touchExecutor(exec);
    }
  }

  private updateNodeExclusionForStage(host: string, stageId: number, attempt: number): void {
    const stage = this.liveStages.get(stageKey(stageId, attempt));
    if (stage) {
      const ids = [...this.liveExecutors.values()].filter((x) => x.host === host && x.executorId !== 'driver').map((x) => x.executorId);
      this.setStageExclusion(stage, ids);
    }
    for (const exec of this.liveExecutors.values()) {
      if (exec.hostname === host && exec.executorId !== 'driver') {
        exec.excludedInStages.add(stageId);
        this.touchExecutor(exec);
      }
    }
  }

  // ---- jobs ----

  private onJobStart(e: Json): void {
    const stageInfos = arr(e['Stage Infos']).map(stageInfoFromJson);
    const stageIds = arr(e['Stage IDs']).map((x) => intId(x));
    if (stageInfos.length === 0 && stageIds.length > 0) {
      // Pre-1.2 logs carry only stage ids; Spark synthesises placeholder infos.
      for (const id of stageIds) stageInfos.push(stageInfoFromJson({ 'Stage ID': id, 'Stage Name': 'unknown' }));
    }
    const numTasks = stageInfos.filter((s) => s.completionTime === undefined).reduce((sum, s) => sum + s.numTasks, 0);
    const last = [...stageInfos].sort((a, b) => a.stageId - b.stageId).at(-1);
    const props = stringMap(e['Properties']);
    const sqlId = props['spark.sql.execution.id'];
    const sqlExecutionId = sqlId !== undefined && /^-?\d+$/.test(sqlId) ? Number(sqlId) : undefined;
    const tags = (props['spark.job.tags'] ?? '').split(',').filter((t) => t.length > 0).sort();
    const time = readTime(e['Submission Time'], -1);
    const jobId = intId(e['Job ID']);
    this.noteTime(time);
    const job = new LiveJob(
      jobId,
      last?.name ?? '',
      props['spark.job.description'],
      time > 0 ? time : undefined,
      stageIds,
      props['spark.jobGroup.id'],
      tags,
      numTasks,
      sqlExecutionId,
    );
    this.liveJobs.set(jobId, job);
    if (sqlExecutionId !== undefined) this.jobSqlExecution.set(jobId, sqlExecutionId);
    for (const info of stageInfos) {
      const stage = this.getOrCreateStage(info);
      stage.jobs.push(job);
      stage.jobIds.add(jobId);
    }
    this.jobChanges.changed(jobId);
  }

  private onJobEnd(e: Json): void {
    const jobId = intId(e['Job ID']);
    const job = this.liveJobs.get(jobId);
    if (!job) return;
    this.liveJobs.delete(jobId);
    for (const [key, stage] of this.liveStages) {
      if (!job.stageIds.includes(stage.info.stageId) || stage.status !== 'PENDING') continue;
      stage.status = 'SKIPPED';
      job.skippedStages.add(stage.info.stageId);
      job.skippedTasks += stage.info.numTasks;
      // A pending stage was never counted as active (SPARK-41683): activeStages stays as it is.
      this.liveStages.delete(key);
      this.writeStage(stage);
    }
    const result = obj(e['Job Result']);
    job.status = str(result?.['Result'], 'JobSucceeded') === 'JobSucceeded' ? 'SUCCEEDED' : 'FAILED';
    const time = readTime(e['Completion Time'], -1);
    job.completionTime = time > 0 ? time : undefined;
    this.noteTime(time);
    this.writeJob(job);
  }

  /** Spark's update(job): the store keeps this snapshot until the next write. */
  private writeJob(job: LiveJob): void {
    this.jobs.set(job.jobId, restJob(job));
    this.jobCompletion.set(job.jobId, job.completionTime ?? -1);
    this.jobChanges.changed(job.jobId);
    this.jobChanges.restored(job.jobId);
    this.applyJobRetention();
  }

  // ---- stages ----

  private getOrCreateStage(info: StageInfo): LiveStage {
    const key = stageKey(info.stageId, info.attemptId);
    let stage = this.liveStages.get(key);
    if (!stage) {
      stage = new LiveStage(info);
      this.liveStages.set(key, stage);
      this.stages.set(key, stage);
      this.stageChanges.restored(key);
    }
    stage.info = info;
    this.stageChanges.changed(key);
    return stage;
  }

  private writeStage(stage: LiveStage): void {
    const key = stageKey(stage.info.stageId, stage.info.attemptId);
    this.stages.set(key, stage);
    this.stageChanges.changed(key);
    this.stageChanges.restored(key);
    this.applyStageRetention();
  }

  private onStageSubmitted(e: Json): void {
    const info = stageInfoFromJson(e['Stage Info']);
    const stage = this.getOrCreateStage(info);
    stage.status = 'ACTIVE';
    const props = stringMap(e['Properties']);
    stage.schedulingPool = props['spark.scheduler.pool'] ?? 'default';
    stage.jobs = [...this.liveJobs.values()].filter((j) => j.stageIds.includes(info.stageId));
    stage.jobIds = new Set(stage.jobs.map((j) => j.jobId));
    stage.description = props['spark.job.description'];
    for (const job of stage.jobs) {
      job.completedStages.delete(info.stageId);
      job.activeStages += 1;
      this.jobChanges.changed(job.jobId);
    }
    for (const rdd of info.rddInfos) {
      if (isValidStorageLevel(rdd.storageLevel) && !this.rdds.has(rdd.id)) {
        this.rdds.set(rdd.id, new LiveRdd(rdd, rdd.storageLevel));
        this.rddChanges.changed(rdd.id);
        this.rddChanges.restored(rdd.id);
      }
    }
  }

  private onStageCompleted(e: Json): void {
    const info = stageInfoFromJson(e['Stage Info']);
    this.noteTime(info.completionTime ?? -1);
    const key = stageKey(info.stageId, info.attemptId);
    const stage = this.liveStages.get(key);
    if (stage) {
      stage.info = info;
      stage.status = info.failureReason !== undefined ? 'FAILED' : info.submissionTime !== undefined ? 'COMPLETE' : 'SKIPPED';
      for (const job of stage.jobs) {
        if (stage.status === 'COMPLETE') job.completedStages.add(info.stageId);
        else if (stage.status === 'SKIPPED') {
          job.skippedStages.add(info.stageId);
          job.skippedTasks += info.numTasks;
        } else job.failedStages += 1;
        job.activeStages -= 1;
        this.jobChanges.changed(job.jobId);
      }
      for (const id of stage.excludedExecutors) {
        const exec = this.liveExecutors.get(id);
        if (exec) {
          exec.excludedInStages.delete(info.stageId);
          this.touchExecutor(exec);
        }
      }
      if (stage.activeTasks === 0) this.liveStages.delete(key);
      this.writeStage(stage);
    }
    for (const [id, exec] of this.deadExecutors) {
      if (!this.isExecutorActiveForLiveStages(exec)) this.deadExecutors.delete(id);
    }
  }

  // ---- tasks ----

  private onTaskStart(e: Json, line: string, ref: LineRef | undefined): void {
    const info = taskInfoFromJson(e['Task Info'], false);
    const stageId = intId(e['Stage ID']);
    const attempt = intId(e['Stage Attempt ID']);
    this.liveTasks.set(info.taskId, { info, stageId, stageAttempt: attempt, startLine: line, startRef: copyLineRef(ref) });

    const stage = this.liveStages.get(stageKey(stageId, attempt));
    if (stage) {
      stage.activeTasks += 1;
      stage.firstLaunchTime = Math.min(stage.firstLaunchTime, info.launchTime);
      stage.localitySummary.set(info.locality, (stage.localitySummary.get(info.locality) ?? 0) + 1);
      stage.activeTasksPerExecutor.set(info.executorId, (stage.activeTasksPerExecutor.get(info.executorId) ?? 0) + 1);
      if (info.speculative) {
        stage.speculation ??= new SpeculationSummary();
        stage.speculation.numActiveTasks += 1;
        stage.speculation.numTasks += 1;
      }
      for (const job of stage.jobs) {
        job.activeTasks += 1;
        this.jobChanges.changed(job.jobId);
      }
      this.stageChanges.changed(stageKey(stageId, attempt));
      stage.savedTasks += 1;
      if (stage.savedTasks > this.retention.tasks) this.cleanupTasks(stage);
    }
    const exec = this.liveExecutors.get(info.executorId);
    if (exec) {
      exec.activeTasks += 1;
      exec.totalTasks += 1;
      this.touchExecutor(exec);
    }
  }

  private onTaskEnd(e: Json, line: string, ref: LineRef | undefined): void {
    const taskInfoJson = obj(e['Task Info']);
    if (!taskInfoJson) return;
    const info = taskInfoFromJson(taskInfoJson, false);
    const reason = obj(e['Task End Reason']);
    this.noteTime(info.finishTime);
    const metricsJson = obj(e['Task Metrics']);
    // One scratch vector: the sink copies it on put() and the sums copy it element-wise.
    const metrics = metricsJson ? metricsFromJson(metricsJson, this.scratchMetrics) : undefined;
    const stageId = intId(e['Stage ID']);
    const attempt = intId(e['Stage Attempt ID']);
    const execMetrics = this.observedMetrics.read(taskExecutorMetrics(e));

    // Only a task that is still live gets its record (and its metric delta) updated.
    const live = this.liveTasks.get(info.taskId);
    let delta = undefined;
    if (live) {
      this.liveTasks.delete(info.taskId);
      delta = metrics;
      this.sink.put(finishedTaskRow(live, info, metrics, reason, line, ref));
    }

    const d = reasonDeltas(reason);
    const duration = taskDuration(info);
    const stage = this.liveStages.get(stageKey(stageId, attempt));
    if (stage) {
      if (delta) addInto(stage.metrics, delta);
      stage.activeTasks += d.active;
      stage.completedTasks += d.completed;
      if (d.completed > 0) stage.completedIndices.add(info.index);
      stage.failedTasks += d.failed;
      stage.killedTasks += d.killed;
      const killKey = killedSummaryKey(reason);
      if (d.killed > 0 && killKey !== undefined) stage.killedSummary.set(killKey, (stage.killedSummary.get(killKey) ?? 0) + 1);
      stage.activeTasksPerExecutor.set(info.executorId, (stage.activeTasksPerExecutor.get(info.executorId) ?? 0) - 1);
      if (info.speculative && stage.speculation) {
        stage.speculation.numActiveTasks -= 1;
        stage.speculation.numCompletedTasks += d.completed;
        stage.speculation.numFailedTasks += d.failed;
        stage.speculation.numKilledTasks += d.killed;
      }
      stage.peak.updateFrom(execMetrics);
      const removeStage = stage.activeTasks === 0 && (stage.status === 'COMPLETE' || stage.status === 'FAILED');

      const packed = jobTaskKey(stageId, info.index);
      for (const job of stage.jobs) {
        job.activeTasks += d.active;
        job.completedTasks += d.completed;
        if (d.completed > 0) job.completedIndices.add(packed);
        job.failedTasks += d.failed;
        job.killedTasks += d.killed;
        if (d.killed > 0 && killKey !== undefined) job.killedSummary.set(killKey, (job.killedSummary.get(killKey) ?? 0) + 1);
        if (removeStage && !this.liveJobs.has(job.jobId)) this.writeJob(job);
        else this.jobChanges.changed(job.jobId);
      }

      const es = stage.executorSummary(info.executorId);
      es.taskTime += duration;
      es.succeededTasks += d.completed;
      es.failedTasks += d.failed;
      es.killedTasks += d.killed;
      if (delta) addInto(es.metrics, delta);
      es.peak.updateFrom(execMetrics);

      if (removeStage) {
        this.liveStages.delete(stageKey(stageId, attempt));
        this.writeStage(stage);
      } else {
        this.stageChanges.changed(stageKey(stageId, attempt));
      }
    }

    const exec = this.liveExecutors.get(info.executorId);
    if (exec) {
      exec.activeTasks += d.active;
      exec.completedTasks += d.completed;
      exec.failedTasks += d.failed;
      exec.totalDuration += duration;
      if (reasonName(reason) !== 'Resubmitted' && metrics) {
        exec.totalGcTime += metrics[M.jvmGcTime]!;
        exec.totalInputBytes += metrics[M.inputBytesRead]!;
        exec.totalShuffleRead += metrics[M.shuffleLocalBytesRead]! + metrics[M.shuffleRemoteBytesRead]!;
        exec.totalShuffleWrite += metrics[M.shuffleBytesWritten]!;
      }
      exec.peak.updateFrom(execMetrics);
      this.touchExecutor(exec);
    }
  }

  /** spark.ui.retainedTasks: drop the oldest-finishing stored tasks of an attempt. */
  private cleanupTasks(stage: LiveStage): void {
    const toDelete = Math.max(Math.trunc(this.retention.tasks / 10), stage.savedTasks - this.retention.tasks);
    if (toDelete <= 0) return;
    const deleted = this.sink.deleteOldest(stage.info.stageId, stage.info.attemptId, toDelete);
    // Running tasks are not in the store during a replay, so they are counted as removed too (as Spark does).
    stage.savedTasks -= Math.max(deleted, toDelete);
  }

  // ---- metrics ----

  private onStageExecutorMetrics(e: Json): void {
    const execId = str(e['Executor ID']);
    const metrics = obj(e['Executor Metrics']) ?? {};
    const exec = this.liveExecutors.get(execId) ?? this.deadExecutors.get(execId);
    if (exec) {
      exec.peak.update(metrics);
      this.touchExecutor(exec);
    }
    this.updateStagePeak(intId(e['Stage ID']), intId(e['Stage Attempt ID']), execId, metrics);
  }

  private onExecutorMetricsUpdate(e: Json): void {
    const execId = str(e['Executor ID']);
    for (const u of arr(e['Executor Metrics Updated'])) {
      const update = obj(u) ?? {};
      const metrics = obj(update['Executor Metrics']) ?? {};
      const exec = this.liveExecutors.get(execId);
      if (exec) {
        exec.peak.update(metrics);
        this.touchExecutor(exec);
      }
      this.updateStagePeak(intId(update['Stage ID']), intId(update['Stage Attempt ID']), execId, metrics);
    }
  }

  private updateStagePeak(stageId: number, attempt: number, execId: string, metrics: Json): void {
    const stage = this.liveStages.get(stageKey(stageId, attempt));
    if (!stage) return;
    stage.peak.update(metrics);
    stage.executorSummary(execId).peak.update(metrics);
    this.stageChanges.changed(stageKey(stageId, attempt));
  }

  // ---- storage ----

  private updatePartition(rdd: LiveRdd, blockName: string, executors: string[], memoryUsed: number, diskUsed: number): void {
    const level = rdd.storageLevel;
    const effective = {
      useDisk: diskUsed > 0,
      useMemory: memoryUsed > 0,
      useOffHeap: level.useOffHeap,
      deserialized: memoryUsed > 0 ? level.deserialized : false,
      replication: executors.length,
    };
    rdd.partitions.set(blockName, { blockName, executors, memoryUsed, diskUsed, storageLevel: describeStorageLevel(effective) });
  }

  private onBlockUpdated(e: Json): void {
    const info = obj(e['Block Updated Info']) ?? {};
    const blockId = str(info['Block ID']);
    const bm = obj(info['Block Manager ID']) ?? {};
    const executorId = str(bm['Executor ID']);
    const level = storageLevelFromJson(info['Storage Level']);
    const memSize = num(info['Memory Size']);
    const diskSize = num(info['Disk Size']);
    const diskDelta = diskSize * (level.useDisk ? 1 : -1);
    const memoryDelta = memSize * (level.useMemory ? 1 : -1);
    const rddMatch = /^rdd_(\d+)_(\d+)$/.exec(blockId);
    const exec = this.liveExecutors.get(executorId);

    if (rddMatch) {
      if (exec) this.updateExecutorMemory(exec, level.useOffHeap, memoryDelta, diskDelta);
      let rddBlocksDelta = 0;
      const rdd = this.rdds.get(Number(rddMatch[1]));
      if (rdd) {
        let part = rdd.partitions.get(blockId);
        if (!part) {
          this.updatePartition(rdd, blockId, [], 0, 0);
          part = rdd.partitions.get(blockId)!;
        }
        let executors: string[];
        if (isValidStorageLevel(level)) {
          if (part.executors.includes(executorId)) executors = part.executors;
          else {
            rddBlocksDelta = 1;
            executors = [...part.executors, executorId];
          }
        } else {
          rddBlocksDelta = -1;
          executors = part.executors.filter((x) => x !== executorId);
        }
        if (executors.length > 0) {
          this.updatePartition(rdd, blockId, executors, Math.max(0, part.memoryUsed + memoryDelta), Math.max(0, part.diskUsed + diskDelta));
        } else {
          rdd.partitions.delete(blockId);
        }
        if (exec) {
          if (exec.rddBlocks + rddBlocksDelta > 0) {
            let dist = rdd.distributions.get(executorId);
            if (!dist) {
              dist = { executorId, memoryUsed: 0, diskUsed: 0, onHeapUsed: 0, offHeapUsed: 0 };
              rdd.distributions.set(executorId, dist);
            }
            dist.memoryUsed = Math.max(0, dist.memoryUsed + memoryDelta);
            dist.diskUsed = Math.max(0, dist.diskUsed + diskDelta);
            dist.remaining = undefined;
            if (exec.hasMemoryInfo) {
              if (level.useOffHeap) dist.offHeapUsed = Math.max(0, dist.offHeapUsed + memoryDelta);
              else dist.onHeapUsed = Math.max(0, dist.onHeapUsed + memoryDelta);
            }
          } else {
            rdd.distributions.delete(executorId);
          }
          // Other RDDs' "memory remaining" on this executor changed too: Spark writes them again.
          for (const other of this.rdds.values()) {
            const otherDist = other.info.id === rdd.info.id ? undefined : other.distributions.get(executorId);
            if (!otherDist) continue;
            otherDist.remaining = undefined;
            this.freezeMemoryRemaining(other);
            this.rddChanges.changed(other.info.id);
          }
        }
        rdd.memoryUsed = Math.max(0, rdd.memoryUsed + memoryDelta);
        rdd.diskUsed = Math.max(0, rdd.diskUsed + diskDelta);
        this.freezeMemoryRemaining(rdd);
        this.rddChanges.changed(rdd.info.id);
      }
      if (exec) {
        exec.rddBlocks += rddBlocksDelta;
        this.touchExecutor(exec);
      }
    } else if (blockId.startsWith('broadcast_')) {
      if (exec) {
        this.updateExecutorMemory(exec, level.useOffHeap, memoryDelta, diskDelta);
        this.touchExecutor(exec);
      }
    }
  }

  /**
   * Spark writes an RDD on every block update of it, and a distribution's view is computed on the first write
   * after it changed, then kept (LiveRDDDistribution.lastUpdate): its "memory remaining" is the executor's at
   * that moment, not moved by later broadcast blocks.
   */
  private freezeMemoryRemaining(rdd: LiveRdd): void {
    for (const dist of rdd.distributions.values()) dist.remaining ??= memoryRemaining(this.executors.get(dist.executorId));
  }

  private updateExecutorMemory(exec: LiveExecutor, offHeap: boolean, memoryDelta: number, diskDelta: number): void {
    if (exec.hasMemoryInfo) {
      if (offHeap) exec.usedOffHeap = Math.max(0, exec.usedOffHeap + memoryDelta);
      else exec.usedOnHeap = Math.max(0, exec.usedOnHeap + memoryDelta);
    }
    exec.memoryUsed = Math.max(0, exec.memoryUsed + memoryDelta);
    exec.diskUsed = Math.max(0, exec.diskUsed + diskDelta);
  }

  private onUnpersistRdd(rddId: number): void {
    const rdd = this.rdds.get(rddId);
    if (rdd) {
      this.rdds.delete(rddId);
      for (const part of rdd.partitions.values()) {
        for (const id of part.executors) {
          const exec = this.liveExecutors.get(id);
          if (exec) exec.rddBlocks -= 1;
        }
      }
      for (const [id, dist] of rdd.distributions) {
        const exec = this.liveExecutors.get(id);
        if (!exec) continue;
        if (exec.hasMemoryInfo) {
          if (rdd.info.storageLevel.useOffHeap) exec.usedOffHeap = Math.max(0, exec.usedOffHeap - dist.offHeapUsed);
          else exec.usedOnHeap = Math.max(0, exec.usedOnHeap - dist.onHeapUsed);
        }
        exec.memoryUsed = Math.max(0, exec.memoryUsed - dist.memoryUsed);
        exec.diskUsed = Math.max(0, exec.diskUsed - dist.diskUsed);
        this.touchExecutor(exec);
      }
    }
    this.rddChanges.removed(rddId);
  }

  // ---- retention (spark.ui.retained*) ----

  private applyJobRetention(): void {
    for (const j of jobsToEvict(this.jobs, (id) => this.jobCompletion.get(id) ?? -1, this.retention.jobs)) {
      this.jobs.delete(j.jobId);
      this.jobCompletion.delete(j.jobId);
      this.jobChanges.removed(j.jobId);
    }
  }

  private applyStageRetention(): void {
    for (const s of stagesToEvict(this.stages, this.retention.stages)) {
      const key = stageKey(s.info.stageId, s.info.attemptId);
      this.stages.delete(key);
      this.liveStages.delete(key);
      this.stageChanges.removed(key);
      this.sink.deleteStage(s.info.stageId, s.info.attemptId);
    }
  }

  private applyDeadExecutorRetention(): void {
    for (const x of deadExecutorsToEvict(this.executors, this.retention.deadExecutors)) {
      this.executors.delete(x.executorId);
      this.executorChanges.removed(x.executorId);
    }
  }

  // ---- end of input ----

  /**
   * Spark's final flush at the end of a replay: every still-live job gets written, and still-running tasks are
   * stored with their duration measured against `lastUpdated` (SPARK-21922).
   */
  flushLive(lastUpdated: number): void {
    for (const job of this.liveJobs.values()) this.writeJob(job);
    for (const t of this.liveTasks.values()) this.sink.put(runningTaskRow(t, lastUpdated));
    for (const key of this.liveStages.keys()) this.stageChanges.changed(key);
  }

  /** Hands out what changed since the last call, so the store can persist it incrementally. */
  takeDirty(): DirtySet {
    const jobs = this.jobChanges.take();
    const stages = this.stageChanges.take();
    const executors = this.executorChanges.take();
    const rdds = this.rddChanges.take();
    const out: DirtySet = {
      jobs: jobs.changed.map((id) => this.jobs.get(id)).filter((j): j is Json => j !== undefined),
      stages: stages.changed.map((k) => this.stages.get(k)).filter((s): s is LiveStage => s !== undefined),
      executors: executors.changed.map((id) => this.executors.get(id)).filter((x): x is LiveExecutor => x !== undefined),
      rdds: rdds.changed.map((id) => this.rdds.get(id)).filter((r): r is LiveRdd => r !== undefined),
      removedJobs: jobs.removed,
      removedStages: stages.removed,
      removedExecutors: executors.removed,
      removedRdds: rdds.removed,
      app: this.appDirty,
    };
    this.appDirty = false;
    return out;
  }
}

export interface DirtySet {
  jobs: Json[];
  stages: LiveStage[];
  executors: LiveExecutor[];
  rdds: LiveRdd[];
  removedJobs: number[];
  removedStages: string[];
  removedExecutors: string[];
  removedRdds: number[];
  app: boolean;
}
