/*
 * What the rules read: plain facts gathered from an application's store (collectInput.ts) or written by
 * hand in tests. Times are epoch ms, durations ms, sizes bytes.
 */

import type { DiagnosticTaskRow, FailedTaskRow } from '../store/appStoreReader.js';

export interface StageFacts {
  stageId: number;
  attemptId: number;
  name: string;
  status: string;
  numTasks: number;
  failureReason?: string;
  submissionTime?: number;
  completionTime?: number;
  /** Sums over the attempt's tasks (Spark's StageData). */
  executorRunTime: number;
  jvmGcTime: number;
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
}

/** A task with the columns skew is shown with, as the store answers it. */
export type TaskFacts = DiagnosticTaskRow;

/** Duration statistics of a stage attempt's successful tasks (from the indexed task table). */
export interface StageTaskStats {
  stageId: number;
  attemptId: number;
  /** Successful tasks counted. */
  count: number;
  medianMs: number;
  maxMs: number;
  /** Σ (duration − executor run time): scheduling, deserialization and result overhead. */
  overheadMs: number;
  /** The slowest successful tasks, slowest first (only for stages where skew is possible). */
  slowest: TaskFacts[];
  medianInputBytes: number;
  medianShuffleReadBytes: number;
}

export interface ExecutorFacts {
  id: string;
  host: string;
  totalCores: number;
  addTime: number;
  removeTime?: number;
  removeReason?: string;
  /** Task time on this executor, and the JVM GC time within it. */
  totalDuration: number;
  totalGcTime: number;
  /** Peak JVM heap use (Spark 3.0+ executor metrics peaks); absent when the log has none. */
  peakJvmHeapBytes?: number;
}

/** The largest partition a stage attempt's tasks read (any task status), with the task that read it. */
export interface StagePartitionMax {
  stageId: number;
  attemptId: number;
  maxInputBytes: number;
  maxInputTaskId: number;
  maxShuffleReadBytes: number;
  maxShuffleReadTaskId: number;
}

/**
 * A SQL plan node with the metrics the file and broadcast rules read, parsed from Spark's display strings
 * to numbers (sizes in bytes, counts as counts). Only scans, writes and broadcast exchanges are gathered.
 */
export interface SqlNodeFacts {
  executionId: number;
  description: string;
  nodeId: number;
  nodeName: string;
  metrics: Record<string, number>;
}

/** A failed task as the store answers it (the rules read it as is). */
export type FailedTaskFacts = FailedTaskRow;

export interface DiagnosticsInput {
  appStart: number;
  /** The application's end, or now for one still running. */
  appEnd: number;
  stages: StageFacts[];
  taskStats: StageTaskStats[];
  executors: ExecutorFacts[];
  failedTasks: FailedTaskFacts[];
  /** Per stage attempt, the largest input and shuffle-read partition. */
  partitionMaxima: StagePartitionMax[];
  /** `spark.executor.memory` in bytes, when the log's properties set it. */
  executorMemoryBytes?: number;
  sqlNodes: SqlNodeFacts[];
}
