import type { DiagnosticsInput, ExecutorFacts, FailedTaskFacts, StageFacts, StageTaskStats } from '../../src/server/diagnostics/diagnosticsInput.js';

/** Small hand-written inputs for the rules' tests. */

export function stage(over: Partial<StageFacts> = {}): StageFacts {
  return { stageId: 1, attemptId: 0, name: 'map at Job.scala:1', status: 'COMPLETE', numTasks: 10, executorRunTime: 10_000, jvmGcTime: 0, memoryBytesSpilled: 0, diskBytesSpilled: 0, ...over };
}

export function stats(over: Partial<StageTaskStats> = {}): StageTaskStats {
  return { stageId: 1, attemptId: 0, count: 10, medianMs: 1_000, maxMs: 1_000, overheadMs: 0, slowest: [], medianInputBytes: 0, medianShuffleReadBytes: 0, ...over };
}

export function executor(over: Partial<ExecutorFacts> = {}): ExecutorFacts {
  return { id: '1', host: 'node-1', totalCores: 4, addTime: 0, totalDuration: 0, totalGcTime: 0, ...over };
}

export function failedTask(over: Partial<FailedTaskFacts> = {}): FailedTaskFacts {
  return { taskId: 7, stageId: 1, stageAttempt: 0, index: 3, executorId: '1', host: 'node-1', launchTime: 1_000, duration: 500, error: 'java.lang.RuntimeException: boom', ...over };
}

export function input(over: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return { appStart: 0, appEnd: 100_000, stages: [], taskStats: [], executors: [], failedTasks: [], partitionMaxima: [], sqlNodes: [], ...over };
}
