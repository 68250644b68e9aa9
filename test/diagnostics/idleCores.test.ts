import { describe, expect, it } from 'vitest';
import { idleCoresRule } from '../../src/server/diagnostics/rules/idleCores.js';
import { executor, input } from './facts.js';

describe('idle cores rule (> 50% of executor core time ran no task)', () => {
  // Two executors × 2 cores × 100 s = 400 s of core time.
  const executors = (taskMs: number) => [
    executor({ id: 'driver', totalCores: 0 }),
    executor({ id: '1', totalCores: 2, addTime: 0, removeTime: 100_000, totalDuration: taskMs / 2 }),
    executor({ id: '2', totalCores: 2, addTime: 0, totalDuration: taskMs / 2 }),
  ];
  it('fires just above half idle, with the idle time as CU-hours', () => {
    const [f] = idleCoresRule(input({ appEnd: 100_000, executors: executors(199_000) }));
    expect(f).toMatchObject({ rule: 'idleCores', impactMs: 201_000 });
    expect(f!.impactCuHours).toBeCloseTo(201_000 / 3_600_000);
  });
  it('does not fire at exactly half idle', () => {
    expect(idleCoresRule(input({ appEnd: 100_000, executors: executors(200_000) }))).toEqual([]);
  });
  it('uses the driver in local mode', () => {
    const local = [executor({ id: 'driver', totalCores: 8, addTime: 0, totalDuration: 1_000 })];
    expect(idleCoresRule(input({ appEnd: 10_000, executors: local }))).toHaveLength(1);
  });
});
