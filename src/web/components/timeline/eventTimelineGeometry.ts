/*
 * Vertical geometry of the event timeline (CSS px), shared with the browser tests that point at its rows.
 * From the top: the time axis, the "Executors" row of stacked markers, a gap, then the lanes of bars.
 */

/** Height of the time axis above every canvas timeline's plot. */
export const AXIS_HEIGHT = 22;
/** Executor markers stack into this many sub-rows, so markers at nearly the same time stay visible. */
export const MARKER_ROWS = 3;
export const MARKER_ROW_HEIGHT = 13;
export const MARKER_HALF = 5;
/** Height of the executor row. */
export const POINT_ROW = MARKER_ROWS * MARKER_ROW_HEIGHT + 2;
/** Space between the executor row and the first lane of bars. */
export const LANES_GAP = 8;
/** Top of the first lane of bars, relative to the plot (below the axis). */
export const LANES_TOP = POINT_ROW + LANES_GAP;

/** Vertical centre of a marker sub-row, relative to the plot. */
export const markerY = (row: number): number => 1 + row * MARKER_ROW_HEIGHT + MARKER_ROW_HEIGHT / 2;

/** Width of the event timeline's label column ("Executors", "Jobs") left of the plot. */
export const EVENT_TIMELINE_GUTTER = 84;
