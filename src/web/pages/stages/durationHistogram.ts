/*
 * Bins of the stage's task-time histogram. Bin widths are "nice" (1, 2 or 5 × 10^k ms) so every bin edge
 * prints distinctly at the precision the width needs, and bins far above the bulk (Tukey's far-out fence,
 * Q3 + 3 × IQR) are marked as outliers so a skewed straggler is drawn and named, not lost in the scale.
 */

export interface DurationBin {
  /** Lower edge of the bin, ms (inclusive). */
  from: number;
  /** Upper edge, ms (exclusive). */
  to: number;
  count: number;
  /** Distinct label of the bin's lower edge. */
  label: string;
  outlier: boolean;
}

export interface DurationHistogram {
  bins: DurationBin[];
  /** Tasks at or above the outlier fence, and that fence (ms); 0 and undefined when there are none. */
  outlierTasks: number;
  outlierFrom: number | undefined;
}

function niceWidth(raw: number): number {
  if (raw <= 1) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** An edge in the unit the bin width calls for, with enough decimals that edges `width` apart never collide. */
export function edgeLabel(ms: number, width: number): string {
  if (width < 1000) return `${ms} ms`;
  if (width < 60_000) return `${(ms / 1000).toFixed(width % 1000 === 0 ? 0 : 1)} s`;
  if (width < 3_600_000) return `${(ms / 60_000).toFixed(width % 60_000 === 0 ? 0 : width % 6000 === 0 ? 1 : 2)} min`;
  return `${(ms / 3_600_000).toFixed(width % 3_600_000 === 0 ? 0 : 2)} h`;
}

function quantile(sorted: ArrayLike<number>, q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export function durationHistogram(durations: readonly number[], targetBins = 30): DurationHistogram {
  if (durations.length === 0) return { bins: [], outlierTasks: 0, outlierFrom: undefined };
  const sorted = Float64Array.from(durations).sort();
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const width = niceWidth((max - min + 1) / targetBins);
  const start = Math.floor(min / width) * width;
  const count = Math.floor((max - start) / width) + 1;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const fence = q3 + 3 * (q3 - q1);
  const bins: DurationBin[] = Array.from({ length: count }, (_, i) => {
    const from = start + i * width;
    return { from, to: from + width, count: 0, label: edgeLabel(from, width), outlier: from > fence };
  });
  let outlierTasks = 0;
  let outlierFrom: number | undefined;
  for (const d of sorted) {
    const bin = bins[Math.min(count - 1, Math.floor((d - start) / width))]!;
    bin.count++;
    if (bin.outlier) {
      outlierTasks++;
      outlierFrom ??= bin.from;
    }
  }
  return { bins, outlierTasks, outlierFrom };
}
