import { describe, expect, it } from 'vitest';
import { executorMemoryRule } from '../../src/server/diagnostics/rules/executorMemory.js';
import { executor, input } from './facts.js';

const GIB = 1024 ** 3;
const withPeak = (share: number) =>
  input({
    appEnd: 3_600_000,
    executorMemoryBytes: 8 * GIB,
    executors: [
      executor({ id: 'driver', peakJvmHeapBytes: 7.9 * GIB }),
      executor({ id: '1', addTime: 0, removeTime: 3_600_000, peakJvmHeapBytes: share * 8 * GIB, totalGcTime: 1_000 }),
      executor({ id: '2', addTime: 0, removeTime: 3_600_000, peakJvmHeapBytes: 1 * GIB, totalGcTime: 500 }),
    ],
  });

describe('executor memory rule (peak heap vs spark.executor.memory: > 95% under-, < 70% over-provisioned)', () => {
  it('flags under-provisioning just above 95%, naming the busiest executor (never the driver)', () => {
    const [f] = executorMemoryRule(withPeak(0.951));
    expect(f).toMatchObject({ id: 'executorMemory:high', severity: 'warning', impactMs: 1_500, links: [{ kind: 'executor', executorId: '1' }] });
  });
  it('says nothing at exactly 95% nor at exactly 70%', () => {
    expect(executorMemoryRule(withPeak(0.95))).toEqual([]);
    expect(executorMemoryRule(withPeak(0.7))).toEqual([]);
  });
  it('flags over-provisioning just below 70%, with the unused heap as CU-hours', () => {
    const [f] = executorMemoryRule(withPeak(0.69));
    expect(f).toMatchObject({ id: 'executorMemory:low', severity: 'info' });
    // Two executors × 1 h × 31% of 8 GiB unused = 4.96 GB-hours = 1.24 CU-hours.
    expect(f!.impactCuHours).toBeCloseTo((2 * 0.31 * 8) / 4, 5);
  });
  it('needs peaks and a configured size', () => {
    expect(executorMemoryRule(input({ executorMemoryBytes: 8 * GIB, executors: [executor({ id: '1' })] }))).toEqual([]);
    expect(executorMemoryRule({ ...withPeak(0.99), executorMemoryBytes: undefined })).toEqual([]);
  });
});
