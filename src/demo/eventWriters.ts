// JSON serializers for every event the generator writes, one method per event, with the
// per-version field rules of sparkVersions.ts applied. Key order follows JsonProtocol's writer
// order (JSON.stringify keeps insertion order), because some readers — Spark's own listing
// pass among them — match raw line prefixes such as {"Event":"SparkListenerApplicationStart".

import type { SparkVersionRules } from './sparkVersions.js';
import type {
  AccumulableModel,
  BlockManagerIdModel,
  ExecutorMetricsModel,
  ExecutorModel,
  RddModel,
  StageModel,
  StorageLevelModel,
  TaskEndReasonModel,
  TaskInfoModel,
  TaskMetricValues,
} from './model.js';
import { parseFrame } from './failures.js';

export const REDACTED = '*********(redacted)';

/** Utils.redact: a pair is redacted when its key or its value matches spark.redaction.regex. */
export function redactProps(props: Record<string, string>, regex: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) out[k] = regex.test(k) || regex.test(v) ? REDACTED : v;
  return out;
}

export interface EnvironmentModel {
  jvm: { javaHome: string; javaVersion: string };
  spark: Record<string, string>;
  hadoop: Record<string, string>;
  system: Record<string, string>;
  metrics: Record<string, string>;
  classpath: Record<string, string>;
}

export interface SqlPlanNode {
  nodeName: string;
  simpleString: string;
  children: SqlPlanNode[];
  metadata: Record<string, string>;
  metrics: { name: string; accumulatorId: number; metricType: string }[];
}

type Json = Record<string, unknown>;

export class EventWriter {
  constructor(readonly rules: SparkVersionRules) {}

  private line(o: Json): string {
    return JSON.stringify(o);
  }

  logStart(): string {
    return this.line({ Event: 'SparkListenerLogStart', 'Spark Version': this.rules.version });
  }

  /** Hand-built because the task "cpus" Amount is a Scala Double and Jackson writes 1.0, not 1. */
  resourceProfileAdded(p: { id: number; cores: number; memoryMb: number; offHeapMb: number; overheadMb?: number; taskCpus: number }): string {
    const req = (name: string, amount: number) => `"${name}":{"Resource Name":"${name}","Amount":${amount},"Discovery Script":"","Vendor":""}`;
    // ResourceProfile's default executor requests, in the order Spark adds them.
    const exec = [req('cores', p.cores), req('memory', p.memoryMb), req('offHeap', p.offHeapMb), ...(p.overheadMb ? [req('memoryOverhead', p.overheadMb)] : [])];
    return `{"Event":"SparkListenerResourceProfileAdded","Resource Profile Id":${p.id},"Executor Resource Requests":{${exec.join(',')}},"Task Resource Requests":{"cpus":{"Resource Name":"cpus","Amount":${p.taskCpus.toFixed(1)}}}}`;
  }

  bmId(bm: BlockManagerIdModel): Json {
    return { 'Executor ID': bm.executorId, Host: bm.host, Port: bm.port };
  }

  blockManagerAdded(bm: BlockManagerIdModel, maxMemory: number, ts: number, onHeap: number, offHeap: number): string {
    return this.line({
      Event: 'SparkListenerBlockManagerAdded',
      'Block Manager ID': this.bmId(bm),
      'Maximum Memory': maxMemory,
      Timestamp: ts,
      'Maximum Onheap Memory': onHeap,
      'Maximum Offheap Memory': offHeap,
    });
  }

  blockManagerRemoved(bm: BlockManagerIdModel, ts: number): string {
    return this.line({ Event: 'SparkListenerBlockManagerRemoved', 'Block Manager ID': this.bmId(bm), Timestamp: ts });
  }

  environmentUpdate(env: EnvironmentModel): string {
    const re = this.rules.redactionRegex;
    const o: Json = {
      Event: 'SparkListenerEnvironmentUpdate',
      'JVM Information': { 'Java Home': env.jvm.javaHome, 'Java Version': env.jvm.javaVersion, 'Scala Version': this.rules.scalaVersion },
      'Spark Properties': redactProps(env.spark, re),
    };
    if (this.rules.hadoopProperties) o['Hadoop Properties'] = redactProps(env.hadoop, re);
    o['System Properties'] = redactProps(env.system, re);
    if (this.rules.metricsProperties) o['Metrics Properties'] = redactProps(env.metrics, re);
    o['Classpath Entries'] = env.classpath;
    return this.line(o);
  }

  applicationStart(p: {
    name: string;
    appId: string;
    ts: number;
    user: string;
    attemptId?: string;
    driverLogs?: Record<string, string>;
    driverAttributes?: Record<string, string>;
  }): string {
    const o: Json = { Event: 'SparkListenerApplicationStart', 'App Name': p.name, 'App ID': p.appId, Timestamp: p.ts, User: p.user };
    if (p.attemptId !== undefined) o['App Attempt ID'] = p.attemptId;
    if (p.driverLogs) o['Driver Logs'] = p.driverLogs;
    if (p.driverAttributes && this.rules.executorAttributes) o['Driver Attributes'] = p.driverAttributes;
    return this.line(o);
  }

  applicationEnd(ts: number): string {
    return this.line({ Event: 'SparkListenerApplicationEnd', Timestamp: ts });
  }

  executorAdded(e: ExecutorModel, ts: number): string {
    const info: Json = { Host: e.host, 'Total Cores': e.cores, 'Log Urls': e.logUrls };
    if (this.rules.executorAttributes) {
      info['Attributes'] = e.attributes;
      info['Resources'] = {};
    }
    if (this.rules.resourceProfiles) info['Resource Profile Id'] = 0;
    if (this.rules.registrationTime) {
      info['Registration Time'] = ts;
      if (e.requestTime !== undefined) info['Request Time'] = e.requestTime;
    }
    return this.line({ Event: 'SparkListenerExecutorAdded', Timestamp: ts, 'Executor ID': e.id, 'Executor Info': info });
  }

  executorRemoved(id: string, ts: number, reason: string): string {
    return this.line({ Event: 'SparkListenerExecutorRemoved', Timestamp: ts, 'Executor ID': id, 'Removed Reason': reason });
  }

  storageLevel(s: StorageLevelModel): Json {
    const o: Json = { 'Use Disk': s.useDisk, 'Use Memory': s.useMemory };
    if (this.rules.useOffHeap) o['Use Off Heap'] = s.useOffHeap;
    o['Deserialized'] = s.deserialized;
    o['Replication'] = s.replication;
    return o;
  }

  rddInfo(r: RddModel): Json {
    const o: Json = { 'RDD ID': r.id, Name: r.name };
    if (r.scope) o['Scope'] = JSON.stringify(r.scope);
    o['Callsite'] = r.callsite;
    o['Parent IDs'] = r.parentIds;
    o['Storage Level'] = this.storageLevel(r.storage);
    if (this.rules.rddBarrier) o['Barrier'] = false;
    if (this.rules.deterministicLevel) o['DeterministicLevel'] = r.deterministicLevel;
    o['Number of Partitions'] = r.numPartitions;
    o['Number of Cached Partitions'] = 0;
    o['Memory Size'] = 0;
    o['Disk Size'] = 0;
    return o;
  }

  accumulable(a: AccumulableModel): Json {
    const o: Json = { ID: a.id };
    if (a.name !== undefined) o['Name'] = a.name;
    if (a.update !== undefined) o['Update'] = a.update;
    if (a.value !== undefined) o['Value'] = a.value;
    o['Internal'] = a.internal;
    o['Count Failed Values'] = a.countFailedValues;
    if (a.metadata !== undefined) o['Metadata'] = a.metadata;
    return o;
  }

  stageInfo(s: StageModel): Json {
    const o: Json = {
      'Stage ID': s.stageId,
      'Stage Attempt ID': s.attemptId,
      'Stage Name': s.name,
      'Number of Tasks': s.numTasks,
      'RDD Info': s.rdds.map((r) => this.rddInfo(r)),
      'Parent IDs': s.parentIds,
      Details: s.details,
    };
    if (s.submissionTime !== undefined) o['Submission Time'] = s.submissionTime;
    if (s.completionTime !== undefined) o['Completion Time'] = s.completionTime;
    if (s.failureReason !== undefined) o['Failure Reason'] = s.failureReason;
    o['Accumulables'] = s.accumulables.map((a) => this.accumulable(a));
    if (this.rules.resourceProfiles) o['Resource Profile Id'] = 0;
    if (this.rules.shufflePushStageFields) {
      o['Shuffle Push Enabled'] = false;
      o['Shuffle Push Mergers Count'] = 0;
    }
    return o;
  }

  jobStart(jobId: number, ts: number, stages: StageModel[], props: Record<string, string>): string {
    return this.line({
      Event: 'SparkListenerJobStart',
      'Job ID': jobId,
      'Submission Time': ts,
      'Stage Infos': stages.map((s) => this.stageInfo(s)),
      'Stage IDs': stages.map((s) => s.stageId),
      Properties: this.jobProps(props),
    });
  }

  private jobProps(props: Record<string, string>): Record<string, string> {
    // 3.2+ redacts job/stage properties (SPARK-33504); earlier releases logged them verbatim.
    return this.rules.redactJobProperties ? redactProps(props, this.rules.redactionRegex) : props;
  }

  jobEnd(jobId: number, ts: number, failure?: { message: string; frames: string[] }): string {
    const result: Json = failure
      ? { Result: 'JobFailed', Exception: { Message: failure.message, 'Stack Trace': failure.frames.map((f) => this.frame(f)) } }
      : { Result: 'JobSucceeded' };
    return this.line({ Event: 'SparkListenerJobEnd', 'Job ID': jobId, 'Completion Time': ts, 'Job Result': result });
  }

  stageSubmitted(s: StageModel, props: Record<string, string>): string {
    return this.line({ Event: 'SparkListenerStageSubmitted', 'Stage Info': this.stageInfo(s), Properties: this.jobProps(props) });
  }

  stageCompleted(s: StageModel): string {
    return this.line({ Event: 'SparkListenerStageCompleted', 'Stage Info': this.stageInfo(s) });
  }

  taskInfo(t: TaskInfoModel): Json {
    const o: Json = { 'Task ID': t.taskId, Index: t.index, Attempt: t.attempt };
    if (this.rules.partitionId) o['Partition ID'] = t.partitionId;
    o['Launch Time'] = t.launchTime;
    o['Executor ID'] = t.executorId;
    o['Host'] = t.host;
    o['Locality'] = t.locality;
    o['Speculative'] = t.speculative;
    o['Getting Result Time'] = t.gettingResultTime;
    o['Finish Time'] = t.finishTime;
    o['Failed'] = t.failed;
    o['Killed'] = t.killed;
    o['Accumulables'] = t.accumulables.map((a) => this.accumulable(a));
    return o;
  }

  taskStart(stageId: number, attempt: number, t: TaskInfoModel): string {
    return this.line({ Event: 'SparkListenerTaskStart', 'Stage ID': stageId, 'Stage Attempt ID': attempt, 'Task Info': this.taskInfo(t) });
  }

  executorMetrics(m: ExecutorMetricsModel): Json {
    const o: Json = {
      JVMHeapMemory: m.JVMHeapMemory,
      JVMOffHeapMemory: m.JVMOffHeapMemory,
      OnHeapExecutionMemory: m.OnHeapExecutionMemory,
      OffHeapExecutionMemory: m.OffHeapExecutionMemory,
      OnHeapStorageMemory: m.OnHeapStorageMemory,
      OffHeapStorageMemory: m.OffHeapStorageMemory,
      OnHeapUnifiedMemory: m.OnHeapUnifiedMemory,
      OffHeapUnifiedMemory: m.OffHeapUnifiedMemory,
      DirectPoolMemory: m.DirectPoolMemory,
      MappedPoolMemory: m.MappedPoolMemory,
      ProcessTreeJVMVMemory: m.ProcessTreeJVMVMemory,
      ProcessTreeJVMRSSMemory: m.ProcessTreeJVMRSSMemory,
      ProcessTreePythonVMemory: m.ProcessTreePythonVMemory,
      ProcessTreePythonRSSMemory: m.ProcessTreePythonRSSMemory,
      ProcessTreeOtherVMemory: m.ProcessTreeOtherVMemory,
      ProcessTreeOtherRSSMemory: m.ProcessTreeOtherRSSMemory,
      MinorGCCount: m.MinorGCCount,
      MinorGCTime: m.MinorGCTime,
      MajorGCCount: m.MajorGCCount,
      MajorGCTime: m.MajorGCTime,
    };
    if (this.rules.totalGCTime) o['TotalGCTime'] = m.TotalGCTime;
    return o;
  }

  taskMetrics(m: TaskMetricValues): Json {
    const o: Json = {
      'Executor Deserialize Time': m.executorDeserializeTime,
      'Executor Deserialize CPU Time': m.executorDeserializeCpuTime,
      'Executor Run Time': m.executorRunTime,
      'Executor CPU Time': m.executorCpuTime,
    };
    if (this.rules.taskExecutorMetrics) o['Peak Execution Memory'] = m.peakExecutionMemory;
    o['Result Size'] = m.resultSize;
    o['JVM GC Time'] = m.jvmGCTime;
    o['Result Serialization Time'] = m.resultSerializationTime;
    o['Memory Bytes Spilled'] = m.memoryBytesSpilled;
    o['Disk Bytes Spilled'] = m.diskBytesSpilled;
    const sr: Json = {
      'Remote Blocks Fetched': m.srRemoteBlocksFetched,
      'Local Blocks Fetched': m.srLocalBlocksFetched,
      'Fetch Wait Time': m.srFetchWaitTime,
      'Remote Bytes Read': m.srRemoteBytesRead,
      'Remote Bytes Read To Disk': m.srRemoteBytesReadToDisk,
      'Local Bytes Read': m.srLocalBytesRead,
      'Total Records Read': m.srRecordsRead,
    };
    if (this.rules.pushBasedShuffleReadMetrics) {
      sr['Remote Requests Duration'] = m.srRemoteReqsDuration;
      // The 3.4/3.5 writer nests push metrics under this key (spec §3.5 "key mismatch bug").
      sr['Push Based Shuffle'] = {
        'Corrupt Merged Block Chunks': 0,
        'Merged Fetch Fallback Count': 0,
        'Merged Remote Blocks Fetched': 0,
        'Merged Local Blocks Fetched': 0,
        'Merged Remote Chunks Fetched': 0,
        'Merged Local Chunks Fetched': 0,
        'Merged Remote Bytes Read': 0,
        'Merged Local Bytes Read': 0,
        'Merged Remote Requests Duration': 0,
      };
    }
    o['Shuffle Read Metrics'] = sr;
    o['Shuffle Write Metrics'] = {
      'Shuffle Bytes Written': m.swBytesWritten,
      'Shuffle Write Time': m.swWriteTime,
      'Shuffle Records Written': m.swRecordsWritten,
    };
    o['Input Metrics'] = { 'Bytes Read': m.inBytesRead, 'Records Read': m.inRecordsRead };
    o['Output Metrics'] = { 'Bytes Written': m.outBytesWritten, 'Records Written': m.outRecordsWritten };
    o['Updated Blocks'] = [];
    return o;
  }

  frame(f: string): Json {
    const p = parseFrame(f);
    return { 'Declaring Class': p.declaringClass, 'Method Name': p.methodName, 'File Name': p.fileName, 'Line Number': p.lineNumber };
  }

  reason(r: TaskEndReasonModel): Json {
    switch (r.kind) {
      case 'Success':
      case 'Resubmitted':
        return { Reason: r.kind };
      case 'ExceptionFailure':
        return {
          Reason: 'ExceptionFailure',
          'Class Name': r.className,
          Description: r.description,
          'Stack Trace': r.stackTrace.map((f) => ({
            'Declaring Class': f.declaringClass,
            'Method Name': f.methodName,
            'File Name': f.fileName,
            'Line Number': f.lineNumber,
          })),
          'Full Stack Trace': r.fullStackTrace,
          'Accumulator Updates': r.accumUpdates.map((a) => this.accumulable(a)),
        };
      case 'FetchFailed': {
        const o: Json = { Reason: 'FetchFailed', 'Block Manager Address': this.bmId(r.blockManager), 'Shuffle ID': r.shuffleId, 'Map ID': r.mapId };
        if (this.rules.fetchFailedMapIndex) o['Map Index'] = r.mapIndex;
        o['Reduce ID'] = r.reduceId;
        o['Message'] = r.message;
        return o;
      }
      case 'TaskKilled': {
        const o: Json = { Reason: 'TaskKilled', 'Kill Reason': r.reason };
        if (this.rules.taskKilledAccumUpdates) o['Accumulator Updates'] = r.accumUpdates.map((a) => this.accumulable(a));
        return o;
      }
      case 'ExecutorLostFailure':
        return { Reason: 'ExecutorLostFailure', 'Executor ID': r.executorId, 'Exit Caused By App': r.exitCausedByApp, 'Loss Reason': r.lossReason };
    }
  }

  taskEnd(p: {
    stageId: number;
    stageAttempt: number;
    taskType: 'ResultTask' | 'ShuffleMapTask';
    reason: TaskEndReasonModel;
    info: TaskInfoModel;
    executorMetrics: ExecutorMetricsModel;
    metrics?: TaskMetricValues;
  }): string {
    const o: Json = {
      Event: 'SparkListenerTaskEnd',
      'Stage ID': p.stageId,
      'Stage Attempt ID': p.stageAttempt,
      'Task Type': p.taskType,
      'Task End Reason': this.reason(p.reason),
      'Task Info': this.taskInfo(p.info),
    };
    if (this.rules.taskExecutorMetrics) o['Task Executor Metrics'] = this.executorMetrics(p.executorMetrics);
    if (p.metrics) o['Task Metrics'] = this.taskMetrics(p.metrics);
    return this.line(o);
  }

  blockUpdated(bm: BlockManagerIdModel, blockId: string, storage: StorageLevelModel, memSize: number, diskSize: number): string {
    return this.line({
      Event: 'SparkListenerBlockUpdated',
      'Block Updated Info': {
        'Block Manager ID': this.bmId(bm),
        'Block ID': blockId,
        'Storage Level': this.storageLevel(storage),
        'Memory Size': memSize,
        'Disk Size': diskSize,
      },
    });
  }

  unpersistRDD(rddId: number): string {
    return this.line({ Event: 'SparkListenerUnpersistRDD', 'RDD ID': rddId });
  }

  stageExecutorMetrics(execId: string, stageId: number, attempt: number, m: ExecutorMetricsModel): string {
    return this.line({
      Event: 'SparkListenerStageExecutorMetrics',
      'Executor ID': execId,
      'Stage ID': stageId,
      'Stage Attempt ID': attempt,
      'Executor Metrics': this.executorMetrics(m),
    });
  }

  /** Executor excluded for a stage: Blacklisted (2.4) / Excluded + Blacklisted pair (3.1+). */
  executorExcludedForStage(ts: number, execId: string, failures: number, stageId: number, attempt: number): string[] {
    const body = { time: ts, executorId: execId, taskFailures: failures, stageId, stageAttemptId: attempt };
    const out: string[] = [];
    if (this.rules.excludedEvents) out.push(this.line({ Event: 'org.apache.spark.scheduler.SparkListenerExecutorExcludedForStage', ...body }));
    if (this.rules.blacklistedForStage) out.push(this.line({ Event: 'org.apache.spark.scheduler.SparkListenerExecutorBlacklistedForStage', ...body }));
    return out;
  }

  executorExcluded(ts: number, execId: string, failures: number): string[] {
    const body = { time: ts, executorId: execId, taskFailures: failures };
    const out: string[] = [];
    if (this.rules.excludedEvents) out.push(this.line({ Event: 'org.apache.spark.scheduler.SparkListenerExecutorExcluded', ...body }));
    out.push(this.line({ Event: 'org.apache.spark.scheduler.SparkListenerExecutorBlacklisted', ...body }));
    return out;
  }

  executorUnexcluded(ts: number, execId: string): string[] {
    const body = { time: ts, executorId: execId };
    const out: string[] = [];
    if (this.rules.excludedEvents) out.push(this.line({ Event: 'org.apache.spark.scheduler.SparkListenerExecutorUnexcluded', ...body }));
    out.push(this.line({ Event: 'org.apache.spark.scheduler.SparkListenerExecutorUnblacklisted', ...body }));
    return out;
  }

  planInfo(n: SqlPlanNode): Json {
    return {
      nodeName: n.nodeName,
      simpleString: n.simpleString,
      children: n.children.map((c) => this.planInfo(c)),
      metadata: n.metadata,
      metrics: n.metrics.map((m) => ({ name: m.name, accumulatorId: m.accumulatorId, metricType: m.metricType })),
    };
  }

  /** Jackson-serialized: field names are the Scala constructor parameters, in order. */
  sqlExecutionStart(p: {
    executionId: number;
    rootExecutionId: number | null;
    description: string;
    details: string;
    physicalPlanDescription: string;
    plan: SqlPlanNode;
    time: number;
    modifiedConfigs: Record<string, string>;
    jobTags: string[];
  }): string {
    const o: Json = { Event: 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart', executionId: p.executionId };
    if (this.rules.sqlRootExecutionId) o['rootExecutionId'] = p.rootExecutionId;
    o['description'] = p.description;
    o['details'] = p.details;
    o['physicalPlanDescription'] = p.physicalPlanDescription;
    o['sparkPlanInfo'] = this.planInfo(p.plan);
    o['time'] = p.time;
    if (this.rules.sqlModifiedConfigs) o['modifiedConfigs'] = p.modifiedConfigs;
    if (this.rules.jobTags) o['jobTags'] = p.jobTags;
    return this.line(o);
  }

  sqlExecutionEnd(executionId: number, time: number, errorMessage: string): string {
    const o: Json = { Event: 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd', executionId, time };
    if (this.rules.sqlErrorMessage) o['errorMessage'] = errorMessage;
    return this.line(o);
  }

  sqlAdaptiveExecutionUpdate(executionId: number, physicalPlanDescription: string, plan: SqlPlanNode): string {
    return this.line({
      Event: 'org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate',
      executionId,
      physicalPlanDescription,
      sparkPlanInfo: this.planInfo(plan),
    });
  }

  driverAccumUpdates(executionId: number, updates: [number, number][]): string {
    return this.line({ Event: 'org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates', executionId, accumUpdates: updates });
  }
}

/** Events after which EventLoggingListener flushes (spec §1.7); codecs frame/flush there. */
export function isFlushPoint(line: string): boolean {
  // The event name is always the first key; read it without parsing the whole line.
  const end = line.indexOf('"', 10);
  const name = line.slice(10, end);
  switch (name) {
    case 'SparkListenerStageSubmitted':
    case 'SparkListenerTaskStart':
    case 'SparkListenerTaskGettingResult':
    case 'SparkListenerTaskEnd':
    case 'SparkListenerEnvironmentUpdate':
    case 'SparkListenerStageExecutorMetrics':
    case 'SparkListenerExecutorMetricsUpdate':
      return false;
    default:
      return true;
  }
}
