// Min-heap of timed callbacks: the simulator's clock. Entries with equal times run in insertion
// order (seq), which keeps the generated event order deterministic.

export interface HeapEntry {
  t: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class EventHeap {
  private items: HeapEntry[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(t: number, fn: () => void): HeapEntry {
    const e: HeapEntry = { t, seq: this.seq++, fn, cancelled: false };
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
    return e;
  }

  /** Earliest live entry's time, or Infinity. Drops cancelled entries on the way. */
  peekTime(): number {
    while (this.items.length > 0 && this.items[0]!.cancelled) this.popRaw();
    return this.items.length > 0 ? this.items[0]!.t : Infinity;
  }

  pop(): HeapEntry | undefined {
    while (this.items.length > 0) {
      const e = this.popRaw();
      if (!e.cancelled) return e;
    }
    return undefined;
  }

  clear(): void {
    this.items = [];
  }

  private popRaw(): HeapEntry {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l]!, a[m]!)) m = l;
        if (r < a.length && less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function less(a: HeapEntry, b: HeapEntry): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}
