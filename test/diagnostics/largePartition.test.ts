import { describe, expect, it } from 'vitest';
import { largePartitionRule } from '../../src/server/diagnostics/rules/largePartition.js';
import { input, stats } from './facts.js';

const GB5 = 5 * 1024 ** 3;
const maxima = (over: { input?: number; shuffle?: number }) => ({
  stageId: 4, attemptId: 0, maxInputBytes: over.input ?? 0, maxInputTaskId: 40, maxShuffleReadBytes: over.shuffle ?? 0, maxShuffleReadTaskId: 41,
});

describe('large partition rule (> 5 GB read by one task)', () => {
  it('fires one byte above 5 GB of input, linking the stage and the task', () => {
    const [f] = largePartitionRule(input({ partitionMaxima: [maxima({ input: GB5 + 1 })], taskStats: [stats({ stageId: 4, maxMs: 90_000, medianMs: 10_000 })] }));
    expect(f).toMatchObject({ rule: 'largePartition', id: 'largePartition:4.0', impactMs: 80_000 });
    expect(f!.links).toEqual([expect.objectContaining({ kind: 'stage', stageId: 4 }), expect.objectContaining({ kind: 'task', taskId: 40 })]);
    expect(f!.title).toContain('of input');
  });
  it('fires on shuffle read above 5 GB', () => {
    const [f] = largePartitionRule(input({ partitionMaxima: [maxima({ shuffle: GB5 + 1 })] }));
    expect(f!.title).toContain('shuffle data');
    expect(f!.links.find((l) => l.kind === 'task')?.taskId).toBe(41);
  });
  it('does not fire at exactly 5 GB', () => {
    expect(largePartitionRule(input({ partitionMaxima: [maxima({ input: GB5, shuffle: GB5 })] }))).toEqual([]);
  });
});
