import type { Json } from './eventJson.js';
import type { LiveExecutor, LiveExecutorStageSummary, LiveJob, LiveRdd, LiveStage, MemoryRemaining, ProcessSummary, SpeculationSummary } from './liveEntities.js';
import { formatSparkDate } from '../../api/spark/sparkDate.js';
import { describeStorageLevel, restAccumulables } from './stageInfo.js';
import { M } from './taskMetrics.js';

/**
 * Live entities → the JSON Spark's REST API returns, field for field and in Spark's field order. Optional
 * fields are omitted when empty, as Jackson's NON_ABSENT inclusion does.
 */

function mapToObject(m: Map<string, number>): Json {
  const o: Json = {};
  for (const [k, v] of m) o[k] = v;
  return o;
}

export function restJob(job: LiveJob): Json {
  const out: Json = { jobId: job.jobId, name: job.name };
  if (job.description !== undefined) out.description = job.description;
  if (job.submissionTime !== undefined) out.submissionTime = formatSparkDate(job.submissionTime);
  if (job.completionTime !== undefined) out.completionTime = formatSparkDate(job.completionTime);
  out.stageIds = job.stageIds;
  if (job.jobGroup !== undefined) out.jobGroup = job.jobGroup;
  out.jobTags = job.jobTags;
  out.status = job.status;
  out.numTasks = job.numTasks;
  out.numActiveTasks = job.activeTasks;
  out.numCompletedTasks = job.completedTasks;
  out.numSkippedTasks = job.skippedTasks;
  out.numFailedTasks = job.failedTasks;
  out.numKilledTasks = job.killedTasks;
  out.numCompletedIndices = job.completedIndices.size;
  out.numActiveStages = job.activeStages;
  out.numCompletedStages = job.completedStages.size;
  out.numSkippedStages = job.skippedStages.size;
  out.numFailedStages = job.failedStages;
  out.killedTasksSummary = mapToObject(job.killedSummary);
  return out;
}

/**
 * A stage attempt as stored: the REST StageData without the request-time parts (tasks, distributions), plus
 * the per-executor summaries and what the console needs beyond Spark's REST (job ids, locality, RDD graph).
 */
export interface StoredStage {
  data: Json;
  executorSummary: Record<string, Json>;
  speculationSummary?: Json;
  jobIds: number[];
  localitySummary: Json;
  rddGraph: Json[];
  parentIds: number[];
}

export function restStageData(stage: LiveStage): Json {
  const info = stage.info;
  const m = stage.metrics;
  const out: Json = {
    status: stage.status,
    stageId: info.stageId,
    attemptId: info.attemptId,
    numTasks: info.numTasks,
    numActiveTasks: stage.activeTasks,
    numCompleteTasks: stage.completedTasks,
    numFailedTasks: stage.failedTasks,
    numKilledTasks: stage.killedTasks,
    numCompletedIndices: stage.completedIndices.size,
  };
  if (info.submissionTime !== undefined) out.submissionTime = formatSparkDate(info.submissionTime);
  if (Number.isFinite(stage.firstLaunchTime)) out.firstTaskLaunchedTime = formatSparkDate(stage.firstLaunchTime);
  if (info.completionTime !== undefined) out.completionTime = formatSparkDate(info.completionTime);
  if (info.failureReason !== undefined) out.failureReason = info.failureReason;
  Object.assign(out, {
    executorDeserializeTime: m[M.executorDeserializeTime],
    executorDeserializeCpuTime: m[M.executorDeserializeCpuTime],
    executorRunTime: m[M.executorRunTime],
    executorCpuTime: m[M.executorCpuTime],
    resultSize: m[M.resultSize],
    jvmGcTime: m[M.jvmGcTime],
    resultSerializationTime: m[M.resultSerializationTime],
    memoryBytesSpilled: m[M.memoryBytesSpilled],
    diskBytesSpilled: m[M.diskBytesSpilled],
    peakExecutionMemory: m[M.peakExecutionMemory],
    inputBytes: m[M.inputBytesRead],
    inputRecords: m[M.inputRecordsRead],
    outputBytes: m[M.outputBytesWritten],
    outputRecords: m[M.outputRecordsWritten],
    shuffleRemoteBlocksFetched: m[M.shuffleRemoteBlocksFetched],
    shuffleLocalBlocksFetched: m[M.shuffleLocalBlocksFetched],
    shuffleFetchWaitTime: m[M.shuffleFetchWaitTime],
    shuffleRemoteBytesRead: m[M.shuffleRemoteBytesRead],
    shuffleRemoteBytesReadToDisk: m[M.shuffleRemoteBytesReadToDisk],
    shuffleLocalBytesRead: m[M.shuffleLocalBytesRead],
    shuffleReadBytes: m[M.shuffleLocalBytesRead]! + m[M.shuffleRemoteBytesRead]!,
    shuffleReadRecords: m[M.shuffleRecordsRead],
    shuffleCorruptMergedBlockChunks: m[M.pushCorruptMergedBlockChunks],
    shuffleMergedFetchFallbackCount: m[M.pushMergedFetchFallbackCount],
    shuffleMergedRemoteBlocksFetched: m[M.pushRemoteMergedBlocksFetched],
    shuffleMergedLocalBlocksFetched: m[M.pushLocalMergedBlocksFetched],
    shuffleMergedRemoteChunksFetched: m[M.pushRemoteMergedChunksFetched],
    shuffleMergedLocalChunksFetched: m[M.pushLocalMergedChunksFetched],
    shuffleMergedRemoteBytesRead: m[M.pushRemoteMergedBytesRead],
    shuffleMergedLocalBytesRead: m[M.pushLocalMergedBytesRead],
    shuffleRemoteReqsDuration: m[M.shuffleRemoteReqsDuration],
    shuffleMergedRemoteReqsDuration: m[M.pushRemoteMergedReqsDuration],
    shuffleWriteBytes: m[M.shuffleBytesWritten],
    shuffleWriteTime: m[M.shuffleWriteTime],
    shuffleWriteRecords: m[M.shuffleRecordsWritten],
    name: info.name,
  });
  if (stage.description !== undefined) out.description = stage.description;
  out.details = info.details;
  out.schedulingPool = stage.schedulingPool;
  out.rddIds = info.rddInfos.map((r) => r.id);
  out.accumulatorUpdates = restAccumulables([...info.accumulables.values()].sort((a, b) => a.id - b.id));
  out.killedTasksSummary = mapToObject(stage.killedSummary);
  out.resourceProfileId = info.resourceProfileId;
  const peak = stage.peak.toJson();
  if (peak) out.peakExecutorMetrics = peak;
  out.isShufflePushEnabled = info.isShufflePushEnabled;
  out.shuffleMergersCount = info.shuffleMergersCount;
  return out;
}

export function restExecutorStageSummary(s: LiveExecutorStageSummary): Json {
  const m = s.metrics;
  const out: Json = {
    taskTime: s.taskTime,
    failedTasks: s.failedTasks,
    succeededTasks: s.succeededTasks,
    killedTasks: s.killedTasks,
    inputBytes: m[M.inputBytesRead],
    inputRecords: m[M.inputRecordsRead],
    outputBytes: m[M.outputBytesWritten],
    outputRecords: m[M.outputRecordsWritten],
    shuffleRead: m[M.shuffleRemoteBytesRead]! + m[M.shuffleLocalBytesRead]!,
    shuffleReadRecords: m[M.shuffleRecordsRead],
    shuffleWrite: m[M.shuffleBytesWritten],
    shuffleWriteRecords: m[M.shuffleRecordsWritten],
    memoryBytesSpilled: m[M.memoryBytesSpilled],
    diskBytesSpilled: m[M.diskBytesSpilled],
    isBlacklistedForStage: s.isExcluded,
  };
  const peak = s.peak.toJson();
  if (peak) out.peakMemoryMetrics = peak;
  out.isExcludedForStage = s.isExcluded;
  return out;
}

export function restSpeculationSummary(s: SpeculationSummary): Json {
  return {
    numTasks: s.numTasks,
    numActiveTasks: s.numActiveTasks,
    numCompletedTasks: s.numCompletedTasks,
    numFailedTasks: s.numFailedTasks,
    numKilledTasks: s.numKilledTasks,
  };
}

export function storedStage(stage: LiveStage): StoredStage {
  const executorSummary: Record<string, Json> = {};
  for (const [id, s] of stage.executorSummaries) executorSummary[id] = restExecutorStageSummary(s);
  const out: StoredStage = {
    data: restStageData(stage),
    executorSummary,
    jobIds: [...stage.jobIds].sort((a, b) => a - b),
    localitySummary: mapToObject(stage.localitySummary),
    rddGraph: stage.info.rddInfos.map((r) => ({
      id: r.id,
      name: r.name,
      scope: r.scope,
      callSite: r.callSite,
      parentIds: r.parentIds,
      cached: r.numCachedPartitions > 0 || r.storageLevel.useMemory || r.storageLevel.useDisk,
      barrier: r.barrier,
      deterministicLevel: r.deterministicLevel,
    })),
    parentIds: stage.info.parentIds,
  };
  if (stage.speculation) out.speculationSummary = restSpeculationSummary(stage.speculation);
  return out;
}

export function restExecutor(x: LiveExecutor): Json {
  const out: Json = {
    id: x.executorId,
    hostPort: x.hostPort ?? x.host ?? null,
    isActive: x.isActive,
    rddBlocks: x.rddBlocks,
    memoryUsed: x.memoryUsed,
    diskUsed: x.diskUsed,
    totalCores: x.totalCores,
    maxTasks: x.maxTasks,
    activeTasks: x.activeTasks,
    failedTasks: x.failedTasks,
    completedTasks: x.completedTasks,
    totalTasks: x.totalTasks,
    totalDuration: x.totalDuration,
    totalGCTime: x.totalGcTime,
    totalInputBytes: x.totalInputBytes,
    totalShuffleRead: x.totalShuffleRead,
    totalShuffleWrite: x.totalShuffleWrite,
    isBlacklisted: x.isExcluded,
    maxMemory: x.maxMemory,
    addTime: formatSparkDate(x.addTime),
  };
  if (out.hostPort === null) delete out.hostPort;
  if (x.removeTime !== undefined) out.removeTime = formatSparkDate(x.removeTime);
  if (x.removeReason !== undefined) out.removeReason = x.removeReason;
  out.executorLogs = x.executorLogs;
  if (x.hasMemoryInfo) {
    out.memoryMetrics = {
      usedOnHeapStorageMemory: x.usedOnHeap,
      usedOffHeapStorageMemory: x.usedOffHeap,
      totalOnHeapStorageMemory: x.totalOnHeap,
      totalOffHeapStorageMemory: x.totalOffHeap,
    };
  }
  const excludedInStages = [...x.excludedInStages].sort((a, b) => a - b);
  out.blacklistedInStages = excludedInStages;
  const peak = x.peak.toJson();
  if (peak) out.peakMemoryMetrics = peak;
  out.attributes = x.attributes;
  out.resources = x.resources;
  out.resourceProfileId = x.resourceProfileId;
  out.isExcluded = x.isExcluded;
  out.excludedInStages = excludedInStages;
  return out;
}

/** What an executor has left of its storage memory now (an RDD distribution's "memory remaining"). */
export function memoryRemaining(x: LiveExecutor | undefined): MemoryRemaining {
  return {
    memory: (x?.maxMemory ?? 0) - (x?.memoryUsed ?? 0),
    onHeap: (x?.totalOnHeap ?? 0) - (x?.usedOnHeap ?? 0),
    offHeap: (x?.totalOffHeap ?? 0) - (x?.usedOffHeap ?? 0),
  };
}

/** RDDStorageInfo with distributions and partitions; `executors` resolves host:port and memory left. */
export function restRdd(rdd: LiveRdd, executors: Map<string, LiveExecutor>): Json {
  const out: Json = {
    id: rdd.info.id,
    name: rdd.info.name,
    numPartitions: rdd.info.numPartitions,
    numCachedPartitions: rdd.partitions.size,
    storageLevel: describeStorageLevel(rdd.storageLevel),
    memoryUsed: rdd.memoryUsed,
    diskUsed: rdd.diskUsed,
  };
  if (rdd.distributions.size > 0) {
    out.dataDistribution = [...rdd.distributions.values()].map((d) => {
      const x = executors.get(d.executorId);
      const left = d.remaining ?? memoryRemaining(x);
      const dist: Json = {
        address: x?.hostPort ?? x?.host ?? '',
        memoryUsed: d.memoryUsed,
        memoryRemaining: left.memory,
        diskUsed: d.diskUsed,
      };
      if (x?.hasMemoryInfo) {
        dist.onHeapMemoryUsed = d.onHeapUsed;
        dist.offHeapMemoryUsed = d.offHeapUsed;
        dist.onHeapMemoryRemaining = left.onHeap;
        dist.offHeapMemoryRemaining = left.offHeap;
      }
      return dist;
    });
  }
  out.partitions = [...rdd.partitions.values()].map((p) => ({
    blockName: p.blockName,
    storageLevel: p.storageLevel,
    memoryUsed: p.memoryUsed,
    diskUsed: p.diskUsed,
    executors: p.executors,
  }));
  return out;
}

export function restProcess(p: ProcessSummary): Json {
  return {
    id: p.id,
    hostPort: p.hostPort,
    isActive: p.isActive,
    totalCores: p.totalCores,
    addTime: formatSparkDate(p.addTime),
    processLogs: p.processLogs,
  };
}
