/*
 * The seven phases Spark's stage page draws inside each task bar (spec §2.11 C), in drawing order, with
 * Spark's colours. Pure data and arithmetic: no DOM, so the benchmark and unit tests run it in Node.
 */

export const TASK_PHASES = [
  { key: 'schedulerDelay', label: 'Scheduler Delay', fill: '#80B1D3', stroke: '#6B94B0' },
  { key: 'deserialization', label: 'Task Deserialization Time', fill: '#FB8072', stroke: '#D26B5F' },
  { key: 'shuffleRead', label: 'Shuffle Read Time', fill: '#FDB462', stroke: '#D39651' },
  { key: 'computing', label: 'Executor Computing Time', fill: '#B3DE69', stroke: '#95B957' },
  { key: 'shuffleWrite', label: 'Shuffle Write Time', fill: '#FFED6F', stroke: '#D5C65C' },
  { key: 'serialization', label: 'Result Serialization Time', fill: '#BC80BD', stroke: '#9D6B9E' },
  { key: 'gettingResult', label: 'Getting Result Time', fill: '#8DD3C7', stroke: '#75B0A6' },
] as const;

export const PHASE_COUNT = TASK_PHASES.length;
export type PhaseKey = (typeof TASK_PHASES)[number]['key'];
export const COMPUTING_PHASE = 3;

/** Spark's timeline phases of one task as the console's task-timeline endpoint reports them (ms). */
export interface TaskPhaseInput {
  /** Wall time from launch to finish (or to now while running). */
  totalMs: number;
  schedulerDelay: number;
  deserialization: number;
  shuffleRead: number;
  shuffleWrite: number;
  serialization: number;
  gettingResult: number;
}

/**
 * Writes a task's seven phase durations (TASK_PHASES order) into `out` at `offset`. Executor computing time
 * is what the other phases leave of the wall time (spec §2.11 C), never below zero; negative or missing
 * values count as 0. A task without metrics (running, or an old log) is all computing, as in Spark.
 */
export function writeTaskPhases(t: TaskPhaseInput, out: Float64Array, offset: number): void {
  const pos = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  const delay = pos(t.schedulerDelay);
  const deser = pos(t.deserialization);
  const read = pos(t.shuffleRead);
  const write = pos(t.shuffleWrite);
  const ser = pos(t.serialization);
  const getting = pos(t.gettingResult);
  out[offset] = delay;
  out[offset + 1] = deser;
  out[offset + 2] = read;
  out[offset + 3] = pos(pos(t.totalMs) - delay - deser - read - write - ser - getting);
  out[offset + 4] = write;
  out[offset + 5] = ser;
  out[offset + 6] = getting;
}

/**
 * Where each phase ends, as a fraction (0–1) of the bar, for the PHASE_COUNT durations at `phases[at…]`. Like
 * Spark, every phase except computing takes its share of the wall time and computing fills the rest (never
 * below zero), so the bar always spans the task.
 */
export function phaseEndFractions(phases: ArrayLike<number>, at: number, totalMs: number, out: Float32Array, offset: number): void {
  const total = totalMs > 0 ? totalMs : 1;
  let others = 0;
  for (let k = 0; k < PHASE_COUNT; k++) if (k !== COMPUTING_PHASE) others += phases[at + k]! / total;
  const computingShare = Math.max(0, 1 - others);
  let acc = 0;
  for (let k = 0; k < PHASE_COUNT; k++) {
    acc += k === COMPUTING_PHASE ? computingShare : phases[at + k]! / total;
    out[offset + k] = Math.min(1, acc);
  }
  out[offset + PHASE_COUNT - 1] = 1;
}

/** Index of the longest of the PHASE_COUNT durations at `phases[at…]`, used to colour tasks narrower than a pixel. */
export function dominantPhase(phases: ArrayLike<number>, at: number): number {
  let best = COMPUTING_PHASE;
  for (let k = 0; k < PHASE_COUNT; k++) if (phases[at + k]! > phases[at + best]!) best = k;
  return best;
}
