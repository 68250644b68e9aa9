import type { CSSProperties } from 'react';

/*
 * Spark's executor-table shading (executorspage.js), so a glance finds busy, failing and GC-bound executors:
 * - active tasks: blue, more opaque the closer the executor is to its task slots;
 * - failed tasks: red, fully opaque from a 10% failure rate;
 * - task time: red with white text once GC takes more than 10% of it.
 */

const GC_TIME_SHARE = 0.1;

export function activeTasksStyle(activeTasks: number, maxTasks: number): CSSProperties | undefined {
  if (activeTasks <= 0) return undefined;
  const alpha = maxTasks > 0 ? (activeTasks / maxTasks) * 0.5 + 0.5 : 1;
  return { background: `hsla(240, 100%, 50%, ${alpha})`, color: 'white' };
}

export function failedTasksStyle(failedTasks: number, totalTasks: number): CSSProperties | undefined {
  if (failedTasks <= 0) return undefined;
  const alpha = totalTasks > 0 ? Math.min((10 * failedTasks) / totalTasks, 1) * 0.5 + 0.5 : 1;
  return { background: `hsla(0, 100%, 50%, ${alpha})`, color: 'white' };
}

export function isGcHeavy(gcTime: number, taskTime: number): boolean {
  return gcTime > GC_TIME_SHARE * taskTime;
}

export function taskTimeStyle(gcTime: number, taskTime: number): CSSProperties | undefined {
  if (!isGcHeavy(gcTime, taskTime)) return undefined;
  const alpha = taskTime > 0 ? Math.min(gcTime / taskTime + 0.5, 1) : 1;
  return { background: `hsla(0, 100%, 50%, ${alpha})`, color: 'white' };
}
