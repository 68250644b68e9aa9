/**
 * Stacks point markers (executor added/removed) into a few sub-rows so that markers close in time do not
 * cover each other: executors often start within the same second, and a short-lived executor's "removed"
 * would otherwise sit on its own "added". Placement is per frame, in pixels, so zooming in spreads them out
 * again. When more markers collide than there are rows, the extra one is nudged right of the least crowded
 * row's last marker: slightly off its time (its tooltip keeps the exact time) but never hidden.
 */
export interface PlacedMarker {
  /** Index into the caller's point list. */
  index: number;
  /** Where it is drawn (its own time's x unless nudged). */
  x: number;
  row: number;
}

/**
 * `xs` in pixels, `order` the indices sorted by x; a marker needs `minGap` px from the previous one in its row.
 */
export function placeMarkers(xs: readonly number[], order: readonly number[], rows: number, minGap: number): PlacedMarker[] {
  const lastX = new Array<number>(rows).fill(-Infinity);
  const placed: PlacedMarker[] = [];
  for (const index of order) {
    let x = xs[index]!;
    let row = lastX.findIndex((last) => x - last >= minGap);
    if (row < 0) {
      // Every row is taken here: nudge it right of the row whose last marker is furthest left.
      row = 0;
      for (let r = 1; r < rows; r++) if (lastX[r]! < lastX[row]!) row = r;
      x = lastX[row]! + minGap;
    }
    lastX[row] = x;
    placed.push({ index, x, row });
  }
  return placed;
}
