import { z } from 'zod';
import { Double } from './scalars.js';

const Quantiles = z.array(Double);

/** Per-executor figures of one stage, summarized as quantiles (`withSummaries=true`). */
export const ExecutorMetricsDistributions = z.looseObject({
  quantiles: Quantiles,
  taskTime: Quantiles,
  failedTasks: Quantiles,
  succeededTasks: Quantiles,
  killedTasks: Quantiles,
  inputBytes: Quantiles,
  inputRecords: Quantiles,
  outputBytes: Quantiles,
  outputRecords: Quantiles,
  shuffleRead: Quantiles,
  shuffleReadRecords: Quantiles,
  shuffleWrite: Quantiles,
  shuffleWriteRecords: Quantiles,
  memoryBytesSpilled: Quantiles,
  diskBytesSpilled: Quantiles,
  /** Executor metric name → one value per quantile (open set of names, like ExecutorMetrics). */
  peakMemoryMetrics: z.record(z.string(), Quantiles),
});
export type ExecutorMetricsDistributions = z.infer<typeof ExecutorMetricsDistributions>;
