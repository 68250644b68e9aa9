import { type Json, num, obj } from './eventJson.js';

/**
 * Task metrics as a flat vector, the shape Spark's LiveEntityHelpers works with: one slot per REST metric, so
 * stage and per-executor sums are plain element-wise additions.
 */
export const M = {
  executorDeserializeTime: 0,
  executorDeserializeCpuTime: 1,
  executorRunTime: 2,
  executorCpuTime: 3,
  resultSize: 4,
  jvmGcTime: 5,
  resultSerializationTime: 6,
  memoryBytesSpilled: 7,
  diskBytesSpilled: 8,
  peakExecutionMemory: 9,
  inputBytesRead: 10,
  inputRecordsRead: 11,
  outputBytesWritten: 12,
  outputRecordsWritten: 13,
  shuffleRemoteBlocksFetched: 14,
  shuffleLocalBlocksFetched: 15,
  shuffleFetchWaitTime: 16,
  shuffleRemoteBytesRead: 17,
  shuffleRemoteBytesReadToDisk: 18,
  shuffleLocalBytesRead: 19,
  shuffleRecordsRead: 20,
  shuffleRemoteReqsDuration: 21,
  pushCorruptMergedBlockChunks: 22,
  pushMergedFetchFallbackCount: 23,
  pushRemoteMergedBlocksFetched: 24,
  pushLocalMergedBlocksFetched: 25,
  pushRemoteMergedChunksFetched: 26,
  pushLocalMergedChunksFetched: 27,
  pushRemoteMergedBytesRead: 28,
  pushLocalMergedBytesRead: 29,
  pushRemoteMergedReqsDuration: 30,
  shuffleBytesWritten: 31,
  shuffleWriteTime: 32,
  shuffleRecordsWritten: 33,
} as const;

export const METRIC_COUNT = 34;
export type MetricVector = Float64Array;

export function zeroMetrics(): MetricVector {
  return new Float64Array(METRIC_COUNT);
}

export function addInto(target: MetricVector, delta: MetricVector): void {
  for (let i = 0; i < METRIC_COUNT; i++) target[i]! += delta[i]!;
}

/**
 * Reads the "Task Metrics" object of a TaskEnd (or an ExceptionFailure's 1.x "Metrics"). Missing sub-objects
 * and fields read as 0, as Spark's reader does for old logs. Push-based shuffle metrics are accepted under both
 * the key Spark 3.4/3.5 writes ("Push Based Shuffle") and the one 4.0 writes ("Shuffle Push Read Metrics").
 */
export function metricsFromJson(m: Json, into?: MetricVector): MetricVector {
  // `into` lets a hot caller reuse one vector instead of allocating one per task.
  const v = into ? (into.fill(0), into) : zeroMetrics();
  v[M.executorDeserializeTime] = num(m['Executor Deserialize Time']);
  v[M.executorDeserializeCpuTime] = num(m['Executor Deserialize CPU Time']);
  v[M.executorRunTime] = num(m['Executor Run Time']);
  v[M.executorCpuTime] = num(m['Executor CPU Time']);
  v[M.resultSize] = num(m['Result Size']);
  v[M.jvmGcTime] = num(m['JVM GC Time']);
  v[M.resultSerializationTime] = num(m['Result Serialization Time']);
  v[M.memoryBytesSpilled] = num(m['Memory Bytes Spilled']);
  v[M.diskBytesSpilled] = num(m['Disk Bytes Spilled']);
  v[M.peakExecutionMemory] = num(m['Peak Execution Memory']);
  const input = obj(m['Input Metrics']);
  if (input) {
    v[M.inputBytesRead] = num(input['Bytes Read']);
    v[M.inputRecordsRead] = num(input['Records Read']);
  }
  const output = obj(m['Output Metrics']);
  if (output) {
    v[M.outputBytesWritten] = num(output['Bytes Written']);
    v[M.outputRecordsWritten] = num(output['Records Written']);
  }
  const read = obj(m['Shuffle Read Metrics']);
  if (read) {
    v[M.shuffleRemoteBlocksFetched] = num(read['Remote Blocks Fetched']);
    v[M.shuffleLocalBlocksFetched] = num(read['Local Blocks Fetched']);
    v[M.shuffleFetchWaitTime] = num(read['Fetch Wait Time']);
    v[M.shuffleRemoteBytesRead] = num(read['Remote Bytes Read']);
    v[M.shuffleRemoteBytesReadToDisk] = num(read['Remote Bytes Read To Disk']);
    v[M.shuffleLocalBytesRead] = num(read['Local Bytes Read']);
    v[M.shuffleRecordsRead] = num(read['Total Records Read']);
    v[M.shuffleRemoteReqsDuration] = num(read['Remote Requests Duration']);
    const push = obj(read['Shuffle Push Read Metrics']) ?? obj(read['Push Based Shuffle']);
    if (push) {
      v[M.pushCorruptMergedBlockChunks] = num(push['Corrupt Merged Block Chunks']);
      v[M.pushMergedFetchFallbackCount] = num(push['Merged Fetch Fallback Count'] ?? push['Merged Fallback Count']);
      v[M.pushRemoteMergedBlocksFetched] = num(push['Merged Remote Blocks Fetched']);
      v[M.pushLocalMergedBlocksFetched] = num(push['Merged Local Blocks Fetched']);
      v[M.pushRemoteMergedChunksFetched] = num(push['Merged Remote Chunks Fetched']);
      v[M.pushLocalMergedChunksFetched] = num(push['Merged Local Chunks Fetched']);
      v[M.pushRemoteMergedBytesRead] = num(push['Merged Remote Bytes Read']);
      v[M.pushLocalMergedBytesRead] = num(push['Merged Local Bytes Read']);
      v[M.pushRemoteMergedReqsDuration] = num(push['Merged Remote Requests Duration']);
    }
  }
  const write = obj(m['Shuffle Write Metrics']);
  if (write) {
    v[M.shuffleBytesWritten] = num(write['Shuffle Bytes Written']);
    v[M.shuffleWriteTime] = num(write['Shuffle Write Time']);
    v[M.shuffleRecordsWritten] = num(write['Shuffle Records Written']);
  }
  return v;
}

/** REST `TaskMetrics` object (field order as Spark's api.scala). */
export function restTaskMetrics(v: MetricVector): Json {
  return {
    executorDeserializeTime: v[M.executorDeserializeTime],
    executorDeserializeCpuTime: v[M.executorDeserializeCpuTime],
    executorRunTime: v[M.executorRunTime],
    executorCpuTime: v[M.executorCpuTime],
    resultSize: v[M.resultSize],
    jvmGcTime: v[M.jvmGcTime],
    resultSerializationTime: v[M.resultSerializationTime],
    memoryBytesSpilled: v[M.memoryBytesSpilled],
    diskBytesSpilled: v[M.diskBytesSpilled],
    peakExecutionMemory: v[M.peakExecutionMemory],
    inputMetrics: { bytesRead: v[M.inputBytesRead], recordsRead: v[M.inputRecordsRead] },
    outputMetrics: { bytesWritten: v[M.outputBytesWritten], recordsWritten: v[M.outputRecordsWritten] },
    shuffleReadMetrics: {
      remoteBlocksFetched: v[M.shuffleRemoteBlocksFetched],
      localBlocksFetched: v[M.shuffleLocalBlocksFetched],
      fetchWaitTime: v[M.shuffleFetchWaitTime],
      remoteBytesRead: v[M.shuffleRemoteBytesRead],
      remoteBytesReadToDisk: v[M.shuffleRemoteBytesReadToDisk],
      localBytesRead: v[M.shuffleLocalBytesRead],
      recordsRead: v[M.shuffleRecordsRead],
      remoteReqsDuration: v[M.shuffleRemoteReqsDuration],
      shufflePushReadMetrics: {
        corruptMergedBlockChunks: v[M.pushCorruptMergedBlockChunks],
        mergedFetchFallbackCount: v[M.pushMergedFetchFallbackCount],
        remoteMergedBlocksFetched: v[M.pushRemoteMergedBlocksFetched],
        localMergedBlocksFetched: v[M.pushLocalMergedBlocksFetched],
        remoteMergedChunksFetched: v[M.pushRemoteMergedChunksFetched],
        localMergedChunksFetched: v[M.pushLocalMergedChunksFetched],
        remoteMergedBytesRead: v[M.pushRemoteMergedBytesRead],
        localMergedBytesRead: v[M.pushLocalMergedBytesRead],
        remoteMergedReqsDuration: v[M.pushRemoteMergedReqsDuration],
      },
    },
    shuffleWriteMetrics: {
      bytesWritten: v[M.shuffleBytesWritten],
      writeTime: v[M.shuffleWriteTime],
      recordsWritten: v[M.shuffleRecordsWritten],
    },
  };
}
