/*
 * Packs time intervals into the fewest non-overlapping lanes: each interval (visited in start order) takes
 * the lane that became free earliest, or a new lane. A binary min-heap of lane end times makes it
 * O(n log lanes), which matters for 100k tasks.
 */

/** Lane index per interval; `order` lists interval indices sorted by start (ties in any order). */
export function assignLanes(starts: ArrayLike<number>, ends: ArrayLike<number>, order: ArrayLike<number>): { lanes: Int32Array; laneCount: number } {
  const lanes = new Int32Array(starts.length);
  // Heap of [endTime, lane] pairs, ordered by end time then lane (lower lanes first, for a stable look).
  const heapEnd: number[] = [];
  const heapLane: number[] = [];
  let laneCount = 0;

  const less = (i: number, j: number) => heapEnd[i]! < heapEnd[j]! || (heapEnd[i] === heapEnd[j] && heapLane[i]! < heapLane[j]!);
  const swap = (i: number, j: number) => {
    [heapEnd[i], heapEnd[j]] = [heapEnd[j]!, heapEnd[i]!];
    [heapLane[i], heapLane[j]] = [heapLane[j]!, heapLane[i]!];
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heapEnd.length && less(l, m)) m = l;
      if (r < heapEnd.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };

  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const start = starts[i]!;
    const end = Math.max(ends[i]!, start);
    if (heapEnd.length > 0 && heapEnd[0]! <= start) {
      lanes[i] = heapLane[0]!;
      heapEnd[0] = end;
      down(0);
    } else {
      lanes[i] = laneCount;
      heapEnd.push(end);
      heapLane.push(laneCount);
      laneCount++;
      up(heapEnd.length - 1);
    }
  }
  return { lanes, laneCount };
}
