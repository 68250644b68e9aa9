import { useMemo } from 'react';
import type { TaskData } from '../../../api/index.js';
import { formatDate, formatTimeOfDay } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { EmptyState } from '../EmptyState.js';
import { CanvasTimeline, type HitBox, type TimelineFrame } from '../timeline/CanvasTimeline.js';
import { TimelineLegend } from '../timeline/EventTimeline.js';
import { paddedBounds } from '../timeline/timeScale.js';
import { TASK_PHASES } from './taskPhases.js';
import { drawTaskTimeline } from './taskTimelineDraw.js';
import { timelineTaskFromSpark } from './taskTimelineInput.js';
import { layoutTaskTimeline, taskAt } from './taskTimelineLayout.js';

const GUTTER = 150;

/** Row height: roomy for small stages, down to 2 px so a thousand lanes still fit on a screen. */
function rowHeightFor(rows: number): number {
  if (rows <= 24) return 16;
  return Math.max(2, Math.min(16, Math.floor(520 / rows)));
}

/**
 * Spark's stage task timeline (§2.11 C) on canvas: one group of lanes per executor ("<id> / <host>"), each
 * task a bar split into Spark's seven phase colours. Wheel/keys zoom, drag pans, hover shows the breakdown.
 */
export function TaskTimeline({ tasks, now }: { tasks: readonly TaskData[]; now: number }) {
  const inputs = useMemo(() => tasks.map((t) => timelineTaskFromSpark(t, now)), [tasks, now]);
  const layout = useMemo(() => layoutTaskTimeline(inputs), [inputs]);
  const bounds = useMemo(() => paddedBounds(layout.start, layout.end, 0.01), [layout]);
  const rowHeight = rowHeightFor(layout.rowCount);
  const rowPadding = rowHeight >= 8 ? 2 : rowHeight >= 4 ? 1 : 0;
  const contentHeight = Math.max(1, layout.rowCount * rowHeight);

  if (tasks.length === 0) return <EmptyState title="No tasks have started yet" />;

  function draw(ctx: CanvasRenderingContext2D, f: TimelineFrame): number {
    // Alternate executor bands so lanes of neighbouring executors are told apart.
    ctx.fillStyle = f.theme.laneStripe;
    layout.executors.forEach((e, i) => {
      if (i % 2 === 0) ctx.fillRect(0, e.firstRow * rowHeight, f.width, e.rowCount * rowHeight);
    });
    const stats = drawTaskTimeline(ctx, layout, { viewStart: f.view.start, viewEnd: f.view.end, width: f.width, rowHeight, rowPadding });
    return stats.tasksVisible;
  }

  function drawGutter(ctx: CanvasRenderingContext2D, f: TimelineFrame) {
    ctx.font = '11px ui-sans-serif, system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    let lastLabelBottom = -Infinity;
    for (const e of layout.executors) {
      const top = e.firstRow * rowHeight;
      const height = e.rowCount * rowHeight;
      ctx.fillStyle = f.theme.grid;
      ctx.fillRect(0, top, GUTTER, 1);
      // Label each executor where there is room (12 px); tiny groups share the label of the one above.
      const y = top + Math.max(height, 12) / 2;
      if (y - 6 < lastLabelBottom) continue;
      ctx.fillStyle = f.theme.text;
      ctx.fillText(`${e.executorId} / ${e.host}`, 4, y, GUTTER - 10);
      lastLabelBottom = y + 6;
    }
  }

  function hitTest(x: number, y: number, f: TimelineFrame): number | undefined {
    const row = Math.floor(y / rowHeight);
    const msPerPx = (f.view.end - f.view.start) / f.width;
    const k = taskAt(layout, row, f.view.start + x * msPerPx, msPerPx * 2);
    return k < 0 ? undefined : k;
  }

  function hitBox(k: number, f: TimelineFrame): HitBox {
    const pxPerMs = f.width / (f.view.end - f.view.start);
    const x = (layout.taskStart[k]! - f.view.start) * pxPerMs;
    return { x, y: layout.taskRow[k]! * rowHeight, w: Math.max(1, (layout.taskEnd[k]! - layout.taskStart[k]!) * pxPerMs), h: rowHeight };
  }

  return (
    <CanvasTimeline<number>
      bounds={bounds}
      contentHeight={contentHeight}
      gutter={GUTTER}
      maxHeight={560}
      draw={draw}
      drawGutter={drawGutter}
      hitTest={hitTest}
      hitBox={hitBox}
      tooltip={(k) => {
        const i = layout.taskSource[k]!;
        return <TaskTooltip task={tasks[i]!} launch={inputs[i]!.launch} finish={inputs[i]!.finish} phases={inputs[i]!.phases} />;
      }}
      label={`Task timeline: ${tasks.length} tasks on ${layout.executors.length} executors`}
      testId="task-timeline"
      legend={<TimelineLegend items={TASK_PHASES.map((p) => ({ label: p.label, fill: p.fill, stroke: p.stroke }))} />}
    />
  );
}

function TaskTooltip({ task, launch, finish, phases }: { task: TaskData; launch: number; finish: number; phases: readonly number[] }) {
  return (
    <div className="space-y-0.5">
      <p className="font-semibold">
        Task {task.index} (attempt {task.attempt})
      </p>
      <p>Status: {task.status}</p>
      <p>
        Executor {task.executorId} / {task.host}
      </p>
      <p>Launch Time: {formatDate(launch)} ({formatTimeOfDay(launch)})</p>
      {task.duration === undefined ? <p>Running for {formatDuration(finish - launch)}</p> : <p>Finish Time: {formatTimeOfDay(finish)}</p>}
      <table className="mt-1">
        <tbody>
          {TASK_PHASES.map((p, k) => (
            <tr key={p.key}>
              <td className="pr-2">
                <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 align-middle" style={{ background: p.fill }} />
                {p.label}
              </td>
              <td className="text-right tabular-nums">{Math.round(phases[k]!)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
