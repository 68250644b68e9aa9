import { describe, expect, it } from 'vitest';
import { tinyTasksRule } from '../../src/server/diagnostics/rules/tinyTasks.js';
import { input, stats } from './facts.js';

describe('tiny tasks rule (> 5000 tasks with median < 500 ms)', () => {
  it('fires at 5001 tasks with a 499 ms median', () => {
    const [f] = tinyTasksRule(input({ taskStats: [stats({ stageId: 9, count: 5_001, medianMs: 499, overheadMs: 60_000 })] }));
    expect(f).toMatchObject({ rule: 'tinyTasks', impactMs: 60_000, links: [{ kind: 'stage', stageId: 9 }] });
    expect(f!.title).toContain('5001 tasks');
  });
  it('does not fire at 5000 tasks, nor at a 500 ms median', () => {
    expect(tinyTasksRule(input({ taskStats: [stats({ count: 5_000, medianMs: 10 }), stats({ count: 9_000, medianMs: 500 })] }))).toEqual([]);
  });
});
