// Plain data models the simulator keeps and eventWriters.ts serializes. They mirror Spark's
// own objects (StageInfo, TaskInfo, RDDInfo, ExecutorInfo, AccumulableInfo) closely enough that
// each writer is a straight field-by-field mapping with version rules applied.

export interface StorageLevelModel {
  useDisk: boolean;
  useMemory: boolean;
  useOffHeap: boolean;
  deserialized: boolean;
  replication: number;
}

export const STORAGE_NONE: StorageLevelModel = { useDisk: false, useMemory: false, useOffHeap: false, deserialized: false, replication: 1 };
export const STORAGE_MEMORY_AND_DISK: StorageLevelModel = { useDisk: true, useMemory: true, useOffHeap: false, deserialized: true, replication: 1 };
export const STORAGE_MEMORY_ONLY: StorageLevelModel = { useDisk: false, useMemory: true, useOffHeap: false, deserialized: true, replication: 1 };
export const STORAGE_MEMORY_SER: StorageLevelModel = { useDisk: false, useMemory: true, useOffHeap: false, deserialized: false, replication: 1 };
export const STORAGE_DISK_ONLY: StorageLevelModel = { useDisk: true, useMemory: false, useOffHeap: false, deserialized: false, replication: 1 };

export interface RddModel {
  id: number;
  name: string;
  /** RDDOperationScope; serialized as a JSON string inside the JSON (Spark does exactly that). */
  scope?: { id: string; name: string };
  callsite: string;
  parentIds: number[];
  storage: StorageLevelModel;
  numPartitions: number;
  deterministicLevel: 'DETERMINATE' | 'UNORDERED' | 'INDETERMINATE';
}

export interface AccumulableModel {
  id: number;
  name?: string;
  update?: number | string;
  value?: number | string;
  internal: boolean;
  countFailedValues: boolean;
  metadata?: string;
}

export interface StageModel {
  stageId: number;
  attemptId: number;
  name: string;
  numTasks: number;
  rdds: RddModel[];
  parentIds: number[];
  details: string;
  submissionTime?: number;
  completionTime?: number;
  failureReason?: string;
  accumulables: AccumulableModel[];
}

export type Locality = 'PROCESS_LOCAL' | 'NODE_LOCAL' | 'NO_PREF' | 'RACK_LOCAL' | 'ANY';

export interface TaskInfoModel {
  taskId: number;
  index: number;
  attempt: number;
  partitionId: number;
  launchTime: number;
  executorId: string;
  host: string;
  locality: Locality;
  speculative: boolean;
  gettingResultTime: number;
  finishTime: number;
  failed: boolean;
  killed: boolean;
  accumulables: AccumulableModel[];
}

export interface BlockManagerIdModel {
  executorId: string;
  host: string;
  port: number;
}

export interface ExecutorModel {
  id: string;
  host: string;
  ip: string;
  /** Block manager port. */
  port: number;
  cores: number;
  maxMemory: number;
  maxOnHeap: number;
  maxOffHeap: number;
  addTime: number;
  requestTime?: number;
  removeTime?: number;
  removeReason?: string;
  logUrls: Record<string, string>;
  attributes: Record<string, string>;
  containerId?: string;
  pid: number;
  alive: boolean;
}

/** TaskMetrics as flat numbers; zero means "not touched" where Spark distinguishes. */
export interface TaskMetricValues {
  executorDeserializeTime: number;
  executorDeserializeCpuTime: number;
  executorRunTime: number;
  executorCpuTime: number;
  resultSize: number;
  jvmGCTime: number;
  resultSerializationTime: number;
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
  peakExecutionMemory: number;
  srRemoteBlocksFetched: number;
  srLocalBlocksFetched: number;
  srRemoteBytesRead: number;
  srRemoteBytesReadToDisk: number;
  srLocalBytesRead: number;
  srFetchWaitTime: number;
  srRecordsRead: number;
  srRemoteReqsDuration: number;
  swBytesWritten: number;
  swRecordsWritten: number;
  swWriteTime: number;
  inBytesRead: number;
  inRecordsRead: number;
  outBytesWritten: number;
  outRecordsWritten: number;
}

export function zeroMetrics(): TaskMetricValues {
  return {
    executorDeserializeTime: 0,
    executorDeserializeCpuTime: 0,
    executorRunTime: 0,
    executorCpuTime: 0,
    resultSize: 0,
    jvmGCTime: 0,
    resultSerializationTime: 0,
    memoryBytesSpilled: 0,
    diskBytesSpilled: 0,
    peakExecutionMemory: 0,
    srRemoteBlocksFetched: 0,
    srLocalBlocksFetched: 0,
    srRemoteBytesRead: 0,
    srRemoteBytesReadToDisk: 0,
    srLocalBytesRead: 0,
    srFetchWaitTime: 0,
    srRecordsRead: 0,
    srRemoteReqsDuration: 0,
    swBytesWritten: 0,
    swRecordsWritten: 0,
    swWriteTime: 0,
    inBytesRead: 0,
    inRecordsRead: 0,
    outBytesWritten: 0,
    outRecordsWritten: 0,
  };
}

/** Executor memory metrics (ExecutorMetricType order, spec §3.2). */
export interface ExecutorMetricsModel {
  JVMHeapMemory: number;
  JVMOffHeapMemory: number;
  OnHeapExecutionMemory: number;
  OffHeapExecutionMemory: number;
  OnHeapStorageMemory: number;
  OffHeapStorageMemory: number;
  OnHeapUnifiedMemory: number;
  OffHeapUnifiedMemory: number;
  DirectPoolMemory: number;
  MappedPoolMemory: number;
  ProcessTreeJVMVMemory: number;
  ProcessTreeJVMRSSMemory: number;
  ProcessTreePythonVMemory: number;
  ProcessTreePythonRSSMemory: number;
  ProcessTreeOtherVMemory: number;
  ProcessTreeOtherRSSMemory: number;
  MinorGCCount: number;
  MinorGCTime: number;
  MajorGCCount: number;
  MajorGCTime: number;
  TotalGCTime: number;
}

export function zeroExecutorMetrics(): ExecutorMetricsModel {
  return {
    JVMHeapMemory: 0,
    JVMOffHeapMemory: 0,
    OnHeapExecutionMemory: 0,
    OffHeapExecutionMemory: 0,
    OnHeapStorageMemory: 0,
    OffHeapStorageMemory: 0,
    OnHeapUnifiedMemory: 0,
    OffHeapUnifiedMemory: 0,
    DirectPoolMemory: 0,
    MappedPoolMemory: 0,
    ProcessTreeJVMVMemory: 0,
    ProcessTreeJVMRSSMemory: 0,
    ProcessTreePythonVMemory: 0,
    ProcessTreePythonRSSMemory: 0,
    ProcessTreeOtherVMemory: 0,
    ProcessTreeOtherRSSMemory: 0,
    MinorGCCount: 0,
    MinorGCTime: 0,
    MajorGCCount: 0,
    MajorGCTime: 0,
    TotalGCTime: 0,
  };
}

export interface StackFrameModel {
  declaringClass: string;
  methodName: string;
  fileName: string | null;
  lineNumber: number;
}

export type TaskEndReasonModel =
  | { kind: 'Success' }
  | { kind: 'Resubmitted' }
  | {
      kind: 'ExceptionFailure';
      className: string;
      description: string;
      stackTrace: StackFrameModel[];
      fullStackTrace: string;
      accumUpdates: AccumulableModel[];
    }
  | {
      kind: 'FetchFailed';
      blockManager: BlockManagerIdModel;
      shuffleId: number;
      mapId: number;
      mapIndex: number;
      reduceId: number;
      message: string;
    }
  | { kind: 'TaskKilled'; reason: string; accumUpdates: AccumulableModel[] }
  | { kind: 'ExecutorLostFailure'; executorId: string; exitCausedByApp: boolean; lossReason: string };
