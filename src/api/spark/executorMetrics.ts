import { z } from 'zod';

/**
 * Upstream Spark 3.5's executor metric names, in the order Spark writes them. Exported for the UI (column
 * order, labels) and the fold (which keys to track). It is not a closed set: see {@link ExecutorMetrics}.
 */
export const EXECUTOR_METRIC_NAMES = [
  'JVMHeapMemory',
  'JVMOffHeapMemory',
  'OnHeapExecutionMemory',
  'OffHeapExecutionMemory',
  'OnHeapStorageMemory',
  'OffHeapStorageMemory',
  'OnHeapUnifiedMemory',
  'OffHeapUnifiedMemory',
  'DirectPoolMemory',
  'MappedPoolMemory',
  'ProcessTreeJVMVMemory',
  'ProcessTreeJVMRSSMemory',
  'ProcessTreePythonVMemory',
  'ProcessTreePythonRSSMemory',
  'ProcessTreeOtherVMemory',
  'ProcessTreeOtherRSSMemory',
  'MinorGCCount',
  'MinorGCTime',
  'MajorGCCount',
  'MajorGCTime',
  'TotalGCTime',
] as const;
export type ExecutorMetricName = (typeof EXECUTOR_METRIC_NAMES)[number];

/**
 * `peakMemoryMetrics` / `peakExecutorMetrics`: metric name → value. An open record rather than a fixed
 * object because forks of Spark add keys (MemoryPool*, JVMMaxMemory, Pod*Memory) and Spark 4 adds
 * ConcurrentGC*; those must pass through untouched.
 */
export const ExecutorMetrics = z
  .record(z.string(), z.number())
  .describe('Executor metric name → value (open set: forks and newer Spark versions add keys)');
export type ExecutorMetrics = z.infer<typeof ExecutorMetrics>;
