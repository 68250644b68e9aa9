import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { zoneShortName } from '../../lib/timeZones.js';
import { useDisplayTimeZone } from '../timeZone/timeZoneContext.js';
import { AXIS_HEIGHT } from './eventTimelineGeometry.js';
import { DARK_CANVAS_THEME, LIGHT_CANVAS_THEME, type CanvasTheme } from './canvasTheme.js';
import { axisTicks, panBy, tickLabel, timeToX, xToTime, zoomAround, type TimeWindow } from './timeScale.js';
import { useDarkMode } from './useDarkMode.js';

/** What a renderer gets for one frame. Coordinates are CSS pixels relative to the plot's top-left corner. */
export interface TimelineFrame {
  view: TimeWindow;
  /** Plot width (canvas width minus the label gutter). */
  width: number;
  /** Plot height (below the axis). */
  height: number;
  theme: CanvasTheme;
}

export interface HitBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CanvasTimelineProps<H> {
  /** The full extent of the data; zooming and panning stay inside it. */
  bounds: TimeWindow;
  /** Height of the plot area (CSS px), e.g. lanes × row height. */
  contentHeight: number;
  /** Width of the left label column (CSS px). */
  gutter: number;
  /** Taller content scrolls vertically inside this height. */
  maxHeight?: number;
  /** Draws the data; the context is translated to the plot origin and clipped to the plot. Returns a count for `data-drawn`. */
  draw: (ctx: CanvasRenderingContext2D, frame: TimelineFrame) => number | void;
  /** Draws lane labels; the context is translated so x=0 is the gutter's left edge, y=0 the plot top. */
  drawGutter?: (ctx: CanvasRenderingContext2D, frame: TimelineFrame) => void;
  /** The item under a plot point, if any. */
  hitTest?: (x: number, y: number, frame: TimelineFrame) => H | undefined;
  /** Outline of the hovered item, drawn on an overlay canvas so hovering never redraws the data. */
  hitBox?: (hit: H, frame: TimelineFrame) => HitBox | undefined;
  tooltip?: (hit: H) => ReactNode;
  /** Click (or Enter while hovering) on an item. */
  onActivate?: (hit: H) => void;
  onHover?: (hit: H | undefined) => void;
  /** Accessible summary of what the picture shows. */
  label: string;
  testId?: string;
  legend?: ReactNode;
}

const ZOOM_STEP = 1.25;

/**
 * A zoomable canvas timeline: an axis, a label gutter and a plot that a renderer fills. Once the user ticks
 * Spark's "Enable zooming" the wheel zooms around the pointer (before that it scrolls the page, as in Spark);
 * drag pans, the keyboard does both (+ − ← → 0), and a reset button restores the full view.
 * The view lives in a ref and redraws go through requestAnimationFrame, so zooming never re-renders React.
 */
export function CanvasTimeline<H>(props: CanvasTimelineProps<H>) {
  const { bounds, contentHeight, gutter } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<TimeWindow>(bounds);
  const frameRequest = useRef(0);
  const [width, setWidth] = useState(0);
  const [zoomed, setZoomed] = useState(false);
  const [wheelZoom, setWheelZoom] = useState(false);
  const [hover, setHover] = useState<{ hit: H; x: number; y: number } | undefined>();
  const [drawn, setDrawn] = useState(0);
  const dark = useDarkMode();
  const { zone } = useDisplayTimeZone();
  const theme = dark ? DARK_CANVAS_THEME : LIGHT_CANVAS_THEME;
  const height = AXIS_HEIGHT + contentHeight;
  const plotWidth = Math.max(0, width - gutter);

  // Keep the latest callbacks in a ref, so the draw loop does not restart when a parent re-renders.
  const propsRef = useRef(props);
  propsRef.current = props;

  const frame = useCallback(
    (): TimelineFrame => ({ view: viewRef.current, width: plotWidth, height: contentHeight, theme }),
    [plotWidth, contentHeight, theme],
  );

  const paint = useCallback(() => {
    frameRequest.current = 0;
    const canvas = canvasRef.current;
    if (canvas === null || plotWidth <= 0) return;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    const dpr = window.devicePixelRatio || 1;
    const f = frame();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);

    // Axis and vertical grid lines.
    const { step, ticks } = axisTicks(f.view, plotWidth, zone);
    ctx.font = '11px ui-sans-serif, system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.strokeStyle = theme.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const t of ticks) {
      const x = Math.round(gutter + timeToX(t, f.view, plotWidth)) + 0.5;
      ctx.moveTo(x, AXIS_HEIGHT - 4);
      ctx.lineTo(x, height);
    }
    ctx.stroke();
    ctx.fillStyle = theme.mutedText;
    for (const t of ticks) {
      const x = gutter + timeToX(t, f.view, plotWidth);
      const text = tickLabel(t, step, zone);
      const w = ctx.measureText(text).width;
      if (x - w / 2 >= gutter - 2 && x + w / 2 <= width) ctx.fillText(text, x - w / 2, AXIS_HEIGHT / 2);
    }

    const p = propsRef.current;
    if (p.drawGutter !== undefined) {
      ctx.save();
      ctx.translate(0, AXIS_HEIGHT);
      ctx.beginPath();
      ctx.rect(0, 0, gutter - 4, contentHeight);
      ctx.clip();
      p.drawGutter(ctx, f);
      ctx.restore();
    }
    ctx.save();
    ctx.translate(gutter, AXIS_HEIGHT);
    ctx.beginPath();
    ctx.rect(0, 0, plotWidth, contentHeight);
    ctx.clip();
    const count = p.draw(ctx, f);
    ctx.restore();
    if (typeof count === 'number') setDrawn(count);
  }, [frame, gutter, height, width, plotWidth, contentHeight, theme, zone]);

  // The frame callback always runs the newest paint (sizes and theme may change between request and frame).
  const paintRef = useRef(paint);
  paintRef.current = paint;
  const requestPaint = useCallback(() => {
    if (frameRequest.current === 0) frameRequest.current = requestAnimationFrame(() => paintRef.current());
  }, []);

  // Size the canvases to the container width (and the device pixel ratio, for crisp lines).
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const dpr = window.devicePixelRatio || 1;
    for (const c of [canvasRef.current, overlayRef.current]) {
      if (c === null) continue;
      c.width = Math.max(1, Math.floor(width * dpr));
      c.height = Math.max(1, Math.floor(height * dpr));
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    requestPaint();
  }, [width, height, requestPaint]);

  // New data (bounds) resets the view; any other prop change just repaints.
  useEffect(() => {
    viewRef.current = bounds;
    setZoomed(false);
    requestPaint();
  }, [bounds.start, bounds.end]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    requestPaint();
  });
  useEffect(
    () => () => {
      // Reset the handle too: StrictMode re-runs effects, and a stale handle would block every later paint.
      cancelAnimationFrame(frameRequest.current);
      frameRequest.current = 0;
    },
    [],
  );

  const setView = useCallback(
    (next: TimeWindow) => {
      viewRef.current = next;
      setZoomed(next.start !== bounds.start || next.end !== bounds.end);
      setHover(undefined);
      requestPaint();
    },
    [bounds, requestPaint],
  );

  // Wheel zoom needs a non-passive listener to keep the page from scrolling; without it the wheel scrolls.
  useEffect(() => {
    const canvas = overlayRef.current;
    if (canvas === null || !wheelZoom) return;
    const onWheel = (e: WheelEvent) => {
      const rect = canvas.getBoundingClientRect();
      const x = e.clientX - rect.left - gutter;
      if (x < 0 || plotWidth <= 0) return;
      e.preventDefault();
      const anchor = xToTime(x, viewRef.current, plotWidth);
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      setView(zoomAround(viewRef.current, anchor, Math.exp(delta * 0.0015), bounds));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [gutter, plotWidth, bounds, setView, wheelZoom]);

  // Hover outline on the overlay canvas.
  useEffect(() => {
    const overlay = overlayRef.current;
    const ctx = overlay?.getContext('2d');
    if (overlay === null || overlay === undefined || ctx === null || ctx === undefined) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (hover === undefined) return;
    const box = propsRef.current.hitBox?.(hover.hit, frame());
    if (box === undefined) return;
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(gutter + box.x - 1, AXIS_HEIGHT + box.y - 1, box.w + 2, box.h + 2);
  }, [hover, width, height, gutter, theme, frame]);

  const drag = useRef<{ x: number; view: TimeWindow; moved: boolean } | undefined>(undefined);

  function locate(clientX: number, clientY: number) {
    const rect = overlayRef.current!.getBoundingClientRect();
    return { x: clientX - rect.left - gutter, y: clientY - rect.top - AXIS_HEIGHT, px: clientX - rect.left, py: clientY - rect.top };
  }

  function updateHover(clientX: number, clientY: number) {
    const { x, y, px, py } = locate(clientX, clientY);
    const hit = x >= 0 && y >= 0 && x <= plotWidth ? propsRef.current.hitTest?.(x, y, frame()) : undefined;
    setHover((old) => {
      if (hit === undefined) return undefined;
      return old !== undefined && old.hit === hit && Math.abs(old.x - px) < 2 && Math.abs(old.y - py) < 2 ? old : { hit, x: px, y: py };
    });
    propsRef.current.onHover?.(hit);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const view = viewRef.current;
    const mid = (view.start + view.end) / 2;
    const span = view.end - view.start;
    if (e.key === '+' || e.key === '=') setView(zoomAround(view, mid, 1 / ZOOM_STEP, bounds));
    else if (e.key === '-' || e.key === '_') setView(zoomAround(view, mid, ZOOM_STEP, bounds));
    else if (e.key === 'ArrowLeft') setView(panBy(view, -span * 0.1, bounds));
    else if (e.key === 'ArrowRight') setView(panBy(view, span * 0.1, bounds));
    else if (e.key === '0') setView(bounds);
    else if (e.key === 'Enter' && hover !== undefined) propsRef.current.onActivate?.(hover.hit);
    else return;
    e.preventDefault();
  }

  const tooltipContent = hover !== undefined ? props.tooltip?.(hover.hit) : undefined;
  const scrolls = props.maxHeight !== undefined && height > props.maxHeight;

  return (
    <div data-testid={props.testId} data-drawn={drawn} data-zoomed={zoomed}>
      <div className="mb-1 flex flex-wrap items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
        {props.legend}
        <span data-testid="timeline-time-zone">
          Times in {zoneShortName(bounds.start, zone)} ({zone})
        </span>
        <label className="ml-auto inline-flex items-center gap-1">
          <input type="checkbox" checked={wheelZoom} onChange={(e) => setWheelZoom(e.target.checked)} data-testid="timeline-enable-zoom" />
          Enable zooming
        </label>
        <span>{wheelZoom ? 'Wheel or +/− to zoom' : '+/− to zoom'}, drag or ←/→ to pan</span>
        <button type="button" className="btn" disabled={!zoomed} onClick={() => setView(bounds)} data-testid="timeline-reset">
          Reset zoom
        </button>
      </div>
      <div
        ref={containerRef}
        className="relative rounded border border-slate-200 outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-700"
        style={scrolls ? { maxHeight: props.maxHeight, overflowY: 'auto' } : undefined}
        tabIndex={0}
        role="img"
        aria-label={props.label}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvasRef} className="block" />
        <canvas
          ref={overlayRef}
          className="absolute left-0 top-0 block touch-none"
          style={{ cursor: drag.current !== undefined ? 'grabbing' : hover !== undefined && props.onActivate !== undefined ? 'pointer' : 'default' }}
          onPointerDown={(e) => {
            drag.current = { x: e.clientX, view: viewRef.current, moved: false };
            e.currentTarget.setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (d !== undefined && (e.buttons & 1) === 1) {
              const dx = e.clientX - d.x;
              if (Math.abs(dx) > 3) d.moved = true;
              if (d.moved && plotWidth > 0) setView(panBy(d.view, (-dx / plotWidth) * (d.view.end - d.view.start), bounds));
              return;
            }
            updateHover(e.clientX, e.clientY);
          }}
          onPointerUp={(e) => {
            const d = drag.current;
            drag.current = undefined;
            if (d !== undefined && !d.moved) {
              const { x, y } = locate(e.clientX, e.clientY);
              const hit = x >= 0 && y >= 0 ? propsRef.current.hitTest?.(x, y, frame()) : undefined;
              if (hit !== undefined) propsRef.current.onActivate?.(hit);
            }
          }}
          onPointerLeave={() => {
            if (drag.current === undefined) {
              setHover(undefined);
              propsRef.current.onHover?.(undefined);
            }
          }}
        />
        {hover !== undefined && tooltipContent !== undefined && (
          <div
            role="tooltip"
            data-testid="timeline-tooltip"
            className="pointer-events-none absolute z-20 max-w-sm rounded border border-slate-300 bg-white px-2 py-1 text-xs shadow-lg dark:border-slate-600 dark:bg-slate-900"
            style={{
              left: hover.x + 14 + 260 > width ? undefined : hover.x + 14,
              right: hover.x + 14 + 260 > width ? width - hover.x + 14 : undefined,
              top: hover.y + 14,
            }}
          >
            {tooltipContent}
          </div>
        )}
      </div>
    </div>
  );
}
