import { z } from 'zod';
import { Double } from './scalars.js';

/** One value per requested quantile, in the order of `quantiles`. Spark writes Doubles (`37.0`). */
const Quantiles = z.array(Double);

export const InputMetricDistributions = z.looseObject({
  bytesRead: Quantiles,
  recordsRead: Quantiles,
});

export const OutputMetricDistributions = z.looseObject({
  bytesWritten: Quantiles,
  recordsWritten: Quantiles,
});

export const ShufflePushReadMetricDistributions = z.looseObject({
  corruptMergedBlockChunks: Quantiles,
  mergedFetchFallbackCount: Quantiles,
  remoteMergedBlocksFetched: Quantiles,
  localMergedBlocksFetched: Quantiles,
  remoteMergedChunksFetched: Quantiles,
  localMergedChunksFetched: Quantiles,
  remoteMergedBytesRead: Quantiles,
  localMergedBytesRead: Quantiles,
  remoteMergedReqsDuration: Quantiles,
});

export const ShuffleReadMetricDistributions = z.looseObject({
  readBytes: Quantiles,
  readRecords: Quantiles,
  remoteBlocksFetched: Quantiles,
  localBlocksFetched: Quantiles,
  fetchWaitTime: Quantiles,
  remoteBytesRead: Quantiles,
  remoteBytesReadToDisk: Quantiles,
  totalBlocksFetched: Quantiles,
  remoteReqsDuration: Quantiles,
  shufflePushReadMetricsDist: ShufflePushReadMetricDistributions,
});

export const ShuffleWriteMetricDistributions = z.looseObject({
  writeBytes: Quantiles,
  writeRecords: Quantiles,
  writeTime: Quantiles,
});

/** `taskSummary` answer, and `StageData.taskMetricsDistributions` with `withSummaries=true`. */
export const TaskMetricDistributions = z.looseObject({
  quantiles: Quantiles,
  duration: Quantiles,
  executorDeserializeTime: Quantiles,
  executorDeserializeCpuTime: Quantiles,
  executorRunTime: Quantiles,
  executorCpuTime: Quantiles,
  resultSize: Quantiles,
  jvmGcTime: Quantiles,
  resultSerializationTime: Quantiles,
  gettingResultTime: Quantiles,
  schedulerDelay: Quantiles,
  peakExecutionMemory: Quantiles,
  memoryBytesSpilled: Quantiles,
  diskBytesSpilled: Quantiles,
  inputMetrics: InputMetricDistributions,
  outputMetrics: OutputMetricDistributions,
  shuffleReadMetrics: ShuffleReadMetricDistributions,
  shuffleWriteMetrics: ShuffleWriteMetricDistributions,
});
export type TaskMetricDistributions = z.infer<typeof TaskMetricDistributions>;
