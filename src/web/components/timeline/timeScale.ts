import { formatTimeOfDayInZone } from '../../lib/formatDate.js';
import { zoneOffsetMillis } from '../../lib/timeZones.js';

/*
 * Pure time ↔ pixel arithmetic shared by the canvas timelines (jobs, stages, tasks): the visible window,
 * zooming around a point, panning inside the data bounds, and "nice" axis ticks.
 */

export interface TimeWindow {
  /** Epoch ms at the left edge of the plot. */
  start: number;
  /** Epoch ms at the right edge of the plot. */
  end: number;
}

/** Narrowest window one can zoom into, so the scale never degenerates. */
export const MIN_WINDOW_MS = 5;

export function timeToX(t: number, view: TimeWindow, width: number): number {
  return ((t - view.start) / (view.end - view.start)) * width;
}

export function xToTime(x: number, view: TimeWindow, width: number): number {
  return view.start + (x / width) * (view.end - view.start);
}

/** Adds a margin around the data so the first and last items do not touch the plot's edges. */
export function paddedBounds(start: number, end: number, fraction = 0.02): TimeWindow {
  const span = Math.max(end - start, MIN_WINDOW_MS * 4);
  const pad = span * fraction;
  return { start: start - pad, end: start + span + pad };
}

function clampToBounds(start: number, end: number, bounds: TimeWindow): TimeWindow {
  const span = end - start;
  const boundsSpan = bounds.end - bounds.start;
  if (span >= boundsSpan) return { ...bounds };
  if (start < bounds.start) return { start: bounds.start, end: bounds.start + span };
  if (end > bounds.end) return { start: bounds.end - span, end: bounds.end };
  return { start, end };
}

/** Zooms by `factor` (<1 zooms in) keeping the time under `anchor` in place. */
export function zoomAround(view: TimeWindow, anchor: number, factor: number, bounds: TimeWindow): TimeWindow {
  const span = Math.max(MIN_WINDOW_MS, (view.end - view.start) * factor);
  const ratio = (anchor - view.start) / (view.end - view.start);
  const start = anchor - span * ratio;
  return clampToBounds(start, start + span, bounds);
}

/** Shifts the window by `deltaMs`, staying inside the bounds. */
export function panBy(view: TimeWindow, deltaMs: number, bounds: TimeWindow): TimeWindow {
  return clampToBounds(view.start + deltaMs, view.end + deltaMs, bounds);
}

const STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Tick times at a round step so that ticks are at least `minGapPx` apart, on round wall-clock times in `zone`. */
export function axisTicks(view: TimeWindow, width: number, zone: string, minGapPx = 90): { step: number; ticks: number[] } {
  const span = view.end - view.start;
  const wanted = (span / Math.max(width, 1)) * minGapPx;
  const step = STEPS_MS.find((s) => s >= wanted) ?? Math.ceil(wanted / 86_400_000) * 86_400_000;
  // Align to the zone's wall-clock boundaries (hours, days: India's +5:30 shifts them) rather than to UTC's.
  const offset = zoneOffsetMillis(view.start, zone);
  const first = Math.ceil((view.start + offset) / step) * step - offset;
  const ticks: number[] = [];
  for (let t = first; t <= view.end && ticks.length < 500; t += step) ticks.push(t);
  return { step, ticks };
}

/** Tick label in `zone`, precise enough for the step: seconds or milliseconds only when the step needs them. */
export function tickLabel(t: number, step: number, zone: string): string {
  return formatTimeOfDayInZone(t, zone, step >= 60_000 ? 'minute' : step >= 1000 ? 'second' : 'millisecond');
}
