import { describe, expect, it } from 'vitest';
import { bytesToString } from '../../src/api/spark/bytesToString.js';
import {
  formatUsInteger,
  javaFixed,
  longSum,
  msDurationToString,
  stringValue,
} from '../../src/server/status/sql/metricFormat.js';

describe('Utils.bytesToString', () => {
  it('keeps bytes below 2 KiB and switches units at twice their size', () => {
    expect(bytesToString(0)).toBe('0.0 B');
    expect(bytesToString(2047)).toBe('2047.0 B');
    expect(bytesToString(2048)).toBe('2.0 KiB');
    expect(bytesToString(2 * 1024 * 1024 - 1)).toBe('2048.0 KiB');
    expect(bytesToString(2 * 1024 * 1024)).toBe('2.0 MiB');
    expect(bytesToString(2 ** 31)).toBe('2.0 GiB');
    expect(bytesToString(3 * 2 ** 40)).toBe('3.0 TiB');
    expect(bytesToString(2n ** 62n)).toBe('4.0 EiB');
  });

  it('rounds half up like Java BigDecimal formatting', () => {
    expect(bytesToString(2304)).toBe('2.3 KiB'); // exactly 2.25 KiB
    expect(bytesToString(1048632)).toBe('1024.1 KiB'); // 1024.0546875
    expect(bytesToString(1048616)).toBe('1024.0 KiB'); // 1024.0390625
    expect(bytesToString(-5)).toBe('-5.0 B');
  });
});

describe('Utils.msDurationToString', () => {
  it('formats ms, s, m and h with Float arithmetic', () => {
    expect(msDurationToString(0)).toBe('0 ms');
    expect(msDurationToString(999)).toBe('999 ms');
    expect(msDurationToString(1000)).toBe('1.0 s');
    expect(msDurationToString(1736)).toBe('1.7 s');
    expect(msDurationToString(2276)).toBe('2.3 s');
    expect(msDurationToString(59999)).toBe('60.0 s');
    expect(msDurationToString(60000)).toBe('1.0 m');
    expect(msDurationToString(3599999)).toBe('60.0 m');
    expect(msDurationToString(3600000)).toBe('1.00 h');
    expect(msDurationToString(5400000)).toBe('1.50 h');
  });

  it('rounds the shortest decimal digits half up, as java.util.Formatter does', () => {
    expect(javaFixed(0.15, 1)).toBe('0.2'); // toFixed would give 0.1
    expect(javaFixed(1.005, 2)).toBe('1.01');
    expect(javaFixed(0.05, 1)).toBe('0.1');
    expect(javaFixed(0.04, 1)).toBe('0.0');
    expect(javaFixed(9.96, 1)).toBe('10.0');
    expect(javaFixed(-1.25, 1)).toBe('-1.3');
  });
});

describe('US integer format and Long sums', () => {
  it('groups thousands', () => {
    expect(formatUsInteger(0)).toBe('0');
    expect(formatUsInteger(999)).toBe('999');
    expect(formatUsInteger(6000000)).toBe('6,000,000');
    expect(formatUsInteger(-1234567)).toBe('-1,234,567');
    expect(formatUsInteger(2n ** 63n - 1n)).toBe('9,223,372,036,854,775,807');
  });

  it('sums exactly past 2^53', () => {
    expect(longSum([2 ** 53, 2, 2])).toBe(2n ** 53n + 4n);
    expect(longSum(new Float64Array([1, 2, 3]))).toBe(6n);
  });
});

describe('SQLMetrics.stringValue', () => {
  const max = (value: number, stage: number, attempt: number, task: number) => [value, stage, attempt, task];

  it('sum: plain total with separators, whatever the task info', () => {
    expect(stringValue('sum', [375000, 375000, 5250000], max(5250000, 2, 0, 9))).toBe('6,000,000');
    expect(stringValue('sum', [], [])).toBe('0');
  });

  it('size/timing/nsTiming: a single value (or none) shows just that value', () => {
    expect(stringValue('size', [1048632], [])).toBe('1024.1 KiB');
    expect(stringValue('size', [], [])).toBe('0.0 B');
    expect(stringValue('size', [-1], [])).toBe('0.0 B'); // -1 = never set, filtered out
    expect(stringValue('timing', [-1, 37], [])).toBe('37 ms');
    expect(stringValue('nsTiming', [1_999_999], [])).toBe('1 ms');
  });

  it('size/timing/nsTiming: total (min, med, max (stage: task)) with the upper median', () => {
    expect(stringValue('size', [300, 100, 200, -1], max(300, 1, 0, 7))).toBe(
      'total (min, med, max (stageId: taskId))\n600.0 B (100.0 B, 200.0 B, 300.0 B (stage 1.0: task 7))',
    );
    expect(stringValue('timing', [20, 21, 20, 20], max(21, 1, 0, 19))).toBe(
      'total (min, med, max (stageId: taskId))\n81 ms (20 ms, 20 ms, 21 ms (stage 1.0: task 19))',
    );
    // Each value converts ns → ms on its own (truncating), the total from the ns sum.
    expect(stringValue('nsTiming', [1_500_000, 2_600_000], max(2_600_000, 3, 1, 44))).toBe(
      'total (min, med, max (stageId: taskId))\n4 ms (1 ms, 2 ms, 2 ms (stage 3.1: task 44))',
    );
    // Unreported task indices are zeros and count as values.
    expect(stringValue('timing', [0, 0, 1500], max(1500, 0, 0, 2))).toBe(
      'total (min, med, max (stageId: taskId))\n1.5 s (0 ms, 0 ms, 1.5 s (stage 0.0: task 2))',
    );
  });

  it('shows (driver) when the largest value came from the driver', () => {
    expect(stringValue('timing', [5, 7], [])).toBe('total (min, med, max (stageId: taskId))\n12 ms (5 ms, 7 ms, 7 ms (driver))');
  });

  it('average: values are tenths; zeros are dropped; one value shows alone', () => {
    expect(stringValue('average', [], [])).toBe('0');
    expect(stringValue('average', [0, 15, 0], max(15, 0, 0, 1))).toBe('1.5');
    expect(stringValue('average', [0, 15, 20, 35], max(35, 4, 0, 3))).toBe(
      '(min, med, max (stageId: taskId)):\n(1.5, 2, 3.5 (stage 4.0: task 3))',
    );
    expect(stringValue('average', [12345, 20], [])).toBe('(min, med, max (stageId: taskId)):\n(2, 1,234.5, 1,234.5 (driver))');
  });

  it('data source v2 custom metrics cannot be aggregated without their class: N/A', () => {
    expect(stringValue('v2Custom_org.example.MyMetric', [1, 2], [])).toBe('N/A');
  });

  it('an unknown metric type renders nothing', () => {
    expect(stringValue('bogus', [1], [])).toBeUndefined();
  });
});
