import type { Json } from './eventJson.js';
import { PEAK_METRIC_NAMES, SPARK4_PEAK_METRIC_NAMES } from './executorMetrics.js';
import { gettingResultTime } from './taskData.js';
import { M } from './taskMetrics.js';

/** A stage attempt's stored tasks, column by column (index i is the same task in every array). */
export interface SummaryColumns {
  count: number;
  success: Uint8Array;
  hasMetrics: Uint8Array;
  duration: Float64Array;
  launchTime: Float64Array;
  resultFetchStart: Float64Array;
  /** One array per metric slot (M), absolute values; 0 where the task reported no metrics. */
  metrics: Float64Array[];
}

export const DEFAULT_TASK_SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
export const DEFAULT_STAGE_SUMMARY_QUANTILES = [0.0, 0.25, 0.5, 0.75, 1.0];

/**
 * Picks the elements at sorted positions `indices` (ascending) of `values` without sorting all of it:
 * Hoare selection, each pick narrowing the range for the next. `values` is reordered.
 */
function selectAt(values: Float64Array, indices: number[]): number[] {
  const out: number[] = [];
  let lo = 0;
  for (const k of indices) {
    if (k >= values.length) {
      out.push(Number.NaN);
      continue;
    }
    let left = lo;
    let right = values.length - 1;
    while (right > left) {
      const pivot = values[(left + right) >>> 1]!;
      let i = left;
      let j = right;
      while (i <= j) {
        while (values[i]! < pivot) i++;
        while (values[j]! > pivot) j--;
        if (i <= j) {
          const t = values[i]!;
          values[i] = values[j]!;
          values[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) right = j;
      else if (k >= i) left = i;
      else break;
    }
    out.push(values[k]!);
    lo = k;
  }
  return out;
}

/**
 * Spark's AppStatusStore.taskSummary. `count` is the number of successful tasks with metrics; each metric's
 * sorted list holds the tasks whose stored value is >= 0 (Spark stores failed/killed metrics negated), and the
 * q-quantile is element min(floor(q * count), count - 1) of that list — no interpolation. Duration, scheduler
 * delay, getting-result time and the shuffle read/blocks totals are computed from absolute values, so those
 * lists also hold failed, killed (and, for duration, running) tasks: that is Spark's behaviour and it shows in
 * its golden answers.
 */
export function taskMetricDistributions(c: SummaryColumns, unsortedQuantiles: number[]): Json | undefined {
  const quantiles = [...unsortedQuantiles].sort((a, b) => a - b);
  const n = c.count;
  const successIdx: number[] = [];
  const metricIdx: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!c.hasMetrics[i]) continue;
    metricIdx.push(i);
    if (c.success[i]) successIdx.push(i);
  }
  const count = successIdx.length;
  if (count === 0) return undefined;
  const indices = quantiles.map((q) => Math.min(Math.trunc(q * count), count - 1));
  const pickFrom = (rows: number[], value: (i: number) => number): number[] => {
    const values = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) values[r] = value(rows[r]!);
    return selectAt(values, indices);
  };
  const metric = (slot: number) => {
    const col = c.metrics[slot]!;
    return pickFrom(successIdx, (i) => col[i]!);
  };
  const m = c.metrics;
  const durationRows: number[] = [];
  for (let i = 0; i < n; i++) if (c.duration[i]! >= 0) durationRows.push(i);
  const gettingResult = (i: number) => gettingResultTime(c.launchTime[i]!, c.resultFetchStart[i]!, c.duration[i]!);
  const delay = (i: number) =>
    Math.max(0, c.duration[i]! - m[M.executorRunTime]![i]! - m[M.executorDeserializeTime]![i]! - m[M.resultSerializationTime]![i]! - gettingResult(i));

  return {
    quantiles,
    duration: pickFrom(durationRows, (i) => c.duration[i]!),
    executorDeserializeTime: metric(M.executorDeserializeTime),
    executorDeserializeCpuTime: metric(M.executorDeserializeCpuTime),
    executorRunTime: metric(M.executorRunTime),
    executorCpuTime: metric(M.executorCpuTime),
    resultSize: metric(M.resultSize),
    jvmGcTime: metric(M.jvmGcTime),
    resultSerializationTime: metric(M.resultSerializationTime),
    gettingResultTime: pickFrom(metricIdx, gettingResult),
    schedulerDelay: pickFrom(metricIdx, delay),
    peakExecutionMemory: metric(M.peakExecutionMemory),
    memoryBytesSpilled: metric(M.memoryBytesSpilled),
    diskBytesSpilled: metric(M.diskBytesSpilled),
    inputMetrics: { bytesRead: metric(M.inputBytesRead), recordsRead: metric(M.inputRecordsRead) },
    outputMetrics: { bytesWritten: metric(M.outputBytesWritten), recordsWritten: metric(M.outputRecordsWritten) },
    shuffleReadMetrics: {
      readBytes: pickFrom(metricIdx, (i) => m[M.shuffleLocalBytesRead]![i]! + m[M.shuffleRemoteBytesRead]![i]!),
      readRecords: metric(M.shuffleRecordsRead),
      remoteBlocksFetched: metric(M.shuffleRemoteBlocksFetched),
      localBlocksFetched: metric(M.shuffleLocalBlocksFetched),
      fetchWaitTime: metric(M.shuffleFetchWaitTime),
      remoteBytesRead: metric(M.shuffleRemoteBytesRead),
      remoteBytesReadToDisk: metric(M.shuffleRemoteBytesReadToDisk),
      totalBlocksFetched: pickFrom(metricIdx, (i) => m[M.shuffleLocalBlocksFetched]![i]! + m[M.shuffleRemoteBlocksFetched]![i]!),
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

/**
 * ExecutorMetricsDistributions over a stage's per-executor summaries (withSummaries=true); undefined for a stage
 * without executor summaries, where Spark's stageExecutorSummary answers None and the field is left out. Its
 * peakMemoryMetrics has every metric the answering release knows: Spark 4.x's for a 4.x log.
 */
export function executorMetricsDistributions(summaries: Json[], unsortedQuantiles: number[], spark4 = false): Json | undefined {
  const n = summaries.length;
  if (n === 0) return undefined;
  const quantiles = [...unsortedQuantiles].sort((a, b) => a - b);
  const pick = (values: number[]): number[] => {
    const sorted = Float64Array.from(values).sort();
    return quantiles.map((q) => sorted[Math.min(Math.trunc(q * n), n - 1)]!);
  };
  const field = (name: string) => pick(summaries.map((s) => Number(s[name] ?? 0)));
  const peakMemoryMetrics: Json = {};
  for (const name of spark4 ? SPARK4_PEAK_METRIC_NAMES : PEAK_METRIC_NAMES) {
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
