import { describe, expect, it } from 'vitest';
import { assignLanes } from '../../src/web/components/timeline/laneAssignment.js';
import type { TaskTimeline } from '../../src/api/index.js';
import { COMPUTING_PHASE, PHASE_COUNT, phaseEndFractions, TASK_PHASES, writeTaskPhases } from '../../src/web/components/taskTimeline/taskPhases.js';
import { drawTaskTimeline, type RectCanvas } from '../../src/web/components/taskTimeline/taskTimelineDraw.js';
import { timelineColumns, timelineColumnsFromApi, type TimelineTaskInput } from '../../src/web/components/taskTimeline/taskTimelineInput.js';
import { compareExecutorIds } from '../../src/api/executorOrder.js';
import { layoutTaskTimeline as layoutColumns, taskAt } from '../../src/web/components/taskTimeline/taskTimelineLayout.js';

const layoutTaskTimeline = (tasks: readonly TimelineTaskInput[]) => layoutColumns(timelineColumns(tasks));

/** Records what a renderer draws, grouped by the fill colour active at each fill(). */
class Recorder implements RectCanvas {
  fillStyle: unknown = '';
  pending: [number, number, number, number][] = [];
  fills: { color: string; rects: [number, number, number, number][] }[] = [];
  beginPath() {
    this.pending = [];
  }
  rect(x: number, y: number, w: number, h: number) {
    this.pending.push([x, y, w, h]);
  }
  fill() {
    this.fills.push({ color: String(this.fillStyle), rects: this.pending });
  }
}

const zeroPhases = (): number[] => [0, 0, 0, 0, 0, 0, 0];

function task(executorId: string, launch: number, finish: number, phases = zeroPhases()): TimelineTaskInput {
  return { executorId, host: `host-${executorId}`, launch, finish, phases };
}

describe('task phases (Spark stage-page rules)', () => {
  it('computing is what the other phases leave of the wall time', () => {
    const out = new Float64Array(PHASE_COUNT);
    writeTaskPhases({ totalMs: 1000, schedulerDelay: 50, deserialization: 30, shuffleRead: 100, shuffleWrite: 80, serialization: 10, gettingResult: 20 }, out, 0);
    expect([...out]).toEqual([50, 30, 100, 710, 80, 10, 20]);
    // Phases that add up to more than the wall time leave no computing time (never negative).
    writeTaskPhases({ totalMs: 100, schedulerDelay: 80, deserialization: 40, shuffleRead: -5, shuffleWrite: 0, serialization: 0, gettingResult: Number.NaN }, out, 0);
    expect([...out]).toEqual([80, 40, 0, 0, 0, 0, 0]);
  });

  it('reads the console task-timeline columns: executor and status indices, running tasks reach now', () => {
    const api: TaskTimeline = {
      stageId: 1,
      attemptId: 0,
      count: 3,
      executors: [
        { id: '2', host: 'h2' },
        { id: '1', host: 'h1' },
      ],
      statuses: ['SUCCESS', 'RUNNING'],
      taskId: [10, 11, 12],
      index: [0, 1, 2],
      attempt: [0, 0, 0],
      executor: [0, 1, 1],
      status: [0, 1, 0],
      speculative: [0, 0, 1],
      launchTime: [1000, 1500, 1200],
      duration: [400, 0, 100],
      schedulerDelay: [10, 0, 5],
      deserialization: [20, 0, 5],
      shuffleRead: [30, 0, 0],
      shuffleWrite: [40, 0, 0],
      serialization: [0, 0, 0],
      gettingResult: [0, 0, 0],
    };
    const cols = timelineColumnsFromApi(api, 2000);
    expect([...cols.finish]).toEqual([1400, 2000, 1300]);
    expect([...cols.phases.subarray(0, PHASE_COUNT)]).toEqual([10, 20, 30, 300, 40, 0, 0]);
    // The running task has no metrics yet: its whole bar is computing.
    expect(cols.phases[PHASE_COUNT + COMPUTING_PHASE]).toBe(500);
    const layout = layoutColumns(cols);
    expect(layout.executors.map((e) => [e.executorId, e.host, e.taskCount])).toEqual([
      ['1', 'h1', 2],
      ['2', 'h2', 1],
    ]);
  });

  it('phase ends are cumulative fractions and computing absorbs the remainder', () => {
    const out = new Float32Array(PHASE_COUNT);
    phaseEndFractions([100, 100, 0, 0, 0, 0, 0], 0, 1000, out, 0);
    expect([...out].map((v) => Math.round(v * 100) / 100)).toEqual([0.1, 0.2, 0.2, 1, 1, 1, 1]);
    // Phases adding up to more than the wall time never push the bar past its end.
    phaseEndFractions([800, 800, 0, 0, 0, 0, 0], 0, 1000, out, 0);
    expect(out[PHASE_COUNT - 1]).toBe(1);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
  });
});

describe('lanes and layout', () => {
  it('packs overlapping intervals into the fewest lanes, reusing freed ones', () => {
    const starts = [0, 1, 5, 6, 10];
    const ends = [5, 6, 9, 12, 11];
    const { lanes, laneCount } = assignLanes(starts, ends, [0, 1, 2, 3, 4]);
    expect(laneCount).toBe(2);
    expect([...lanes]).toEqual([0, 1, 0, 1, 0]);
  });

  it('orders executors like Spark: driver, then numeric ids, then names', () => {
    expect(['10', 'driver', '2', 'x', '1'].sort(compareExecutorIds)).toEqual(['driver', '1', '2', '10', 'x']);
  });

  it('groups rows by executor and keeps each row free of overlaps', () => {
    const layout = layoutTaskTimeline([task('2', 0, 10), task('1', 0, 10), task('1', 5, 15), task('1', 10, 20), task('2', 12, 14)]);
    expect(layout.executors.map((e) => [e.executorId, e.firstRow, e.rowCount, e.taskCount])).toEqual([
      ['1', 0, 2, 3],
      ['2', 2, 1, 2],
    ]);
    expect(layout.rowCount).toBe(3);
    expect([layout.start, layout.end]).toEqual([0, 20]);
    for (let r = 0; r < layout.rowCount; r++) {
      for (let k = layout.rowStart[r]! + 1; k < layout.rowStart[r + 1]!; k++) expect(layout.taskStart[k]).toBeGreaterThanOrEqual(layout.taskEnd[k - 1]!);
    }
    // The source index maps a laid-out task back to the input.
    const k = taskAt(layout, 1, 7, 0);
    expect(layout.taskSource[k]).toBe(2);
    expect(taskAt(layout, 2, 11, 0)).toBe(-1);
    expect(layout.taskSource[taskAt(layout, 2, 11, 1.5)]).toBe(4);
  });
});

describe('drawing', () => {
  it('batches one fill per phase colour and draws phase segments in order', () => {
    const phases = [100, 100, 0, 800, 0, 0, 0];
    const layout = layoutTaskTimeline([task('1', 0, 1000, phases), task('1', 1000, 2000, phases)]);
    const rec = new Recorder();
    const stats = drawTaskTimeline(rec, layout, { viewStart: 0, viewEnd: 2000, width: 200, rowHeight: 10, rowPadding: 1 });
    expect(stats.fills).toBe(3);
    expect(rec.fills.map((f) => f.color)).toEqual([TASK_PHASES[0].fill, TASK_PHASES[1].fill, TASK_PHASES[3].fill]);
    expect(rec.fills[0]!.rects).toEqual([
      [0, 1, 10, 8],
      [100, 1, 10, 8],
    ]);
    expect(rec.fills[2]!.rects).toEqual([
      [20, 1, 80, 8],
      [120, 1, 80, 8],
    ]);
  });

  it('collapses sub-pixel tasks to one pixel per column, merges touching ones, skips tasks outside the view', () => {
    const tasks: TimelineTaskInput[] = [];
    for (let i = 0; i < 1000; i++) tasks.push(task('1', i, i + 1, [0, 0, 0, 1, 0, 0, 0]));
    const layout = layoutTaskTimeline(tasks);
    const rec = new Recorder();
    drawTaskTimeline(rec, layout, { viewStart: 0, viewEnd: 1000, width: 100, rowHeight: 4, rowPadding: 0 });
    // 1000 tasks of 0.1 px each cover the 100 px once: one merged rectangle, no overdraw.
    const rects = rec.fills.flatMap((f) => f.rects);
    expect(rects.reduce((sum, r) => sum + r[2], 0)).toBe(100);
    expect(rects.length).toBe(1);
    const zoomed = drawTaskTimeline(new Recorder(), layout, { viewStart: 500, viewEnd: 510, width: 100, rowHeight: 4, rowPadding: 0 });
    expect(zoomed.tasksVisible).toBeLessThanOrEqual(12);
    expect(zoomed.rects).toBeLessThanOrEqual(zoomed.tasksVisible);
  });

  it('draws bars too narrow for legible phases in their dominant colour only', () => {
    const layout = layoutTaskTimeline([task('1', 0, 40, [10, 0, 0, 25, 0, 0, 5])]);
    const rec = new Recorder();
    drawTaskTimeline(rec, layout, { viewStart: 0, viewEnd: 400, width: 40, rowHeight: 4, rowPadding: 0 });
    expect(rec.fills).toEqual([{ color: TASK_PHASES[3].fill, rects: [[0, 0, 4, 4]] }]);
  });
});
