import { classify, REQUEST_CLASSES, type RequestClass } from './spaPages.js';

/** Latencies per request class and every answer that was not a 2xx (by status, or the network error). */
export class LoadStats {
  private readonly times = new Map<RequestClass, number[]>(REQUEST_CLASSES.map((c) => [c, []]));
  /** `404`, `503`, `timeout`, `ECONNRESET`, … → count. */
  readonly errors = new Map<string, number>();
  requests = 0;

  record(url: string, ms: number, outcome: number | string): void {
    this.requests++;
    this.times.get(classify(url))!.push(ms);
    if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) return;
    const key = String(outcome);
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  errorCount(): number {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n;
  }

  /** `0` or `3 (503×2, timeout×1)`. */
  errorText(): string {
    const n = this.errorCount();
    return n === 0 ? '0' : `${n} (${[...this.errors].map(([k, v]) => `${k}×${v}`).join(', ')})`;
  }

  /** `p50 4 ms, p99 120 ms (n=1234)` for one class. */
  latencyText(c: RequestClass): string {
    const sorted = [...this.times.get(c)!].sort((a, b) => a - b);
    if (sorted.length === 0) return 'no requests';
    return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms (n=${sorted.length})`;
  }
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
