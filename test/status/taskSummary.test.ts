import { describe, expect, it } from 'vitest';
import { METRIC_COUNT, M } from '../../src/server/status/taskMetrics.js';
import { type SummaryColumns, taskMetricDistributions } from '../../src/server/status/taskSummary.js';

function columns(n: number, fill: (i: number) => { status: 'SUCCESS' | 'FAILED' | 'RUNNING'; duration: number; run: number }): SummaryColumns {
  const c: SummaryColumns = {
    count: n,
    success: new Uint8Array(n),
    hasMetrics: new Uint8Array(n),
    duration: new Float64Array(n),
    launchTime: new Float64Array(n),
    resultFetchStart: new Float64Array(n).fill(-1),
    metrics: Array.from({ length: METRIC_COUNT }, () => new Float64Array(n)),
  };
  for (let i = 0; i < n; i++) {
    const t = fill(i);
    c.success[i] = t.status === 'SUCCESS' ? 1 : 0;
    c.hasMetrics[i] = t.status === 'RUNNING' ? 0 : 1;
    c.duration[i] = t.duration;
    c.metrics[M.executorRunTime]![i] = t.run;
  }
  return c;
}

describe('taskMetricDistributions (AppStatusStore.taskSummary)', () => {
  it('picks element min(floor(q·count), count−1) of each sorted list, as a full sort would', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 100; trial++) {
      const n = 1 + Math.floor(rand() * 500);
      const c = columns(n, () => ({ status: 'SUCCESS', duration: Math.floor(rand() * 50), run: Math.floor(rand() * 10) }));
      const q = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
      const d = taskMetricDistributions(c, q)!;
      const sorted = [...c.duration].sort((a, b) => a - b);
      expect(d.duration).toEqual(q.map((x) => sorted[Math.min(Math.trunc(x * n), n - 1)]));
      const runs = [...c.metrics[M.executorRunTime]!].sort((a, b) => a - b);
      expect(d.executorRunTime).toEqual(q.map((x) => runs[Math.min(Math.trunc(x * n), n - 1)]));
    }
  });

  it('counts only successful tasks, but lists durations of every task (Spark quirk)', () => {
    // 2 successful (run 10, 20), 1 failed (run 99), 1 running; durations 100..400.
    const spec = [
      { status: 'SUCCESS', duration: 100, run: 10 },
      { status: 'SUCCESS', duration: 200, run: 20 },
      { status: 'FAILED', duration: 300, run: 99 },
      { status: 'RUNNING', duration: 400, run: 0 },
    ] as const;
    const d = taskMetricDistributions(columns(4, (i) => spec[i]!), [0, 0.5, 1])!;
    expect(d.executorRunTime).toEqual([10, 20, 20]);
    // count = 2 → indices [0, 1, 1] over all four durations.
    expect(d.duration).toEqual([100, 200, 200]);
  });

  it('has no summary without a successful task', () => {
    expect(taskMetricDistributions(columns(2, () => ({ status: 'FAILED', duration: 5, run: 1 })), [0.5])).toBeUndefined();
  });
});
