import { useMemo, useRef, type ReactNode } from 'react';
import { EmptyState } from '../EmptyState.js';
import { CanvasTimeline, type HitBox, type TimelineFrame } from './CanvasTimeline.js';
import { EVENT_TIMELINE_GUTTER, LANES_TOP, MARKER_HALF, MARKER_ROW_HEIGHT, MARKER_ROWS, markerY, POINT_ROW } from './eventTimelineGeometry.js';
import { placeMarkers } from './markerRows.js';
import { layoutEventTimeline, rangeAt, type TimelinePoint, type TimelineRange } from './eventTimelineLayout.js';
import { POINT_COLORS, RANGE_COLORS, type PointKind, type RangeState } from './sparkTimelineColors.js';
import { timeToX } from './timeScale.js';

type Hit<R, P> = { kind: 'range'; item: R; index: number } | { kind: 'point'; item: P; index: number };

const MARKER_GAP = 2 * MARKER_HALF + 2;
/** Lane height when few lanes; many concurrent bars shrink lanes (down to 3 px) instead of growing the canvas. */
const LANE_MAX = 20;
const LANES_HEIGHT_BUDGET = 420;
const LABEL_COLOR = '#0f172a';

/**
 * Spark's event timeline (Jobs and Job pages): an "Executors" row with added/removed markers and a row
 * group of bars (jobs or stages) packed into lanes, in Spark's colours. Drawn on canvas with one fill per
 * colour, so thousands of bars stay smooth; labels only where a bar is wide enough to hold them.
 */
export function EventTimeline<R extends TimelineRange, P extends TimelinePoint>({
  ranges,
  points,
  rangeGroupLabel,
  rangeTooltip,
  pointTooltip,
  onActivateRange,
  onHoverRange,
  label,
  testId,
  legend,
}: {
  ranges: R[];
  points: P[];
  rangeGroupLabel: string;
  rangeTooltip: (r: R) => ReactNode;
  pointTooltip: (p: P) => ReactNode;
  onActivateRange?: (r: R) => void;
  onHoverRange?: (r: R | undefined) => void;
  label: string;
  testId?: string;
  legend?: ReactNode;
}) {
  const layout = useMemo(() => layoutEventTimeline(ranges, points), [ranges, points]);
  const rangesTop = LANES_TOP;
  const laneHeight = Math.max(3, Math.min(LANE_MAX, Math.floor(LANES_HEIGHT_BUDGET / Math.max(1, layout.laneCount))));
  const barInset = laneHeight >= 10 ? 2 : 0;
  const contentHeight = rangesTop + Math.max(1, layout.laneCount) * laneHeight + 4;
  // Points sorted by time: markers are stacked in this order, the same way for drawing and hit tests.
  const pointOrder = useMemo(() => points.map((_, i) => i).sort((a, b) => points[a]!.time - points[b]!.time), [points]);
  const markersRef = useRef<HTMLDivElement>(null);
  const placeAll = (f: TimelineFrame) =>
    placeMarkers(
      points.map((p) => timeToX(p.time, f.view, f.width)),
      pointOrder,
      MARKER_ROWS,
      MARKER_GAP,
    );

  function draw(ctx: CanvasRenderingContext2D, f: TimelineFrame): number {
    const { view, width } = f;
    ctx.fillStyle = f.theme.laneStripe;
    ctx.fillRect(0, 0, width, POINT_ROW);
    ctx.fillRect(0, rangesTop, width, layout.laneCount * laneHeight);

    // Bars, batched per state: one path per colour for fills and one for borders.
    let drawnCount = 0;
    const labels: { x: number; y: number; w: number; text: string }[] = [];
    for (const state of Object.keys(RANGE_COLORS) as RangeState[]) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < layout.ranges.length; i++) {
        const r = layout.ranges[i]!;
        if (r.state !== state) continue;
        const x0 = timeToX(r.start, view, width);
        const x1 = timeToX(Math.max(r.end, r.start), view, width);
        if (x1 < 0 || x0 > width) continue;
        const x = Math.max(-1, x0);
        const w = Math.max(1, Math.min(width + 1, x1) - x);
        const y = rangesTop + layout.laneOf[i]! * laneHeight + barInset;
        ctx.rect(Math.round(x) + 0.5, y + 0.5, Math.max(1, Math.round(w) - 1), Math.max(1, laneHeight - 2 * barInset - 1));
        any = true;
        drawnCount++;
        if (w > 50 && laneHeight >= 14) labels.push({ x: x + 4, y: y + (laneHeight - 4) / 2, w: w - 8, text: r.label });
      }
      if (!any) continue;
      ctx.fillStyle = RANGE_COLORS[state].fill;
      ctx.fill();
      // Borders only where bars are tall enough for them to read as borders.
      if (laneHeight >= 8) {
        ctx.strokeStyle = RANGE_COLORS[state].stroke;
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    }
    ctx.font = '11px ui-sans-serif, system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = LABEL_COLOR;
    for (const l of labels) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(l.x, l.y - laneHeight / 2, l.w, laneHeight);
      ctx.clip();
      ctx.fillText(l.text, l.x, l.y + 0.5);
      ctx.restore();
    }

    // Executor markers: small diamonds, stacked where they would overlap, one path per kind.
    const placed = placeAll(f);
    // Where each marker landed, for the browser tests (which cannot see into the canvas).
    markersRef.current?.setAttribute('data-markers', JSON.stringify(placed.map((p) => ({ key: points[p.index]!.key, x: Math.round(p.x), y: markerY(p.row) }))));
    for (const kind of Object.keys(POINT_COLORS) as PointKind[]) {
      ctx.beginPath();
      let any = false;
      for (const { index, x, row } of placed) {
        if (points[index]!.kind !== kind || x < -6 || x > width + 6) continue;
        const cy = markerY(row);
        ctx.moveTo(x, cy - MARKER_HALF);
        ctx.lineTo(x + MARKER_HALF, cy);
        ctx.lineTo(x, cy + MARKER_HALF);
        ctx.lineTo(x - MARKER_HALF, cy);
        ctx.lineTo(x, cy - MARKER_HALF);
        any = true;
        drawnCount++;
      }
      if (!any) continue;
      ctx.fillStyle = POINT_COLORS[kind].fill;
      ctx.fill();
      ctx.strokeStyle = POINT_COLORS[kind].stroke;
      ctx.stroke();
    }
    return drawnCount;
  }

  function drawGutter(ctx: CanvasRenderingContext2D, f: TimelineFrame) {
    ctx.font = '600 11px ui-sans-serif, system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = f.theme.text;
    ctx.fillText('Executors', 6, POINT_ROW / 2);
    ctx.fillText(rangeGroupLabel, 6, rangesTop + Math.min(layout.laneCount * laneHeight, 200) / 2);
  }

  function hitTest(x: number, y: number, f: TimelineFrame): Hit<R, P> | undefined {
    const msPerPx = (f.view.end - f.view.start) / f.width;
    const t = f.view.start + x * msPerPx;
    if (y < POINT_ROW) {
      let best: number | undefined;
      let bestDist = MARKER_HALF + 2;
      // Markers are few (at most 250) compared with bars; a linear scan is fine.
      for (const { index, x: mx, row } of placeAll(f)) {
        if (Math.abs(markerY(row) - y) > MARKER_ROW_HEIGHT / 2) continue;
        const d = Math.abs(mx - x);
        if (d < bestDist) {
          bestDist = d;
          best = index;
        }
      }
      return best === undefined ? undefined : { kind: 'point', item: points[best]!, index: best };
    }
    const lane = Math.floor((y - rangesTop) / laneHeight);
    if (lane < 0 || lane >= layout.laneCount) return undefined;
    const index = rangeAt(layout, lane, t, msPerPx * 2);
    return index === undefined ? undefined : { kind: 'range', item: layout.ranges[index]!, index };
  }

  function hitBox(hit: Hit<R, P>, f: TimelineFrame): HitBox | undefined {
    if (hit.kind === 'point') {
      const at = placeAll(f).find((p) => p.index === hit.index);
      if (at === undefined) return undefined;
      return { x: at.x - MARKER_HALF - 1, y: markerY(at.row) - MARKER_HALF - 1, w: 2 * MARKER_HALF + 2, h: 2 * MARKER_HALF + 2 };
    }
    const x0 = timeToX(hit.item.start, f.view, f.width);
    const x1 = timeToX(Math.max(hit.item.end, hit.item.start), f.view, f.width);
    return { x: x0, y: rangesTop + layout.laneOf[hit.index]! * laneHeight + barInset, w: Math.max(1, x1 - x0), h: Math.max(1, laneHeight - 2 * barInset) };
  }

  if (ranges.length === 0 && points.length === 0) {
    return (
      <div data-testid={testId} data-drawn={0}>
        <EmptyState title="Nothing to draw">No {rangeGroupLabel.toLowerCase()} with a submission time and no executor events were recorded.</EmptyState>
      </div>
    );
  }

  return (
    <div ref={markersRef} data-testid={testId === undefined ? undefined : `${testId}-markers`}>
      <CanvasTimeline<Hit<R, P>>
        bounds={layout.bounds}
        contentHeight={contentHeight}
        gutter={EVENT_TIMELINE_GUTTER}
        maxHeight={460}
        draw={draw}
        drawGutter={drawGutter}
        hitTest={hitTest}
        hitBox={hitBox}
        tooltip={(h) => (h.kind === 'range' ? rangeTooltip(h.item) : pointTooltip(h.item))}
        onActivate={(h) => {
          if (h.kind === 'range') onActivateRange?.(h.item);
        }}
        onHover={(h) => onHoverRange?.(h?.kind === 'range' ? h.item : undefined)}
        label={label}
        testId={testId}
        legend={legend}
      />
    </div>
  );
}

/** Legend swatches in Spark's colours. */
export function TimelineLegend({ items }: { items: { label: string; fill: string; stroke: string; shape?: 'bar' | 'diamond' }[] }) {
  return (
    <span className="flex flex-wrap items-center gap-3">
      {items.map((i) => (
        <span key={i.label} className="inline-flex items-center gap-1">
          <span
            aria-hidden="true"
            className={i.shape === 'diamond' ? 'inline-block h-2.5 w-2.5 rotate-45' : 'inline-block h-3 w-5 rounded-sm'}
            style={{ background: i.fill, border: `1px solid ${i.stroke}` }}
          />
          {i.label}
        </span>
      ))}
    </span>
  );
}
