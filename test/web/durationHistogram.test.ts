import { describe, expect, it } from 'vitest';
import { durationHistogram, edgeLabel } from '../../src/web/pages/stages/durationHistogram.js';

describe('task duration histogram', () => {
  it('counts every task once, in bins with distinct labels', () => {
    const durations = Array.from({ length: 1000 }, (_, i) => 1000 + (i % 97) * 13);
    const h = durationHistogram(durations);
    expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
    const labels = h.bins.map((b) => b.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const b of h.bins) expect(b.to - b.from).toBe(h.bins[0]!.to - h.bins[0]!.from);
  });

  it('keeps labels distinct where rounding to Spark\'s display precision would merge them', () => {
    // 1.0–1.3 s: Spark's formatDuration prints every edge as "1 s"; the histogram prints tenths.
    const h = durationHistogram(Array.from({ length: 300 }, (_, i) => 1000 + i), 3);
    expect(h.bins.map((b) => b.label)).toEqual(['1000 ms', '1100 ms', '1200 ms']);
    expect(edgeLabel(1500, 500)).toBe('1500 ms');
    expect(edgeLabel(1500, 1000)).toBe('2 s');
    expect(edgeLabel(61_000, 2000)).toBe('61 s');
    expect(edgeLabel(90_000, 6000)).toBe('90 s');
    expect(edgeLabel(90_000, 100_000)).toBe('1.50 min');
  });

  it('marks a straggler far above the bulk as an outlier and names where outliers start', () => {
    const bulk = Array.from({ length: 10_000 }, (_, i) => 100 + (i % 200));
    const h = durationHistogram([...bulk, 60_000]);
    const outliers = h.bins.filter((b) => b.outlier && b.count > 0);
    expect(outliers).toHaveLength(1);
    expect(outliers[0]!.count).toBe(1);
    expect(h.outlierTasks).toBe(1);
    expect(h.outlierFrom).toBeLessThanOrEqual(60_000);
    expect(h.outlierFrom).toBeGreaterThan(299);
    expect(h.bins.filter((b) => !b.outlier).reduce((s, b) => s + b.count, 0)).toBe(10_000);
  });

  it('has no outliers in an even spread, and nothing for no tasks', () => {
    expect(durationHistogram(Array.from({ length: 500 }, (_, i) => i * 10)).outlierTasks).toBe(0);
    expect(durationHistogram([])).toEqual({ bins: [], outlierTasks: 0, outlierFrom: undefined });
    expect(durationHistogram([42]).bins).toEqual([{ from: 42, to: 43, count: 1, label: '42 ms', outlier: false }]);
  });
});
