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
/** Milliseconds per phase, in TASK_PHASES order. */
export type PhaseDurations = [number, number, number, number, number, number, number];
export const COMPUTING_PHASE = 3;

/** What the phase split needs from a task (a subset of Spark's TaskData, in plain numbers). */
export interface TaskTimingInput {
  /** Wall time from launch to finish (or to now while running), ms. */
  totalMs: number;
  running: boolean;
  schedulerDelay: number;
  gettingResultTime: number;
  executorDeserializeTime: number;
  resultSerializationTime: number;
  /** Absent metrics (no TaskEnd yet, or an old log): the whole bar counts as computing, as in Spark. */
  executorRunTime?: number | undefined;
  shuffleFetchWaitTime: number;
  /** Nanoseconds, as Spark records it. */
  shuffleWriteTimeNs: number;
}

/**
 * Splits a task's wall time into Spark's phases. Computing is what remains of the run time after shuffle
 * read and write; while a task runs, its run time is the wall time minus the other executor-side phases.
 * Negative or missing values count as 0.
 */
export function taskPhaseDurations(t: TaskTimingInput): PhaseDurations {
  const pos = (v: number | undefined) => (v !== undefined && Number.isFinite(v) && v > 0 ? v : 0);
  const deser = pos(t.executorDeserializeTime);
  const ser = pos(t.resultSerializationTime);
  const gettingResult = pos(t.gettingResultTime);
  const shuffleRead = pos(t.shuffleFetchWaitTime);
  const shuffleWrite = pos(t.shuffleWriteTimeNs) / 1e6;
  const runTime = t.running || t.executorRunTime === undefined ? pos(t.totalMs - deser - ser - gettingResult) : pos(t.executorRunTime);
  const computing = pos(runTime - shuffleRead - shuffleWrite);
  return [pos(t.schedulerDelay), deser, shuffleRead, computing, shuffleWrite, ser, gettingResult];
}

/**
 * Where each phase ends, as a fraction (0–1) of the bar. Like Spark, every phase except computing takes its
 * share of the wall time and computing fills the rest (never below zero), so the bar always spans the task.
 */
export function phaseEndFractions(phases: PhaseDurations, totalMs: number, out: Float32Array, offset: number): void {
  const total = totalMs > 0 ? totalMs : 1;
  let others = 0;
  for (let k = 0; k < PHASE_COUNT; k++) if (k !== COMPUTING_PHASE) others += phases[k]! / total;
  const computingShare = Math.max(0, 1 - others);
  let acc = 0;
  for (let k = 0; k < PHASE_COUNT; k++) {
    acc += k === COMPUTING_PHASE ? computingShare : phases[k]! / total;
    out[offset + k] = Math.min(1, acc);
  }
  out[offset + PHASE_COUNT - 1] = 1;
}

/** Index of the longest phase, used to colour tasks narrower than a pixel. */
export function dominantPhase(phases: PhaseDurations): number {
  let best = COMPUTING_PHASE;
  for (let k = 0; k < PHASE_COUNT; k++) if (phases[k]! > phases[best]!) best = k;
  return best;
}
