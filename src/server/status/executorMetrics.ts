import { type Json, num, obj } from './eventJson.js';

/** Spark 3.5's ExecutorMetricType order; REST maps list these first, then any vendor keys seen in the log. */
export const PEAK_METRIC_NAMES = [
  'JVMHeapMemory', 'JVMOffHeapMemory', 'OnHeapExecutionMemory', 'OffHeapExecutionMemory', 'OnHeapStorageMemory',
  'OffHeapStorageMemory', 'OnHeapUnifiedMemory', 'OffHeapUnifiedMemory', 'DirectPoolMemory', 'MappedPoolMemory',
  'ProcessTreeJVMVMemory', 'ProcessTreeJVMRSSMemory', 'ProcessTreePythonVMemory', 'ProcessTreePythonRSSMemory',
  'ProcessTreeOtherVMemory', 'ProcessTreeOtherRSSMemory', 'MinorGCCount', 'MinorGCTime', 'MajorGCCount',
  'MajorGCTime', 'TotalGCTime',
] as const;

/**
 * Element-wise peak of executor metric vectors (Spark's ExecutorMetrics.compareAndUpdatePeakValues). Unset
 * means "never updated" (Spark's JVMHeapMemory = -1 sentinel); REST omits unset peaks.
 */
export class PeakMetrics {
  private values: Map<string, number> | undefined;

  get isSet(): boolean {
    return this.values !== undefined;
  }

  /** Folds one observed vector in; a missing key reads as 0, as Spark reads a missing field. */
  update(observed: Json | undefined): void {
    if (!this.values) {
      this.values = new Map();
      for (const name of PEAK_METRIC_NAMES) this.values.set(name, 0);
      // Spark starts from -1 only for JVMHeapMemory; any observation (even all zeros) makes the vector "set".
    }
    if (!observed) return;
    for (const key of Object.keys(observed)) {
      const value = num(observed[key]);
      const current = this.values.get(key);
      if (current === undefined || value > current) this.values.set(key, value);
    }
  }

  toJson(): Json | undefined {
    if (!this.values) return undefined;
    const out: Json = {};
    for (const [k, v] of this.values) out[k] = v;
    return out;
  }

  get(name: string): number | undefined {
    return this.values?.get(name);
  }

  static fromJson(json: Json | undefined): PeakMetrics {
    const p = new PeakMetrics();
    if (json) p.update(json);
    return p;
  }
}

/** The "Task Executor Metrics" object of a TaskEnd, or an empty (all-zero) vector when the log predates 3.0. */
export function taskExecutorMetrics(event: Json): Json {
  return obj(event['Task Executor Metrics']) ?? {};
}
