// Task-timeline cost for a 100k-task stage: lay out (executor lanes, phase fractions) and draw to a
// recorder that stands in for a 2D canvas. Prints milliseconds; no assertions (tests never time things).
// Budget (ARCHITECTURE.md): drawing 100k tasks ≤ 100 ms.
//
//   npx tsc -p tsconfig.build.json && node dist/bench/taskTimeline.js [tasks] [executors]
import { performance } from 'node:perf_hooks';
import { PHASE_COUNT } from '../src/web/components/taskTimeline/taskPhases.js';
import { drawTaskTimeline, type RectCanvas } from '../src/web/components/taskTimeline/taskTimelineDraw.js';
import { layoutTaskTimeline, type TimelineColumns } from '../src/web/components/taskTimeline/taskTimelineLayout.js';

const TASKS = Number(process.argv[2] ?? 100_000);
const EXECUTORS = Number(process.argv[3] ?? 250);
const CORES = 4;
const ROUNDS = 7;
const WIDTH = 1200;

/** Counts what a canvas would be asked to do, at the cost of a real canvas call (a method dispatch). */
class RecordingCanvas implements RectCanvas {
  fillStyle: unknown = '';
  rects = 0;
  fills = 0;
  paths = 0;
  beginPath(): void {
    this.paths++;
  }
  rect(_x: number, _y: number, _w: number, _h: number): void {
    this.rects++;
  }
  fill(): void {
    this.fills++;
  }
}

/** Deterministic pseudo-random numbers, so runs are comparable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Columns as the console's task-timeline answer turns into them (timelineColumnsFromApi). */
function syntheticTasks(n: number): TimelineColumns {
  const rand = lcg(42);
  const slots = EXECUTORS * CORES;
  const slotFree = new Float64Array(slots);
  const t0 = Date.UTC(2026, 0, 1);
  const executors = Array.from({ length: EXECUTORS }, (_, e) => ({ id: String(e), host: `host-${e % 50}` }));
  const executor = new Int32Array(n);
  const launch = new Float64Array(n);
  const finish = new Float64Array(n);
  const phases = new Float64Array(n * PHASE_COUNT);
  for (let i = 0; i < n; i++) {
    const slot = i % slots;
    const start = t0 + slotFree[slot]! + rand() * 20;
    const duration = 100 + rand() * rand() * 20_000;
    slotFree[slot] = start - t0 + duration;
    executor[i] = Math.floor(slot / CORES);
    launch[i] = start;
    finish[i] = start + duration;
    phases.set(
      [
        rand() * 30,
        rand() * 40,
        rand() < 0.5 ? rand() * duration * 0.2 : 0,
        duration * 0.6,
        rand() < 0.5 ? rand() * duration * 0.1 : 0,
        rand() * 5,
        rand() < 0.05 ? rand() * 200 : 0,
      ],
      i * PHASE_COUNT,
    );
  }
  return { count: n, executors, executor, launch, finish, phases };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

const tasks = syntheticTasks(TASKS);
const layoutTimes: number[] = [];
let layout = layoutTaskTimeline(tasks);
for (let r = 0; r < ROUNDS; r++) {
  const t = time(() => layoutTaskTimeline(tasks));
  layoutTimes.push(t.ms);
  layout = t.result;
}
const rowHeight = Math.max(1, Math.min(14, Math.floor(2400 / layout.rowCount)));

function drawBench(label: string, viewStart: number, viewEnd: number): void {
  const times: number[] = [];
  let canvas = new RecordingCanvas();
  for (let r = 0; r < ROUNDS; r++) {
    canvas = new RecordingCanvas();
    times.push(time(() => drawTaskTimeline(canvas, layout, { viewStart, viewEnd, width: WIDTH, rowHeight, rowPadding: rowHeight > 3 ? 1 : 0 })).ms);
  }
  console.log(
    `draw ${label.padEnd(22)} median ${median(times).toFixed(1).padStart(6)} ms  (min ${Math.min(...times).toFixed(1)})  ` +
      `rects ${canvas.rects}, fills ${canvas.fills}`,
  );
}

console.log(`task timeline: ${TASKS} tasks on ${EXECUTORS} executors × ${CORES} cores → ${layout.rowCount} rows, ${WIDTH} px wide, row ${rowHeight} px`);
console.log(`layout                        median ${median(layoutTimes).toFixed(1).padStart(6)} ms  (min ${Math.min(...layoutTimes).toFixed(1)})`);
const span = layout.end - layout.start;
drawBench('whole stage', layout.start, layout.end);
drawBench('zoomed to 10%', layout.start + span * 0.45, layout.start + span * 0.55);
drawBench('zoomed to 0.5%', layout.start + span * 0.5, layout.start + span * 0.505);
