import { describe, expect, it } from 'vitest';
import { compareExecutorIds, executorRank } from '../../src/api/executorOrder.js';

describe('the executor-id order', () => {
  it('puts the driver first, then numeric ids by value, then named executors by text', () => {
    expect(['10', 'exec-b', 'driver', '2', 'exec-a', '1', '0'].sort(compareExecutorIds)).toEqual(['driver', '0', '1', '2', '10', 'exec-a', 'exec-b']);
  });

  it('ranks ids in the same order, so an index on the rank (then the id) sorts as compareExecutorIds does', () => {
    const ids = ['10', 'exec-b', 'driver', '2', 'exec-a', '1', '0', '9'];
    const byRank = [...ids].sort((a, b) => executorRank(a) - executorRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    expect(byRank).toEqual([...ids].sort(compareExecutorIds));
    expect(executorRank('driver')).toBe(-1);
    expect(executorRank('2147483647')).toBe(2147483647);
    expect(executorRank('exec-a')).toBeGreaterThan(executorRank('2147483647'));
  });
});
