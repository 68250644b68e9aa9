import { PHASE_COUNT, TASK_PHASES } from './taskPhases.js';
import { firstTaskEndingAfter, type TaskTimelineLayout } from './taskTimelineLayout.js';

/*
 * Draws the task bars of a timeline layout. Cost is bounded by pixels, not tasks: bars narrower than a pixel
 * collapse to one pixel per row in their dominant colour (and several of them on the same pixel draw once),
 * bars too narrow to show their phases legibly are one rectangle in their dominant colour, phase segments
 * that round to zero width are skipped, touching rectangles of one colour in a row merge, and all
 * rectangles of one colour go into one path that is filled once — seven fills per frame however many tasks.
 */

/** Below this width a bar is drawn in its dominant phase colour only (its phases would be 1 px slivers). */
export const MIN_PHASED_BAR_PX = 5;

/** The canvas calls the renderer uses (a CanvasRenderingContext2D satisfies it; the benchmark records it). */
export interface RectCanvas {
  fillStyle: unknown;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
}

export interface TaskTimelineViewport {
  /** Visible time window (epoch ms). */
  viewStart: number;
  viewEnd: number;
  /** Plot width in CSS px. */
  width: number;
  rowHeight: number;
  /** Vertical padding inside a row, so adjacent rows stay apart. */
  rowPadding: number;
  /** Rows to draw (inclusive range), e.g. the vertically visible ones. */
  firstRow?: number;
  lastRow?: number;
}

export interface DrawStats {
  rects: number;
  fills: number;
  tasksVisible: number;
}

/** Reused across frames so panning does not allocate. Grows on demand. */
let buffers: Float32Array[] = [];

function ensureCapacity(k: number, needed: number): Float32Array {
  let b = buffers[k];
  if (b === undefined || b.length < needed) {
    b = new Float32Array(Math.max(needed, (b?.length ?? 0) * 2, 1024));
    buffers[k] = b;
  }
  return b;
}

export function drawTaskTimeline(ctx: RectCanvas, layout: TaskTimelineLayout, vp: TaskTimelineViewport): DrawStats {
  const { viewStart, viewEnd, width, rowHeight, rowPadding } = vp;
  const pxPerMs = width / Math.max(viewEnd - viewStart, 1e-9);
  const firstRow = Math.max(0, vp.firstRow ?? 0);
  const lastRow = Math.min(layout.rowCount - 1, vp.lastRow ?? layout.rowCount - 1);
  const counts = new Int32Array(PHASE_COUNT);
  const h = Math.max(1, rowHeight - 2 * rowPadding);
  let tasksVisible = 0;
  // Each rect takes 3 floats (x, w, y); capacity for the worst case of this frame is checked per push.
  for (let k = 0; k < PHASE_COUNT; k++) ensureCapacity(k, 3 * 1024);

  // Last rectangle pushed per colour, to extend it when the next one of that colour touches it in the same row.
  const lastEnd = new Float64Array(PHASE_COUNT).fill(NaN);
  const lastY = new Float64Array(PHASE_COUNT).fill(NaN);
  const push = (k: number, x: number, w: number, y: number) => {
    const c = counts[k]!;
    if (c > 0 && lastY[k] === y && lastEnd[k] === x) {
      buffers[k]![(c - 1) * 3 + 1]! += w;
      lastEnd[k] = x + w;
      return;
    }
    lastEnd[k] = x + w;
    lastY[k] = y;
    const b = buffers[k]!.length < (c + 1) * 3 ? ensureCapacity(k, (c + 1) * 3) : buffers[k]!;
    b[c * 3] = x;
    b[c * 3 + 1] = w;
    b[c * 3 + 2] = y;
    counts[k] = c + 1;
  };

  for (let row = firstRow; row <= lastRow; row++) {
    const y = row * rowHeight + rowPadding;
    const endIdx = layout.rowStart[row + 1]!;
    let lastPixel = -Infinity;
    for (let i = firstTaskEndingAfter(layout, row, viewStart); i < endIdx; i++) {
      const s = layout.taskStart[i]!;
      if (s > viewEnd) break;
      tasksVisible++;
      const x0 = (s - viewStart) * pxPerMs;
      const x1 = (layout.taskEnd[i]! - viewStart) * pxPerMs;
      const a = Math.round(x0);
      const b = Math.round(x1);
      if (b - a < 1) {
        // Sub-pixel task: one pixel, once per pixel column of this row.
        const px = Math.floor(x0);
        if (px <= lastPixel) continue;
        push(layout.dominant[i]!, px, 1, y);
        lastPixel = px;
        continue;
      }
      const span = x1 - x0;
      // Never repaint a pixel column an earlier task of this row already took.
      let prev = Math.max(a, lastPixel + 1, -1);
      if (prev >= b) continue;
      if (b - a < MIN_PHASED_BAR_PX) {
        push(layout.dominant[i]!, prev, Math.min(b, width + 1) - prev, y);
        lastPixel = b - 1;
        continue;
      }
      const base = i * PHASE_COUNT;
      for (let k = 0; k < PHASE_COUNT; k++) {
        const e = Math.min(Math.round(x0 + layout.phaseEnds[base + k]! * span), width + 1);
        if (e > prev) {
          push(k, prev, e - prev, y);
          prev = e;
        }
        if (prev >= width + 1) break;
      }
      lastPixel = b - 1;
    }
  }

  let rects = 0;
  let fills = 0;
  for (let k = 0; k < PHASE_COUNT; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    const b = buffers[k]!;
    ctx.fillStyle = TASK_PHASES[k]!.fill;
    ctx.beginPath();
    for (let j = 0; j < c; j++) ctx.rect(b[j * 3]!, b[j * 3 + 2]!, b[j * 3 + 1]!, h);
    ctx.fill();
    rects += c;
    fills++;
  }
  return { rects, fills, tasksVisible };
}

/** Releases the reusable buffers (e.g. when leaving a huge stage). */
export function releaseDrawBuffers(): void {
  buffers = [];
}
