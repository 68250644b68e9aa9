import { useMemo } from 'react';
import type { TaskTimeline as TaskTimelineData } from '../../../api/index.js';
import { formatTimeOfDayInZone } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { EmptyState } from '../EmptyState.js';
import { DateTime } from '../timeZone/DateTime.js';
import { useDisplayTimeZone } from '../timeZone/timeZoneContext.js';
import { CanvasTimeline, type HitBox, type TimelineFrame } from '../timeline/CanvasTimeline.js';
import { TimelineLegend } from '../timeline/EventTimeline.js';
import { paddedBounds } from '../timeline/timeScale.js';
import { PHASE_COUNT, TASK_PHASES } from './taskPhases.js';
import { drawTaskTimeline } from './taskTimelineDraw.js';
import { isRunningTask, timelineColumnsFromApi } from './taskTimelineInput.js';
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
export function TaskTimeline({ timeline, now }: { timeline: TaskTimelineData; now: number }) {
  const inputs = useMemo(() => timelineColumnsFromApi(timeline, now), [timeline, now]);
  const layout = useMemo(() => layoutTaskTimeline(inputs), [inputs]);
  const bounds = useMemo(() => paddedBounds(layout.start, layout.end, 0.01), [layout]);
  // Gutter labels cut to fit, measured once per layout rather than every frame.
  const labels = useMemo(() => new Map<string, string>(), [layout]); // eslint-disable-line react-hooks/exhaustive-deps
  const rowHeight = rowHeightFor(layout.rowCount);
  const rowPadding = rowHeight >= 8 ? 2 : rowHeight >= 4 ? 1 : 0;
  const contentHeight = Math.max(1, layout.rowCount * rowHeight);

  if (timeline.count === 0) return <EmptyState title="No tasks have started yet" />;

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
      const label = `${e.executorId} / ${e.host}`;
      let fitted = labels.get(label);
      if (fitted === undefined) labels.set(label, (fitted = fitText(ctx, label, GUTTER - 10)));
      ctx.fillText(fitted, 4, y);
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
        return <TaskTooltip timeline={timeline} i={i} launch={inputs.launch[i]!} finish={inputs.finish[i]!} phases={inputs.phases.subarray(i * PHASE_COUNT, (i + 1) * PHASE_COUNT)} />;
      }}
      label={`Task timeline: ${timeline.count} tasks on ${layout.executors.length} executors`}
      testId="task-timeline"
      legend={<TimelineLegend items={TASK_PHASES.map((p) => ({ label: p.label, fill: p.fill, stroke: p.stroke }))} />}
    />
  );
}

/** The text, cut with an ellipsis to fit `width` px (long host names would otherwise be squeezed unreadably). */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function TaskTooltip({ timeline: t, i, launch, finish, phases }: { timeline: TaskTimelineData; i: number; launch: number; finish: number; phases: ArrayLike<number> }) {
  const executor = t.executors[t.executor[i]!];
  const { zone } = useDisplayTimeZone();
  return (
    <div className="space-y-0.5">
      <p className="font-semibold">
        Task {t.index[i]} (attempt {t.attempt[i]})
      </p>
      <p>
        Status: {t.statuses[t.status[i]!]}
        {t.speculative[i] ? ' (speculative)' : ''}
      </p>
      <p>
        Executor {executor?.id} / {executor?.host}
      </p>
      <p>
        Launch Time: <DateTime epochMs={launch} /> ({formatTimeOfDayInZone(launch, zone)})
      </p>
      {isRunningTask(t, i) ? <p>Running for {formatDuration(finish - launch)}</p> : <p>Finish Time: {formatTimeOfDayInZone(finish, zone)}</p>}
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
