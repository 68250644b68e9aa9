import { describe, expect, it } from 'vitest';
import { errorSignature } from '../../src/server/diagnostics/errorSignature.js';
import { failedTasksRule } from '../../src/server/diagnostics/rules/failedTasks.js';
import { fetchFailuresRule } from '../../src/server/diagnostics/rules/fetchFailures.js';
import { stageRetriesRule } from '../../src/server/diagnostics/rules/stageRetries.js';
import { failedTask, input, stage } from './facts.js';

const FETCH = 'FetchFailed(BlockManagerId(3, node-3, 7337, None), shuffleId=0, mapIndex=4, mapId=12, reduceId=1, message=\norg.apache...)';

describe('error signature', () => {
  it('strips numbers and keeps the exception class', () => {
    const a = errorSignature('java.lang.NumberFormatException: For input string: "12a"\n\tat x.y(Z.java:3)');
    const b = errorSignature('java.lang.NumberFormatException: For input string: "99a"');
    expect(a.key).toBe(b.key);
    expect(a.exceptionClass).toBe('java.lang.NumberFormatException');
    expect(errorSignature('ExecutorLostFailure (executor 4 exited caused by one of the running tasks)').exceptionClass).toBe('ExecutorLostFailure');
  });
});

describe('failed tasks rule (grouped by error)', () => {
  it('groups errors that differ only in numbers, with count, stages, executors and the first task', () => {
    const f = failedTasksRule(
      input({
        stages: [stage({ stageId: 2, status: 'FAILED' })],
        failedTasks: [
          failedTask({ taskId: 11, stageId: 2, executorId: '1', launchTime: 5_000, error: 'java.lang.OutOfMemoryError: Java heap space (task 11)' }),
          failedTask({ taskId: 10, stageId: 2, executorId: '2', launchTime: 1_000, error: 'java.lang.OutOfMemoryError: Java heap space (task 10)' }),
          failedTask({ taskId: 12, stageId: 1, error: FETCH }),
        ],
      }),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'failedTasks', severity: 'critical', impactMs: 1_000 });
    expect(f[0]!.title).toBe('2 tasks failed with java.lang.OutOfMemoryError in 1 stage on 2 executors (why the stage failed)');
    expect(f[0]!.links).toEqual([
      expect.objectContaining({ kind: 'stage', stageId: 2, attemptId: 0 }),
      expect.objectContaining({ kind: 'task', taskId: 10 }),
      expect.objectContaining({ kind: 'executor', executorId: '2' }),
    ]);
  });
  it('makes critical the error the failed stage names, not the others in that stage', () => {
    const f = failedTasksRule(
      input({
        stages: [stage({ stageId: 2, status: 'FAILED', failureReason: 'Job aborted due to stage failure: Task 3 in stage 2.0 failed 4 times, most recent failure: java.lang.OutOfMemoryError: Java heap space' })],
        failedTasks: [
          failedTask({ taskId: 1, stageId: 2, error: 'java.lang.OutOfMemoryError: Java heap space' }),
          failedTask({ taskId: 2, stageId: 2, error: 'ExecutorLostFailure (executor 2 exited caused by one of the running tasks)', duration: 9_000 }),
        ],
      }),
    );
    expect(f.map((x) => [x.title.split(' in ')[0], x.severity])).toEqual([
      ['1 task failed with java.lang.OutOfMemoryError', 'critical'],
      ['1 task failed with ExecutorLostFailure', 'warning'],
    ]);
  });
  it('does not fire without failed tasks', () => {
    expect(failedTasksRule(input({ stages: [stage()] }))).toEqual([]);
  });
});

describe('fetch failures rule', () => {
  it('fires per stage attempt with fetch-failed tasks', () => {
    const [f] = fetchFailuresRule(input({ failedTasks: [failedTask({ stageId: 3, stageAttempt: 0, error: FETCH }), failedTask({ error: 'x: y' })] }));
    expect(f).toMatchObject({ rule: 'fetchFailures', severity: 'warning', links: [{ kind: 'stage', stageId: 3 }, { kind: 'task' }] });
  });
  it('does not fire for other failures', () => {
    expect(fetchFailuresRule(input({ failedTasks: [failedTask()] }))).toEqual([]);
  });
});

describe('stage retries rule (attempt > 0)', () => {
  it('fires for a stage with a second attempt, with the earlier attempt\'s time and reason', () => {
    const [f] = stageRetriesRule(
      input({ stages: [stage({ stageId: 5, attemptId: 1 }), stage({ stageId: 5, attemptId: 0, status: 'FAILED', executorRunTime: 3_000, failureReason: 'FetchFailed(...)\nmore' }), stage({ stageId: 6 })] }),
    );
    expect(f).toMatchObject({ rule: 'stageRetries', impactMs: 3_000 });
    expect(f!.title).toBe('Stage 5 ran 2 attempts: FetchFailed(...)');
    expect(f!.links.map((l) => l.attemptId)).toEqual([0, 1]);
  });
  it('does not fire for single attempts', () => {
    expect(stageRetriesRule(input({ stages: [stage(), stage({ stageId: 2 })] }))).toEqual([]);
  });
});

describe('error signature of executor losses', () => {
  it('groups losses on different hosts and containers together', () => {
    const a = errorSignature('ExecutorLostFailure (executor 2 exited caused by one of the running tasks) Reason: Container marked as failed: container_1_0171_01_000003 on host: workerc90b4a69-11-220-229-212. Exit status: 52.');
    const b = errorSignature('ExecutorLostFailure (executor 5 exited caused by one of the running tasks) Reason: Container marked as failed: container_1_0171_01_000006 on host: workerda5b9d6b-11-193-202-78. Exit status: 52.');
    expect(a.key).toBe(b.key);
  });
});
