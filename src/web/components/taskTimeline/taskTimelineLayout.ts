import { assignLanes } from '../timeline/laneAssignment.js';
import { dominantPhase, PHASE_COUNT, phaseEndFractions } from './taskPhases.js';
import { compareExecutorIds } from '../../../api/executorOrder.js';

/*
 * Task timeline layout, columnar so 100k tasks cost a few typed arrays rather than 100k objects: executors
 * become groups of rows ("lanes"), each executor's tasks are packed into the fewest rows without overlap,
 * and every task carries its row, its time span and where each of its phases ends.
 */

/**
 * The timeline's input, columnar (index i of every array is one task), so a 100k-task stage is a few typed
 * arrays: build it with `timelineColumnsFromApi` (the console's task-timeline answer) or `timelineColumns`.
 */
export interface TimelineColumns {
  count: number;
  /** Distinct executors; `executor[i]` indexes this list. */
  executors: readonly { id: string; host: string }[];
  executor: ArrayLike<number>;
  /** Epoch ms. */
  launch: Float64Array;
  /** Epoch ms (launch + duration, or now while running). */
  finish: Float64Array;
  /** PHASE_COUNT durations (ms) per task, in TASK_PHASES order. */
  phases: Float64Array;
}

export interface ExecutorLane {
  executorId: string;
  host: string;
  firstRow: number;
  rowCount: number;
  taskCount: number;
}

export interface TaskTimelineLayout {
  executors: ExecutorLane[];
  rowCount: number;
  /** Earliest launch and latest finish. */
  start: number;
  end: number;
  /** Per task, sorted by (row, start). */
  taskStart: Float64Array;
  taskEnd: Float64Array;
  taskRow: Int32Array;
  /** Index of the task in the input array. */
  taskSource: Int32Array;
  /** PHASE_COUNT fractions per task: where each phase ends within the bar. */
  phaseEnds: Float32Array;
  /** Longest phase per task. */
  dominant: Uint8Array;
  /** Tasks of row r are indices rowStart[r] … rowStart[r + 1] − 1 (sorted by start; they never overlap). */
  rowStart: Int32Array;
}

export function layoutTaskTimeline(input: TimelineColumns): TaskTimelineLayout {
  const n = input.count;
  // Group by executor id (two entries of `executors` with one id would still share a lane group).
  const byExecutor = new Map<string, number[]>();
  const hostOf = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const e = input.executors[input.executor[i]!]!;
    let list = byExecutor.get(e.id);
    if (list === undefined) {
      byExecutor.set(e.id, (list = []));
      hostOf.set(e.id, e.host);
    }
    list.push(i);
  }

  const starts = input.launch;
  const ends = new Float64Array(n);
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < n; i++) {
    ends[i] = Math.max(input.finish[i]!, starts[i]!);
    if (starts[i]! < start) start = starts[i]!;
    if (ends[i]! > end) end = ends[i]!;
  }

  const executors: ExecutorLane[] = [];
  const rowOfTask = new Int32Array(n);
  let rowCount = 0;
  for (const id of [...byExecutor.keys()].sort(compareExecutorIds)) {
    const members = byExecutor.get(id)!;
    members.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]!);
    const { lanes, laneCount } = assignLanes(starts, ends, members);
    for (const i of members) rowOfTask[i] = rowCount + lanes[i]!;
    executors.push({ executorId: id, host: hostOf.get(id)!, firstRow: rowCount, rowCount: laneCount, taskCount: members.length });
    rowCount += laneCount;
  }

  // Counting sort by row, then each row's tasks are already in start order (members were start-sorted).
  const rowStart = new Int32Array(rowCount + 1);
  for (let i = 0; i < n; i++) rowStart[rowOfTask[i]! + 1]!++;
  for (let r = 0; r < rowCount; r++) rowStart[r + 1]! += rowStart[r]!;
  const fill = rowStart.slice(0, rowCount);
  const order = new Int32Array(n);
  for (const lane of executors) {
    // Walk each executor's tasks in start order so rows fill in start order.
    for (const i of byExecutor.get(lane.executorId)!) order[fill[rowOfTask[i]!]!++] = i;
  }

  const taskStart = new Float64Array(n);
  const taskEnd = new Float64Array(n);
  const taskRow = new Int32Array(n);
  const phaseEnds = new Float32Array(n * PHASE_COUNT);
  const dominant = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    taskStart[k] = starts[i]!;
    taskEnd[k] = ends[i]!;
    taskRow[k] = rowOfTask[i]!;
    phaseEndFractions(input.phases, i * PHASE_COUNT, ends[i]! - starts[i]!, phaseEnds, k * PHASE_COUNT);
    dominant[k] = dominantPhase(input.phases, i * PHASE_COUNT);
  }

  if (!Number.isFinite(start)) {
    start = 0;
    end = 1;
  }
  return { executors, rowCount, start, end, taskStart, taskEnd, taskRow, taskSource: order, phaseEnds, dominant, rowStart };
}

/** First task index in `row` whose end is at or after `t` (tasks in a row never overlap, so ends are sorted too). */
export function firstTaskEndingAfter(layout: TaskTimelineLayout, row: number, t: number): number {
  let lo = layout.rowStart[row]!;
  let hi = layout.rowStart[row + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.taskEnd[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The task (sorted index) under time `t` in `row`, within `slackMs`, or -1. */
export function taskAt(layout: TaskTimelineLayout, row: number, t: number, slackMs: number): number {
  if (row < 0 || row >= layout.rowCount) return -1;
  const end = layout.rowStart[row + 1]!;
  let best = -1;
  let bestDistance = slackMs;
  // Within the slack, two neighbouring tasks can qualify; the nearer one wins.
  for (let k = firstTaskEndingAfter(layout, row, t - slackMs); k < end && layout.taskStart[k]! - slackMs <= t; k++) {
    const distance = t < layout.taskStart[k]! ? layout.taskStart[k]! - t : t > layout.taskEnd[k]! ? t - layout.taskEnd[k]! : 0;
    if (distance <= bestDistance) {
      if (distance === 0) return k;
      best = k;
      bestDistance = distance;
    }
  }
  return best;
}
