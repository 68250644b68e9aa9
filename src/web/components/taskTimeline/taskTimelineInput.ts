import type { TaskTimeline as TaskTimelineData } from '../../../api/index.js';
import { PHASE_COUNT, writeTaskPhases } from './taskPhases.js';
import type { TimelineColumns } from './taskTimelineLayout.js';

/** Whether task i is still running (no finish yet): it then reaches to `now`. */
export function isRunningTask(t: TaskTimelineData, i: number): boolean {
  return t.statuses[t.status[i]!] === 'RUNNING' && !(t.duration[i]! > 0);
}

/**
 * The console's task-timeline columns → the layout's input: finish = launch + duration (or now while a task
 * runs), and Spark's seven phases with computing as the remainder of the wall time.
 */
export function timelineColumnsFromApi(t: TaskTimelineData, now: number): TimelineColumns {
  const n = t.count;
  const launch = new Float64Array(n);
  const finish = new Float64Array(n);
  const phases = new Float64Array(n * PHASE_COUNT);
  for (let i = 0; i < n; i++) {
    const start = t.launchTime[i]! > 0 ? t.launchTime[i]! : now;
    const end = isRunningTask(t, i) ? Math.max(now, start) : start + Math.max(0, t.duration[i]!);
    launch[i] = start;
    finish[i] = end;
    writeTaskPhases(
      {
        totalMs: end - start,
        schedulerDelay: t.schedulerDelay[i]!,
        deserialization: t.deserialization[i]!,
        shuffleRead: t.shuffleRead[i]!,
        shuffleWrite: t.shuffleWrite[i]!,
        serialization: t.serialization[i]!,
        gettingResult: t.gettingResult[i]!,
      },
      phases,
      i * PHASE_COUNT,
    );
  }
  return { count: n, executors: t.executors, executor: t.executor, launch, finish, phases };
}

/** One task as plain values (tests and the benchmark build their input from these). */
export interface TimelineTaskInput {
  executorId: string;
  host: string;
  launch: number;
  finish: number;
  /** PHASE_COUNT durations in ms, TASK_PHASES order. */
  phases: readonly number[];
}

/** A list of tasks → the layout's columnar input. */
export function timelineColumns(tasks: readonly TimelineTaskInput[]): TimelineColumns {
  const n = tasks.length;
  const executors: { id: string; host: string }[] = [];
  const index = new Map<string, number>();
  const executor = new Int32Array(n);
  const launch = new Float64Array(n);
  const finish = new Float64Array(n);
  const phases = new Float64Array(n * PHASE_COUNT);
  tasks.forEach((t, i) => {
    let e = index.get(t.executorId);
    if (e === undefined) {
      e = executors.length;
      index.set(t.executorId, e);
      executors.push({ id: t.executorId, host: t.host });
    }
    executor[i] = e;
    launch[i] = t.launch;
    finish[i] = t.finish;
    for (let k = 0; k < PHASE_COUNT; k++) phases[i * PHASE_COUNT + k] = t.phases[k] ?? 0;
  });
  return { count: n, executors, executor, launch, finish, phases };
}
