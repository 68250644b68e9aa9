import { assignLanes } from './laneAssignment.js';
import type { PointKind, RangeState } from './sparkTimelineColors.js';
import { paddedBounds, type TimeWindow } from './timeScale.js';

/** A job or stage: a bar from submission to completion (or now). */
export interface TimelineRange {
  key: string;
  start: number;
  end: number;
  state: RangeState;
  label: string;
}

/** An executor added or removed: a marker at one time. */
export interface TimelinePoint {
  key: string;
  time: number;
  kind: PointKind;
  label: string;
}

export interface EventTimelineLayout<R extends TimelineRange, P extends TimelinePoint> {
  ranges: R[];
  points: P[];
  /** Lane of each range (same order as `ranges`). */
  laneOf: Int32Array;
  laneCount: number;
  /** Per lane, range indices sorted by start (for binary-search hit tests). */
  lanes: number[][];
  bounds: TimeWindow;
}

/** Packs overlapping ranges into lanes and computes the time extent of everything. */
export function layoutEventTimeline<R extends TimelineRange, P extends TimelinePoint>(ranges: R[], points: P[]): EventTimelineLayout<R, P> {
  const starts = ranges.map((r) => r.start);
  const ends = ranges.map((r) => Math.max(r.end, r.start));
  const order = ranges.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]!);
  const { lanes: laneOf, laneCount } = assignLanes(starts, ends, order);
  const lanes: number[][] = Array.from({ length: laneCount }, () => []);
  for (const i of order) lanes[laneOf[i]!]!.push(i);

  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < ranges.length; i++) {
    min = Math.min(min, starts[i]!);
    max = Math.max(max, ends[i]!);
  }
  for (const p of points) {
    min = Math.min(min, p.time);
    max = Math.max(max, p.time);
  }
  if (!Number.isFinite(min)) {
    const now = Date.now();
    min = now - 1000;
    max = now;
  }
  return { ranges, points, laneOf, laneCount, lanes, bounds: paddedBounds(min, max) };
}

/** The range in `lane` covering time `t` (with `slackMs` tolerance for hair-thin bars), if any. */
export function rangeAt<R extends TimelineRange>(layout: EventTimelineLayout<R, TimelinePoint>, lane: number, t: number, slackMs: number): number | undefined {
  const list = layout.lanes[lane];
  if (list === undefined || list.length === 0) return undefined;
  // Last range starting at or before t + slack.
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (layout.ranges[list[mid]!]!.start <= t + slackMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Ranges in one lane never overlap, so only the found one and its predecessor can contain t.
  for (let k = found; k >= Math.max(0, found - 1); k--) {
    const r = layout.ranges[list[k]!]!;
    if (r.start - slackMs <= t && Math.max(r.end, r.start) + slackMs >= t) return list[k];
  }
  return undefined;
}
