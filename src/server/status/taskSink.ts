import type { MetricVector } from './taskMetrics.js';

/** One task as stored: the columns queries sort and filter on, plus the event line it is rebuilt from. */
export interface TaskRow {
  taskId: number;
  stageId: number;
  stageAttempt: number;
  index: number;
  attempt: number;
  launchTime: number;
  /** Finished: finish − launch. Running: lastUpdated − launch (SPARK-21922). */
  duration: number;
  executorId: string;
  host: string;
  status: string;
  locality: string;
  speculative: boolean;
  /** Getting Result Time when > 0, else -1. */
  resultFetchStart: number;
  /** Task metrics as reported (absolute values), or undefined when the task reported none. */
  metrics: MetricVector | undefined;
  errorMessage: string | undefined;
  /**
   * Where TaskData is rebuilt from on request: the TaskEnd line (TaskStart for running tasks) either by
   * reference into an uncompressed log file (no copy) or, for compressed logs, the line itself.
   */
  raw: string | undefined;
  lineRef: LineRef | undefined;
}

/** A line's position in an uncompressed log file: rolling file index, byte offset, byte length. */
export interface LineRef {
  fileIndex: number;
  offset: number;
  length: number;
}

/** Where the fold puts tasks; the SQLite store in production, an array in unit tests. `put` must not keep `row.metrics`. */
export interface TaskSink {
  put(row: TaskRow): void;
  /** Spark's cleanupTasks: delete `count` tasks of the attempt with the smallest launch + duration. */
  deleteOldest(stageId: number, stageAttempt: number, count: number): number;
  deleteStage(stageId: number, stageAttempt: number): void;
}

/** In-memory sink for tests and small tools. */
export class MemoryTaskSink implements TaskSink {
  readonly rows = new Map<number, TaskRow>();

  put(row: TaskRow): void {
    // The fold reuses its metrics vector between tasks; a sink that keeps rows must copy it.
    this.rows.set(row.taskId, { ...row, metrics: row.metrics && Float64Array.from(row.metrics) });
  }

  deleteOldest(stageId: number, stageAttempt: number, count: number): number {
    const victims = [...this.rows.values()]
      .filter((r) => r.stageId === stageId && r.stageAttempt === stageAttempt)
      .sort((a, b) => a.launchTime + a.duration - (b.launchTime + b.duration) || a.taskId - b.taskId)
      .slice(0, count);
    for (const v of victims) this.rows.delete(v.taskId);
    return victims.length;
  }

  deleteStage(stageId: number, stageAttempt: number): void {
    for (const [id, r] of this.rows) if (r.stageId === stageId && r.stageAttempt === stageAttempt) this.rows.delete(id);
  }
}
