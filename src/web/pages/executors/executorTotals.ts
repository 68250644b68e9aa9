import type { ExecutorSummary } from '../../../api/index.js';

/** One row of Spark's executor "Summary" table: sums over a group of executors (the driver included). */
export interface ExecutorTotals {
  label: string;
  count: number;
  rddBlocks: number;
  memoryUsed: number;
  maxMemory: number;
  onHeapUsed: number;
  onHeapTotal: number;
  offHeapUsed: number;
  offHeapTotal: number;
  diskUsed: number;
  totalCores: number;
  maxTasks: number;
  activeTasks: number;
  failedTasks: number;
  completedTasks: number;
  totalTasks: number;
  totalDuration: number;
  totalGCTime: number;
  totalInputBytes: number;
  totalShuffleRead: number;
  totalShuffleWrite: number;
  excluded: number;
}

function totalsOf(label: string, executors: readonly ExecutorSummary[]): ExecutorTotals {
  const t: ExecutorTotals = {
    label: `${label}(${executors.length})`,
    count: executors.length,
    rddBlocks: 0,
    memoryUsed: 0,
    maxMemory: 0,
    onHeapUsed: 0,
    onHeapTotal: 0,
    offHeapUsed: 0,
    offHeapTotal: 0,
    diskUsed: 0,
    totalCores: 0,
    maxTasks: 0,
    activeTasks: 0,
    failedTasks: 0,
    completedTasks: 0,
    totalTasks: 0,
    totalDuration: 0,
    totalGCTime: 0,
    totalInputBytes: 0,
    totalShuffleRead: 0,
    totalShuffleWrite: 0,
    excluded: 0,
  };
  for (const e of executors) {
    t.rddBlocks += e.rddBlocks;
    t.memoryUsed += e.memoryUsed;
    t.maxMemory += e.maxMemory;
    t.onHeapUsed += e.memoryMetrics?.usedOnHeapStorageMemory ?? 0;
    t.onHeapTotal += e.memoryMetrics?.totalOnHeapStorageMemory ?? 0;
    t.offHeapUsed += e.memoryMetrics?.usedOffHeapStorageMemory ?? 0;
    t.offHeapTotal += e.memoryMetrics?.totalOffHeapStorageMemory ?? 0;
    t.diskUsed += e.diskUsed;
    t.totalCores += e.totalCores;
    t.maxTasks += e.maxTasks;
    t.activeTasks += e.activeTasks;
    t.failedTasks += e.failedTasks;
    t.completedTasks += e.completedTasks;
    t.totalTasks += e.totalTasks;
    t.totalDuration += e.totalDuration;
    t.totalGCTime += e.totalGCTime;
    t.totalInputBytes += e.totalInputBytes;
    t.totalShuffleRead += e.totalShuffleRead;
    t.totalShuffleWrite += e.totalShuffleWrite;
    if (e.isExcluded) t.excluded += 1;
  }
  return t;
}

/** Spark's three summary rows, always in this order and always present (a `Dead(0)` row included). */
export function executorTotals(executors: readonly ExecutorSummary[]): ExecutorTotals[] {
  return [
    totalsOf('Active', executors.filter((e) => e.isActive)),
    totalsOf('Dead', executors.filter((e) => !e.isActive)),
    totalsOf('Total', executors),
  ];
}
