import { describe, expect, it } from 'vitest';
import { computeUsage, containerLifetimes, cuHours, parseMemoryMiB } from '../../src/server/status/computeUsage.js';

const H = 3_600_000;
const DAY0 = Date.UTC(2026, 11, 6);

describe('compute usage (CU-hours as MaxCompute bills Spark)', () => {
  it("reads Spark's memory strings", () => {
    expect(parseMemoryMiB('4g')).toBe(4096);
    expect(parseMemoryMiB('512m')).toBe(512);
    expect(parseMemoryMiB('2048')).toBe(2048);
    expect(parseMemoryMiB('1t')).toBe(1024 * 1024);
    expect(parseMemoryMiB('lots')).toBeUndefined();
  });

  it('is max(core-hours, memory-GB-hours / 4)', () => {
    expect(cuHours(2 * H, 0)).toBe(2);
    expect(cuHours(H, 16 * 1024 * H)).toBe(4);
  });

  it('counts executors from added to removed (or app end) and the driver for the whole run, split by UTC day', () => {
    const props: [string, string][] = [
      ['spark.executor.memory', '8g'],
      ['spark.executor.memoryOverhead', '2g'],
      ['spark.driver.memory', '2g'],
      ['spark.driver.cores', '2'],
    ];
    const start = DAY0 + 23 * H;
    const end = DAY0 + 26 * H;
    const lifetimes = containerLifetimes(
      [
        { executorId: 'driver', addTime: start, removeTime: undefined, totalCores: 0 },
        { executorId: '1', addTime: start + H, removeTime: start + 2 * H, totalCores: 4 },
        { executorId: '2', addTime: start + H, removeTime: undefined, totalCores: 4 },
      ],
      props,
      start,
      end,
    );
    // Driver: 2 cores, 2 GiB + max(384 MiB, 10%) overhead, 3 h. Executors: 4 cores, 10 GiB, 1 h and 2 h.
    expect(lifetimes.map((l) => [l.id, l.cores, l.memoryMiB, (l.end - l.start) / H])).toEqual([
      ['driver', 2, 2048 + 384, 3],
      ['1', 4, 10240, 1],
      ['2', 4, 10240, 2],
    ]);
    const usage = computeUsage(lifetimes, 5 * H);
    expect(usage.coreMs).toBe((2 * 3 + 4 * 1 + 4 * 2) * H);
    const memGbH = ((2048 + 384) * 3 + 10240 * 3) / 1024;
    expect(usage.cuHours).toBeCloseTo(Math.max(18, memGbH / 4), 9);
    // 23:00–24:00 on day 0 (driver only), the rest on day 1.
    expect(Object.keys(usage.days)).toEqual(['2026-12-06', '2026-12-07']);
    expect(usage.days['2026-12-06']!.coreMs).toBe(2 * H);
    expect(usage.days['2026-12-07']!.coreMs).toBe(16 * H);
    expect(usage.taskMs).toBe(5 * H);
  });

  it('adds a driver when the log never reported one, and skips executors without a lifetime', () => {
    const lifetimes = containerLifetimes([{ executorId: '1', addTime: DAY0 + H, removeTime: DAY0 + H, totalCores: 4 }], [], DAY0, DAY0 + 2 * H);
    expect(lifetimes.map((l) => [l.id, l.cores, l.memoryMiB])).toEqual([['driver', 1, 1024 + 384]]);
  });
});
