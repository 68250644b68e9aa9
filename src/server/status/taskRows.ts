import type { Json } from './eventJson.js';
import { type TaskInfo, taskDuration, taskStatus } from './stageInfo.js';
import { taskErrorMessage } from './taskEndReason.js';
import type { MetricVector } from './taskMetrics.js';
import type { LineRef, TaskRow } from './taskSink.js';

/** A task between its start and end events: what its stored row is made of. */
export interface LiveTask {
  info: TaskInfo;
  stageId: number;
  stageAttempt: number;
  startLine: string;
  startRef: LineRef | undefined;
}

/** A copy of a line reference (the reader reuses its object for the next line). */
export const copyLineRef = (ref: LineRef | undefined): LineRef | undefined => ref && { fileIndex: ref.fileIndex, offset: ref.offset, length: ref.length };

/**
 * The stored row of a finished task (TaskEnd): its end line is kept by reference into an uncompressed log, or
 * copied when the log is compressed.
 */
export function finishedTaskRow(live: LiveTask, info: TaskInfo, metrics: MetricVector | undefined, reason: Json | undefined, line: string, ref: LineRef | undefined): TaskRow {
  return {
    taskId: info.taskId,
    stageId: live.stageId,
    stageAttempt: live.stageAttempt,
    index: info.index,
    attempt: info.attempt,
    launchTime: info.launchTime,
    duration: taskDuration(info),
    executorId: info.executorId,
    host: info.host,
    status: taskStatus(info),
    locality: info.locality,
    speculative: info.speculative,
    resultFetchStart: info.gettingResultTime > 0 ? info.gettingResultTime : -1,
    metrics,
    errorMessage: taskErrorMessage(reason),
    raw: ref ? undefined : line,
    lineRef: copyLineRef(ref),
  };
}

/** The stored row of a task still running when the log ends: its duration runs to `lastUpdated` (SPARK-21922). */
export function runningTaskRow(t: LiveTask, lastUpdated: number): TaskRow {
  return {
    taskId: t.info.taskId,
    stageId: t.stageId,
    stageAttempt: t.stageAttempt,
    index: t.info.index,
    attempt: t.info.attempt,
    launchTime: t.info.launchTime,
    duration: Math.max(0, lastUpdated - t.info.launchTime),
    executorId: t.info.executorId,
    host: t.info.host,
    status: taskStatus(t.info),
    locality: t.info.locality,
    speculative: t.info.speculative,
    resultFetchStart: t.info.gettingResultTime > 0 ? t.info.gettingResultTime : -1,
    metrics: undefined,
    errorMessage: undefined,
    raw: t.startRef ? undefined : t.startLine,
    lineRef: t.startRef,
  };
}
