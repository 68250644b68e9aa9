/** Spark's event-timeline colours (fill / border) for jobs, stages and executor events (spec §2.11 A). */
export const RANGE_COLORS = {
  succeeded: { fill: '#A0DFFF', stroke: '#3EC0FF' },
  failed: { fill: '#FFA1B0', stroke: '#FF4D6D' },
  running: { fill: '#A2FCC0', stroke: '#36F572' },
} as const;

export type RangeState = keyof typeof RANGE_COLORS;

export const POINT_COLORS = {
  added: { fill: '#A0DFFF', stroke: '#3EC0FF' },
  removed: { fill: '#FFA1B0', stroke: '#FF4D6D' },
} as const;

export type PointKind = keyof typeof POINT_COLORS;
