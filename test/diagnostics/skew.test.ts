import { describe, expect, it } from 'vitest';
import { skewRule } from '../../src/server/diagnostics/rules/skew.js';
import { input, stats } from './facts.js';

const slow = (duration: number) => ({ taskId: 42, index: 17, executorId: '2', duration, inputBytes: 900, shuffleReadBytes: 4_000 });

describe('skew rule (max > 5 s and > 10× median)', () => {
  it('fires just above both thresholds, naming the skewed task, its partition and sizes vs the median', () => {
    const [f] = skewRule(input({ taskStats: [stats({ stageId: 3, medianMs: 500, maxMs: 5_001, slowest: [slow(5_001), { ...slow(400), taskId: 1 }], medianInputBytes: 30, medianShuffleReadBytes: 100 })] }));
    expect(f).toBeDefined();
    expect(f!.rule).toBe('skew');
    expect(f!.title).toContain('stage 3.0');
    expect(f!.links[0]).toMatchObject({ kind: 'stage', stageId: 3, attemptId: 0 });
    expect(f!.links.filter((l) => l.kind === 'task')).toEqual([expect.objectContaining({ taskId: 42 })]);
    expect(f!.details![0]).toMatchObject({ task: 42, partition: 17 });
    expect(String(f!.details![0]!.input)).toContain('median 30 B');
    expect(f!.impactMs).toBe(4_501);
  });
  it('does not fire at 5 s exactly', () => {
    expect(skewRule(input({ taskStats: [stats({ medianMs: 100, maxMs: 5_000 })] }))).toEqual([]);
  });
  it('does not fire at 10× the median exactly, even above 5 s', () => {
    expect(skewRule(input({ taskStats: [stats({ medianMs: 1_000, maxMs: 10_000 })] }))).toEqual([]);
  });
  it('fires just above 10× the median', () => {
    expect(skewRule(input({ taskStats: [stats({ medianMs: 1_000, maxMs: 10_001, slowest: [slow(10_001)] })] }))).toHaveLength(1);
  });
});
