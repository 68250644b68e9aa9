/**
 * LiveStageMetrics of SQLAppStatusListener: per stage attempt, one value per task index for each SQL
 * accumulator, plus the task that reported the largest value of each non-sum metric. Indices that never
 * reported stay 0 and take part in the min/median like Spark's zero-filled arrays do.
 */
import { metricNeedsMax } from './metricFormat.js';
import { asArray, asObject, optInt, parseLongValue } from './sqlJson.js';

/** Task index for updates that carry none (executor heartbeats): look it up from the task's start event. */
export const UNKNOWN_INDEX = -1;

export class StageMetrics {
  /** taskId → task index; may hold more entries than tasks when speculation is on. */
  private readonly taskIndices = new Map<number, number>();
  private readonly completedIndices = new Set<number>();
  private readonly taskMetrics = new Map<number, Float64Array>();
  /** accumulatorId → [max value, taskId]. */
  private readonly maxByMetric = new Map<number, [number, number]>();

  constructor(
    readonly stageId: number,
    readonly attemptId: number,
    readonly numTasks: number,
    /** Accumulator id → metric type, as known when the job started (later plan updates do not reach it). */
    readonly accumIdsToMetricType: ReadonlyMap<number, string>,
  ) {}

  registerTask(taskId: number, taskIndex: number): void {
    this.taskIndices.set(taskId, taskIndex);
  }

  /**
   * Folds one task's accumulator updates. Stops where Spark's listener would throw (a non-numeric value, an
   * index beyond the stage's task count), keeping what it folded before that point, and returns false then.
   */
  updateTaskMetrics(taskId: number, eventIndex: number, finished: boolean, accumUpdates: unknown): boolean {
    let taskIndex: number;
    if (eventIndex === UNKNOWN_INDEX) {
      const known = this.taskIndices.get(taskId);
      if (known === undefined) return true; // missed the start event: ignore, as Spark does
      taskIndex = known;
    } else {
      this.registerTask(taskId, eventIndex);
      taskIndex = eventIndex;
    }
    if (this.completedIndices.has(taskIndex)) return true;

    for (const raw of asArray(accumUpdates)) {
      const acc = asObject(raw);
      if (!acc) continue;
      const id = optInt(acc.ID);
      if (id === undefined) continue;
      const update = acc.Update;
      if (update === undefined || update === null) continue;
      const metricType = this.accumIdsToMetricType.get(id);
      if (metricType === undefined) continue;
      const value = parseLongValue(update);
      if (value === undefined) return false;
      let values = this.taskMetrics.get(id);
      if (!values) {
        values = new Float64Array(Math.max(0, this.numTasks));
        this.taskMetrics.set(id, values);
      }
      if (taskIndex < 0 || taskIndex >= values.length) return false;
      values[taskIndex] = value;
      if (metricNeedsMax(metricType)) {
        const max = this.maxByMetric.get(id);
        if (!max) this.maxByMetric.set(id, [value, taskId]);
        else if (value > max[0]) {
          max[0] = value;
          max[1] = taskId;
        }
      }
    }
    if (finished) this.completedIndices.add(taskIndex);
    return true;
  }

  /** (accumulatorId, per-index values) pairs. */
  metricValues(): IterableIterator<[number, Float64Array]> {
    return this.taskMetrics.entries();
  }

  /** (accumulatorId, value, taskId) of each metric's largest task value. */
  *maxMetricValues(): IterableIterator<[number, number, number]> {
    for (const [id, [value, taskId]] of this.maxByMetric) yield [id, value, taskId];
  }
}
