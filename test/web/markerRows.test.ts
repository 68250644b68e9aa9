import { describe, expect, it } from 'vitest';
import { placeMarkers } from '../../src/web/components/timeline/markerRows.js';

const order = (xs: number[]) => xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);

describe('placeMarkers', () => {
  it('keeps markers that are far apart on the first row', () => {
    const xs = [0, 20, 40];
    expect(placeMarkers(xs, order(xs), 3, 12).map((p) => p.row)).toEqual([0, 0, 0]);
  });

  it('stacks markers at the same moment into separate rows, so none hides another', () => {
    // Four executors added at once and one removed a pixel later.
    const xs = [100, 100, 100, 101, 300];
    const placed = placeMarkers(xs, order(xs), 4, 12);
    const rows = new Map(placed.map((p) => [p.index, p.row]));
    expect(new Set([0, 1, 2, 3].map((i) => rows.get(i))).size).toBe(4);
    expect(rows.get(4)).toBe(0);
  });

  it('nudges a marker right of the least crowded row when more collide than there are rows', () => {
    const xs = [10, 10, 10, 30];
    const placed = placeMarkers(xs, order(xs), 2, 12);
    expect(placed.map((p) => [p.row, p.x])).toEqual([
      [0, 10],
      [1, 10],
      [0, 22],
      [1, 30],
    ]);
  });

  it('never draws two markers of one row closer than the gap', () => {
    const xs = Array.from({ length: 40 }, (_, i) => Math.floor(i / 10) * 3);
    const placed = placeMarkers(xs, order(xs), 3, 12);
    for (let r = 0; r < 3; r++) {
      const row = placed.filter((p) => p.row === r).map((p) => p.x);
      for (let i = 1; i < row.length; i++) expect(row[i]! - row[i - 1]!).toBeGreaterThanOrEqual(12);
    }
  });
});
