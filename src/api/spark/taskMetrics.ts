import { z } from 'zod';
import { Long, Milliseconds, Nanoseconds } from './scalars.js';

/*
 * Per-task metrics. Units follow Spark: times in ms except executorDeserializeCpuTime, executorCpuTime and
 * shuffle writeTime, which are nanoseconds.
 */

export const InputMetrics = z.looseObject({
  bytesRead: Long,
  recordsRead: Long,
});
export type InputMetrics = z.infer<typeof InputMetrics>;

export const OutputMetrics = z.looseObject({
  bytesWritten: Long,
  recordsWritten: Long,
});
export type OutputMetrics = z.infer<typeof OutputMetrics>;

/** Push-based shuffle (Spark 3.2+); all zero when push-based shuffle is off. */
export const ShufflePushReadMetrics = z.looseObject({
  corruptMergedBlockChunks: Long,
  mergedFetchFallbackCount: Long,
  remoteMergedBlocksFetched: Long,
  localMergedBlocksFetched: Long,
  remoteMergedChunksFetched: Long,
  localMergedChunksFetched: Long,
  remoteMergedBytesRead: Long,
  localMergedBytesRead: Long,
  remoteMergedReqsDuration: Milliseconds,
});
export type ShufflePushReadMetrics = z.infer<typeof ShufflePushReadMetrics>;

export const ShuffleReadMetrics = z.looseObject({
  remoteBlocksFetched: Long,
  localBlocksFetched: Long,
  fetchWaitTime: Milliseconds,
  remoteBytesRead: Long,
  remoteBytesReadToDisk: Long,
  localBytesRead: Long,
  recordsRead: Long,
  remoteReqsDuration: Milliseconds,
  shufflePushReadMetrics: ShufflePushReadMetrics,
});
export type ShuffleReadMetrics = z.infer<typeof ShuffleReadMetrics>;

export const ShuffleWriteMetrics = z.looseObject({
  bytesWritten: Long,
  writeTime: Nanoseconds,
  recordsWritten: Long,
});
export type ShuffleWriteMetrics = z.infer<typeof ShuffleWriteMetrics>;

export const TaskMetrics = z.looseObject({
  executorDeserializeTime: Milliseconds,
  executorDeserializeCpuTime: Nanoseconds,
  executorRunTime: Milliseconds,
  executorCpuTime: Nanoseconds,
  resultSize: Long,
  jvmGcTime: Milliseconds,
  resultSerializationTime: Milliseconds,
  memoryBytesSpilled: Long,
  diskBytesSpilled: Long,
  peakExecutionMemory: Long,
  inputMetrics: InputMetrics,
  outputMetrics: OutputMetrics,
  shuffleReadMetrics: ShuffleReadMetrics,
  shuffleWriteMetrics: ShuffleWriteMetrics,
});
export type TaskMetrics = z.infer<typeof TaskMetrics>;
