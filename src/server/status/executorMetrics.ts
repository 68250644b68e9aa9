import { type Json, num, obj } from './eventJson.js';

/** Spark 3.5's ExecutorMetricType order; REST maps list these first, then any vendor keys seen in the log. */
export const PEAK_METRIC_NAMES = [
  'JVMHeapMemory', 'JVMOffHeapMemory', 'OnHeapExecutionMemory', 'OffHeapExecutionMemory', 'OnHeapStorageMemory',
  'OffHeapStorageMemory', 'OnHeapUnifiedMemory', 'OffHeapUnifiedMemory', 'DirectPoolMemory', 'MappedPoolMemory',
  'ProcessTreeJVMVMemory', 'ProcessTreeJVMRSSMemory', 'ProcessTreePythonVMemory', 'ProcessTreePythonRSSMemory',
  'ProcessTreeOtherVMemory', 'ProcessTreeOtherRSSMemory', 'MinorGCCount', 'MinorGCTime', 'MajorGCCount',
  'MajorGCTime', 'TotalGCTime',
] as const;

/** Spark 4.x's ExecutorMetricType order: 3.5's, then the G1 concurrent-GC metrics (SPARK-44162). */
export const SPARK4_PEAK_METRIC_NAMES = [...PEAK_METRIC_NAMES, 'ConcurrentGCCount', 'ConcurrentGCTime'] as const;

const SLOT = new Map<string, number>(PEAK_METRIC_NAMES.map((name, i) => [name, i]));

/**
 * Element-wise peak of executor metric vectors (Spark's ExecutorMetrics.compareAndUpdatePeakValues). Unset
 * means "never updated" (Spark's JVMHeapMemory = -1 sentinel); REST omits unset peaks. Known metrics live in
 * a typed array (this runs three times per task); keys a fork adds are kept in a side map.
 */
export class PeakMetrics {
  private values: Float64Array | undefined;
  private extra: Map<string, number> | undefined;

  get isSet(): boolean {
    return this.values !== undefined;
  }

  /** Folds in a vector already parsed by {@link ObservedMetrics} (the per-task path: one parse, three peaks). */
  updateFrom(observed: ObservedMetrics): void {
    const values = (this.values ??= new Float64Array(PEAK_METRIC_NAMES.length));
    const v = observed.values;
    for (let i = 0; i < v.length; i++) if (v[i]! > values[i]!) values[i] = v[i]!;
    if (observed.extra) for (const [k, value] of observed.extra) this.foldExtra(k, value);
  }

  private foldExtra(key: string, value: number): void {
    this.extra ??= new Map();
    const current = this.extra.get(key);
    if (current === undefined || value > current) this.extra.set(key, value);
  }

  /** Folds one observed vector in; a missing key reads as 0, as Spark reads a missing field. */
  update(observed: Json | undefined): void {
    // Any observation, even an empty (all-zero) one, makes the vector "set", as in Spark.
    const values = (this.values ??= new Float64Array(PEAK_METRIC_NAMES.length));
    if (!observed) return;
    for (const key in observed) {
      const value = num(observed[key]);
      const slot = SLOT.get(key);
      if (slot !== undefined) {
        if (value > values[slot]!) values[slot] = value;
      } else {
        this.foldExtra(key, value);
      }
    }
  }

  toJson(): Json | undefined {
    if (!this.values) return undefined;
    const out: Json = {};
    PEAK_METRIC_NAMES.forEach((name, i) => (out[name] = this.values![i]));
    if (this.extra) for (const [k, v] of this.extra) out[k] = v;
    return out;
  }

  get(name: string): number | undefined {
    if (!this.values) return undefined;
    const slot = SLOT.get(name);
    return slot !== undefined ? this.values[slot] : this.extra?.get(name);
  }
}

/** One observed executor-metrics vector, parsed once (a missing key reads as 0). */
export class ObservedMetrics {
  readonly values = new Float64Array(PEAK_METRIC_NAMES.length);
  extra: Map<string, number> | undefined;

  /** Reuses this object for the next observation (one per fold, not one per task). */
  read(observed: Json): this {
    this.values.fill(0);
    this.extra = undefined;
    for (const key in observed) {
      const value = num(observed[key]);
      const slot = SLOT.get(key);
      if (slot !== undefined) this.values[slot] = value;
      else (this.extra ??= new Map()).set(key, value);
    }
    return this;
  }
}

/** The "Task Executor Metrics" object of a TaskEnd, or an empty (all-zero) vector when the log predates 3.0. */
export function taskExecutorMetrics(event: Json): Json {
  return obj(event['Task Executor Metrics']) ?? {};
}
