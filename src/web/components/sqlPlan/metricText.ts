import type { SqlPlanMetric } from '../../../api/index.js';

/*
 * Spark renders SQL metric values on the driver, e.g. for a timing metric
 * "total (min, med, max (stageId: taskId))\n324 ms (20 ms, 20 ms, 21 ms (stage 1.0: task 19))".
 * The plan graph shows "name: first line" then the remaining lines, and Spark's checkbox hides the
 * "(stageId: taskId)" and "(stage X.Y: task Z)" parts, which only say where the maximum came from.
 */

const STAGE_TASK = /\s*\((?:stageId: taskId|stage \d+\.\d+: task \d+)\)/g;

/** The value without its "(stage X.Y: task Z)" / "(stageId: taskId)" parts. */
export function withoutStageTask(value: string): string {
  return value.replace(STAGE_TASK, '');
}

/** The text lines of one metric as the plan graph prints it. */
export function metricLines(metric: SqlPlanMetric, showStageTask: boolean): string[] {
  const value = showStageTask ? metric.value : withoutStageTask(metric.value);
  const [first = '', ...rest] = value.split('\n');
  return [`${metric.name}: ${first}`, ...rest];
}

/** A stage reference inside a metric value, for links: "(stage 1.0: task 19)" → stage 1, attempt 0, task 19. */
export interface StageTaskRef {
  stageId: number;
  stageAttemptId: number;
  taskId: number;
}

export function stageTaskRefs(value: string): StageTaskRef[] {
  return [...value.matchAll(/\(stage (\d+)\.(\d+): task (\d+)\)/g)].map((m) => ({
    stageId: Number(m[1]),
    stageAttemptId: Number(m[2]),
    taskId: Number(m[3]),
  }));
}
