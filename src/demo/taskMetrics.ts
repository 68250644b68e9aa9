// Internal task-metric accumulators: which ones exist per version, which ids a stage attempt
// gets, and which updates a finished task reports. Keeping this in one place is what makes
// the stage totals at StageCompleted exactly equal the sum of the task updates.

import type { SparkVersionRules } from './sparkVersions.js';
import type { AccumulableModel, TaskMetricValues } from './model.js';

export type MetricGroup = 'core' | 'shuffleRead' | 'shuffleWrite' | 'input' | 'output' | 'never';

interface CatalogEntry {
  name: string;
  /** Field of TaskMetricValues, or null for metrics this generator always leaves at 0. */
  key: keyof TaskMetricValues | null;
  group: MetricGroup;
  /** Included in the task's updates even when zero (Spark's resultSize special case). */
  always?: boolean;
  pushOnly?: boolean;
}

// Registration order of TaskMetrics' accumulators (TaskMetrics.nameToAccums). A stage attempt
// registers them in this order, so their ids are consecutive; the 3.3 sample log shows
// executorDeserializeTime … shuffle.write.writeTime as ids 124 … 144.
const CATALOG: CatalogEntry[] = [
  { name: 'internal.metrics.executorDeserializeTime', key: 'executorDeserializeTime', group: 'core' },
  { name: 'internal.metrics.executorDeserializeCpuTime', key: 'executorDeserializeCpuTime', group: 'core' },
  { name: 'internal.metrics.executorRunTime', key: 'executorRunTime', group: 'core' },
  { name: 'internal.metrics.executorCpuTime', key: 'executorCpuTime', group: 'core' },
  { name: 'internal.metrics.resultSize', key: 'resultSize', group: 'core', always: true },
  { name: 'internal.metrics.jvmGCTime', key: 'jvmGCTime', group: 'core' },
  { name: 'internal.metrics.resultSerializationTime', key: 'resultSerializationTime', group: 'core' },
  { name: 'internal.metrics.memoryBytesSpilled', key: 'memoryBytesSpilled', group: 'core' },
  { name: 'internal.metrics.diskBytesSpilled', key: 'diskBytesSpilled', group: 'core' },
  { name: 'internal.metrics.peakExecutionMemory', key: 'peakExecutionMemory', group: 'core' },
  // Excluded from logged accumulables since 2.2.
  { name: 'internal.metrics.updatedBlockStatuses', key: null, group: 'never' },
  { name: 'internal.metrics.shuffle.read.remoteBlocksFetched', key: 'srRemoteBlocksFetched', group: 'shuffleRead' },
  { name: 'internal.metrics.shuffle.read.localBlocksFetched', key: 'srLocalBlocksFetched', group: 'shuffleRead' },
  { name: 'internal.metrics.shuffle.read.remoteBytesRead', key: 'srRemoteBytesRead', group: 'shuffleRead' },
  { name: 'internal.metrics.shuffle.read.remoteBytesReadToDisk', key: 'srRemoteBytesReadToDisk', group: 'shuffleRead' },
  { name: 'internal.metrics.shuffle.read.localBytesRead', key: 'srLocalBytesRead', group: 'shuffleRead' },
  { name: 'internal.metrics.shuffle.read.fetchWaitTime', key: 'srFetchWaitTime', group: 'shuffleRead' },
  { name: 'internal.metrics.shuffle.read.recordsRead', key: 'srRecordsRead', group: 'shuffleRead' },
  { name: 'internal.metrics.shuffle.read.remoteReqsDuration', key: 'srRemoteReqsDuration', group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.corruptMergedBlockChunks', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.mergedFetchFallbackCount', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.remoteMergedBlocksFetched', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.localMergedBlocksFetched', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.remoteMergedChunksFetched', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.localMergedChunksFetched', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.remoteMergedBytesRead', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.localMergedBytesRead', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.push.read.remoteMergedReqsDuration', key: null, group: 'shuffleRead', pushOnly: true },
  { name: 'internal.metrics.shuffle.write.bytesWritten', key: 'swBytesWritten', group: 'shuffleWrite' },
  { name: 'internal.metrics.shuffle.write.recordsWritten', key: 'swRecordsWritten', group: 'shuffleWrite' },
  { name: 'internal.metrics.shuffle.write.writeTime', key: 'swWriteTime', group: 'shuffleWrite' },
  { name: 'internal.metrics.input.bytesRead', key: 'inBytesRead', group: 'input' },
  { name: 'internal.metrics.input.recordsRead', key: 'inRecordsRead', group: 'input' },
  { name: 'internal.metrics.output.bytesWritten', key: 'outBytesWritten', group: 'output' },
  { name: 'internal.metrics.output.recordsWritten', key: 'outRecordsWritten', group: 'output' },
];

export interface InternalAccum {
  id: number;
  name: string;
  key: keyof TaskMetricValues | null;
  group: MetricGroup;
  always: boolean;
}

/** Accumulators a new stage attempt registers, with ids starting at firstId. */
export function registerStageAccums(rules: SparkVersionRules, firstId: number): InternalAccum[] {
  const out: InternalAccum[] = [];
  let id = firstId;
  for (const e of CATALOG) {
    if (e.pushOnly && !rules.pushBasedShuffleReadMetrics) continue;
    out.push({ id: id++, name: e.name, key: e.key, group: e.group, always: e.always ?? false });
  }
  return out;
}

export interface TaskIoShape {
  shuffleRead: boolean;
  shuffleWrite: boolean;
  input: boolean;
  output: boolean;
}

/**
 * The internal accumulator updates a task reports. Spark sends the non-zero accumulators plus
 * resultSize; shuffle/input/output accumulators are "touched" (count > 0) whenever the task used
 * that kind of I/O, so they appear even with a zero value (compare the 3.3 sample log).
 */
export function taskInternalUpdates(accums: InternalAccum[], m: TaskMetricValues, io: TaskIoShape): { acc: InternalAccum; value: number }[] {
  const out: { acc: InternalAccum; value: number }[] = [];
  for (const acc of accums) {
    const v = acc.key ? m[acc.key] : 0;
    switch (acc.group) {
      case 'core':
        if (v !== 0 || acc.always) out.push({ acc, value: v });
        break;
      case 'shuffleRead':
        if (io.shuffleRead) out.push({ acc, value: v });
        break;
      case 'shuffleWrite':
        if (io.shuffleWrite) out.push({ acc, value: v });
        break;
      case 'input':
        if (io.input) out.push({ acc, value: v });
        break;
      case 'output':
        if (io.output) out.push({ acc, value: v });
        break;
      case 'never':
        break;
    }
  }
  return out;
}

/** Running accumulator values of one stage attempt (internal metrics) or one SQL execution. */
export class AccumulatorTotals {
  readonly values = new Map<number, number>();
  readonly names = new Map<number, { name: string; metadata?: string; sql: boolean }>();

  add(id: number, name: string, delta: number, sql: boolean): number {
    const v = (this.values.get(id) ?? 0) + delta;
    this.values.set(id, v);
    if (!this.names.has(id)) this.names.set(id, { name, sql, ...(sql ? { metadata: 'sql' } : {}) });
    return v;
  }

  get(id: number): number {
    return this.values.get(id) ?? 0;
  }
}

/** Entry of a TaskInfo "Accumulables" list: the update and the running value after it. */
export function taskAccumulable(id: number, name: string, update: number, value: number, sql: boolean): AccumulableModel {
  return sql
    ? { id, name, update: String(update), value: String(value), internal: true, countFailedValues: true, metadata: 'sql' }
    : { id, name, update, value, internal: true, countFailedValues: true };
}

/** Entry of a StageInfo "Accumulables" list (no Update, only the current value). */
export function stageAccumulable(id: number, name: string, value: number, sql: boolean): AccumulableModel {
  return sql
    ? { id, name, value: String(value), internal: true, countFailedValues: true, metadata: 'sql' }
    : { id, name, value, internal: true, countFailedValues: true };
}

/** Sum of two metric records, for executor/stage aggregates. */
export function addMetrics(into: TaskMetricValues, m: TaskMetricValues): void {
  for (const k of Object.keys(into) as (keyof TaskMetricValues)[]) into[k] += m[k];
}
