import { describe, expect, it } from 'vitest';
import { lostExecutorsRule } from '../../src/server/diagnostics/rules/lostExecutors.js';
import { executor, failedTask, input } from './facts.js';

describe('lost executors rule', () => {
  it('fires for an executor removed by a failure, with its reason and failed tasks', () => {
    const [f] = lostExecutorsRule(
      input({
        executors: [executor({ id: '5', host: 'n5', removeTime: 50, removeReason: 'Container marked as failed: c_5 on host: n5. Exit status: 52.\nmore' })],
        failedTasks: [failedTask({ executorId: '5', duration: 700 }), failedTask({ executorId: '6' })],
      }),
    );
    expect(f).toMatchObject({ rule: 'lostExecutors', severity: 'warning', impactMs: 700, links: [{ kind: 'executor', executorId: '5' }, { kind: 'stage', stageId: 1, attemptId: 0 }] });
    expect(f!.title).toContain('Exit status: 52');
    expect(f!.title).not.toContain('more');
  });
  it('does not fire for removals the driver asked for, nor for executors still alive', () => {
    const f = lostExecutorsRule(
      input({
        executors: [
          executor({ id: '1', removeReason: 'Executor killed by driver.' }),
          executor({ id: '2', removeReason: 'Container c_2 exited from explicit termination request.' }),
          executor({ id: '3' }),
        ],
      }),
    );
    expect(f).toEqual([]);
  });
});
