import type { Json } from './eventJson.js';
import { PEAK_METRIC_NAMES } from './executorMetrics.js';
import { gettingResultTime, schedulerDelay } from './taskData.js';
import { M, type MetricVector } from './taskMetrics.js';

/** The per-task values a summary needs (one stored task). */
export interface SummaryTask {
  status: string;
  duration: number;
  launchTime: number;
  resultFetchStart: number;
  metrics: MetricVector | undefined;
}

export const DEFAULT_TASK_SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
export const DEFAULT_STAGE_SUMMARY_QUANTILES = [0.0, 0.25, 0.5, 0.75, 1.0];

/**
 * Spark's AppStatusStore.taskSummary. `count` is the number of successful tasks with metrics; each metric's
 * sorted list holds the tasks whose stored value is >= 0 (Spark stores failed/killed metrics negated), and the
 * q-quantile is element min(floor(q * count), count - 1) of that list — no interpolation. Duration, scheduler
 * delay, getting-result time and the shuffle read/blocks totals are computed from absolute values, so those
 * lists also hold failed, killed (and, for duration, running) tasks: that is Spark's behaviour and it shows in
 * its golden answers.
 */
export function taskMetricDistributions(tasks: Iterable<SummaryTask>, unsortedQuantiles: number[]): Json | undefined {
  const quantiles = [...unsortedQuantiles].sort((a, b) => a - b);
  const successful: MetricVector[] = [];
  const durations: number[] = [];
  const delays: number[] = [];
  const gettingResult: number[] = [];
  const readBytes: number[] = [];
  const totalBlocks: number[] = [];
  for (const t of tasks) {
    if (t.duration >= 0) durations.push(t.duration);
    const m = t.metrics;
    if (!m) continue;
    if (t.status === 'SUCCESS') successful.push(m);
    delays.push(schedulerDelay(t.launchTime, t.resultFetchStart, t.duration, m));
    gettingResult.push(gettingResultTime(t.launchTime, t.resultFetchStart, t.duration));
    readBytes.push(m[M.shuffleLocalBytesRead]! + m[M.shuffleRemoteBytesRead]!);
    totalBlocks.push(m[M.shuffleLocalBlocksFetched]! + m[M.shuffleRemoteBlocksFetched]!);
  }
  const count = successful.length;
  if (count === 0) return undefined;
  const indices = quantiles.map((q) => Math.min(Math.trunc(q * count), count - 1));
  const pick = (values: number[]): number[] => {
    const sorted = Float64Array.from(values).sort();
    return indices.map((i) => (i < sorted.length ? sorted[i]! : Number.NaN));
  };
  const metric = (slot: number) => pick(successful.map((m) => m[slot]!));

  return {
    quantiles,
    duration: pick(durations),
    executorDeserializeTime: metric(M.executorDeserializeTime),
    executorDeserializeCpuTime: metric(M.executorDeserializeCpuTime),
    executorRunTime: metric(M.executorRunTime),
    executorCpuTime: metric(M.executorCpuTime),
    resultSize: metric(M.resultSize),
    jvmGcTime: metric(M.jvmGcTime),
    resultSerializationTime: metric(M.resultSerializationTime),
    gettingResultTime: pick(gettingResult),
    schedulerDelay: pick(delays),
    peakExecutionMemory: metric(M.peakExecutionMemory),
    memoryBytesSpilled: metric(M.memoryBytesSpilled),
    diskBytesSpilled: metric(M.diskBytesSpilled),
    inputMetrics: { bytesRead: metric(M.inputBytesRead), recordsRead: metric(M.inputRecordsRead) },
    outputMetrics: { bytesWritten: metric(M.outputBytesWritten), recordsWritten: metric(M.outputRecordsWritten) },
    shuffleReadMetrics: {
      readBytes: pick(readBytes),
      readRecords: metric(M.shuffleRecordsRead),
      remoteBlocksFetched: metric(M.shuffleRemoteBlocksFetched),
      localBlocksFetched: metric(M.shuffleLocalBlocksFetched),
      fetchWaitTime: metric(M.shuffleFetchWaitTime),
      remoteBytesRead: metric(M.shuffleRemoteBytesRead),
      remoteBytesReadToDisk: metric(M.shuffleRemoteBytesReadToDisk),
      totalBlocksFetched: pick(totalBlocks),
      remoteReqsDuration: metric(M.shuffleRemoteReqsDuration),
      shufflePushReadMetricsDist: {
        corruptMergedBlockChunks: metric(M.pushCorruptMergedBlockChunks),
        mergedFetchFallbackCount: metric(M.pushMergedFetchFallbackCount),
        remoteMergedBlocksFetched: metric(M.pushRemoteMergedBlocksFetched),
        localMergedBlocksFetched: metric(M.pushLocalMergedBlocksFetched),
        remoteMergedChunksFetched: metric(M.pushRemoteMergedChunksFetched),
        localMergedChunksFetched: metric(M.pushLocalMergedChunksFetched),
        remoteMergedBytesRead: metric(M.pushRemoteMergedBytesRead),
        localMergedBytesRead: metric(M.pushLocalMergedBytesRead),
        remoteMergedReqsDuration: metric(M.pushRemoteMergedReqsDuration),
      },
    },
    shuffleWriteMetrics: {
      writeBytes: metric(M.shuffleBytesWritten),
      writeRecords: metric(M.shuffleRecordsWritten),
      writeTime: metric(M.shuffleWriteTime),
    },
  };
}

/** ExecutorMetricsDistributions over a stage's per-executor summaries (withSummaries=true). */
export function executorMetricsDistributions(summaries: Json[], unsortedQuantiles: number[]): Json {
  const quantiles = [...unsortedQuantiles].sort((a, b) => a - b);
  const n = summaries.length;
  const pick = (values: number[]): number[] => {
    if (n === 0) return quantiles.map(() => 0);
    const sorted = Float64Array.from(values).sort();
    return quantiles.map((q) => sorted[Math.min(Math.trunc(q * n), n - 1)]!);
  };
  const field = (name: string) => pick(summaries.map((s) => Number(s[name] ?? 0)));
  const peakMemoryMetrics: Json = {};
  for (const name of PEAK_METRIC_NAMES) {
    peakMemoryMetrics[name] = pick(summaries.map((s) => Number(s.peakMemoryMetrics?.[name] ?? 0)));
  }
  return {
    quantiles,
    taskTime: field('taskTime'),
    failedTasks: field('failedTasks'),
    succeededTasks: field('succeededTasks'),
    killedTasks: field('killedTasks'),
    inputBytes: field('inputBytes'),
    inputRecords: field('inputRecords'),
    outputBytes: field('outputBytes'),
    outputRecords: field('outputRecords'),
    shuffleRead: field('shuffleRead'),
    shuffleReadRecords: field('shuffleReadRecords'),
    shuffleWrite: field('shuffleWrite'),
    shuffleWriteRecords: field('shuffleWriteRecords'),
    memoryBytesSpilled: field('memoryBytesSpilled'),
    diskBytesSpilled: field('diskBytesSpilled'),
    peakMemoryMetrics,
  };
}
