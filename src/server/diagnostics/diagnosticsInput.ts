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
}
