import { describe, expect, it } from 'vitest';
import { SPARK_DEFAULT_RETENTION } from '../../src/server/config.js';
import { AppStatusFold } from '../../src/server/status/appStatusFold.js';
import { restExecutor, restStageData } from '../../src/server/status/restViews.js';
import { errorString, killedSummaryKey, taskErrorMessage } from '../../src/server/status/taskEndReason.js';
import { MemoryTaskSink } from '../../src/server/status/taskSink.js';

/** A tiny application built event by event: one job, one stage, tasks as the test needs them. */
function app(retention = SPARK_DEFAULT_RETENTION) {
  const sink = new MemoryTaskSink();
  const fold = new AppStatusFold(sink, retention);
  const feed = (e: Record<string, unknown>) => fold.handle(e, JSON.stringify(e));
  feed({ Event: 'SparkListenerApplicationStart', 'App Name': 'a', 'App ID': 'app-1', Timestamp: 1000, User: 'u' });
  feed({ Event: 'SparkListenerExecutorAdded', Timestamp: 1000, 'Executor ID': '1', 'Executor Info': { Host: 'h1', 'Total Cores': 4, 'Log Urls': {} } });
  const stageInfo = (id: number, extra: Record<string, unknown> = {}) => ({ 'Stage ID': id, 'Stage Attempt ID': 0, 'Stage Name': `s${id}`, 'Number of Tasks': 4, 'RDD Info': [], 'Parent IDs': [], Details: '', ...extra });
  const startJob = (jobId: number, stageId: number) => {
    feed({ Event: 'SparkListenerJobStart', 'Job ID': jobId, 'Submission Time': 1100, 'Stage Infos': [stageInfo(stageId)], 'Stage IDs': [stageId] });
    feed({ Event: 'SparkListenerStageSubmitted', 'Stage Info': stageInfo(stageId, { 'Submission Time': 1100 }) });
  };
  const taskInfo = (taskId: number, extra: Record<string, unknown> = {}) => ({ 'Task ID': taskId, Index: taskId, Attempt: 0, 'Launch Time': 1200, 'Executor ID': '1', Host: 'h1', Locality: 'PROCESS_LOCAL', Speculative: false, 'Getting Result Time': 0, 'Finish Time': 0, Failed: false, Killed: false, Accumulables: [], ...extra });
  const start = (stageId: number, taskId: number) => feed({ Event: 'SparkListenerTaskStart', 'Stage ID': stageId, 'Stage Attempt ID': 0, 'Task Info': taskInfo(taskId) });
  const end = (stageId: number, taskId: number, reason: Record<string, unknown>, runTime = 50, finish = 1300) =>
    feed({
      Event: 'SparkListenerTaskEnd', 'Stage ID': stageId, 'Stage Attempt ID': 0, 'Task Type': 'ResultTask', 'Task End Reason': reason,
      'Task Info': taskInfo(taskId, { 'Finish Time': finish, Failed: reason.Reason !== 'Success' && reason.Reason !== 'TaskKilled', Killed: reason.Reason === 'TaskKilled' }),
      'Task Metrics': { 'Executor Run Time': runTime, 'Executor Deserialize Time': 1, 'Result Size': 10, 'JVM GC Time': 2, 'Result Serialization Time': 0, 'Memory Bytes Spilled': 0, 'Disk Bytes Spilled': 0 },
    });
  const completeStage = (stageId: number, extra: Record<string, unknown> = {}) =>
    feed({ Event: 'SparkListenerStageCompleted', 'Stage Info': stageInfo(stageId, { 'Submission Time': 1100, 'Completion Time': 1400, ...extra }) });
  const endJob = (jobId: number, ok = true) => feed({ Event: 'SparkListenerJobEnd', 'Job ID': jobId, 'Completion Time': 1500, 'Job Result': { Result: ok ? 'JobSucceeded' : 'JobFailed' } });
  return { fold, sink, feed, startJob, start, end, completeStage, endJob };
}

describe('AppStatusFold task rules (spec §4.3/§4.4)', () => {
  it('counts Resubmitted as failed without changing active tasks (SPARK-41187)', () => {
    const a = app();
    a.startJob(0, 0);
    a.start(0, 0);
    a.end(0, 0, { Reason: 'Success' });
    a.end(0, 0, { Reason: 'Resubmitted' });
    const stage = a.fold.stages.get('0:0')!;
    expect(stage.completedTasks).toBe(1);
    expect(stage.failedTasks).toBe(1);
    expect(stage.activeTasks).toBe(0);
    // The resubmitted end is not a live task: no second metric delta.
    expect(restStageData(stage).executorRunTime).toBe(50);
  });

  it('applies counters but no metrics for a TaskEnd without a TaskStart', () => {
    const a = app();
    a.startJob(0, 0);
    a.end(0, 7, { Reason: 'Success' }, 99);
    const stage = a.fold.stages.get('0:0')!;
    expect(stage.completedTasks).toBe(1);
    expect(stage.activeTasks).toBe(-1);
    expect(restStageData(stage).executorRunTime).toBe(0);
    expect(a.sink.rows.has(7)).toBe(false);
    // The executor counts the task's own metrics anyway.
    expect(restExecutor(a.fold.executors.get('1')!).totalGCTime).toBe(2);
  });

  it('summarises killed tasks by reason, and commit denials by their error string', () => {
    const a = app();
    a.startJob(0, 0);
    for (const id of [0, 1, 2]) a.start(0, id);
    a.end(0, 0, { Reason: 'TaskKilled', 'Kill Reason': 'another attempt succeeded' });
    a.end(0, 1, { Reason: 'TaskKilled', 'Kill Reason': 'another attempt succeeded' });
    a.end(0, 2, { Reason: 'TaskCommitDenied', 'Job ID': 0, 'Partition ID': 2, 'Attempt Number': 1 });
    const data = restStageData(a.fold.stages.get('0:0')!);
    expect(data.numKilledTasks).toBe(3);
    expect(data.killedTasksSummary).toEqual({
      'another attempt succeeded': 2,
      'TaskCommitDenied (Driver denied task commit) for job: 0, partition: 2, attemptNumber: 1': 1,
    });
    expect(a.sink.rows.get(0)!.errorMessage).toBe('another attempt succeeded');
  });

  it('keeps a completed stage live until its last task ends (SPARK-24415)', () => {
    const a = app();
    a.startJob(0, 0);
    a.start(0, 0);
    a.start(0, 1);
    a.end(0, 0, { Reason: 'Success' });
    a.completeStage(0);
    expect(a.fold.liveStages.has('0:0')).toBe(true);
    a.end(0, 1, { Reason: 'Success' });
    expect(a.fold.liveStages.has('0:0')).toBe(false);
    expect(a.fold.stages.get('0:0')!.completedTasks).toBe(2);
  });

  it('marks pending stages of an ended job as skipped', () => {
    const a = app();
    a.feed({ Event: 'SparkListenerJobStart', 'Job ID': 0, 'Submission Time': 1100, 'Stage Infos': [
      { 'Stage ID': 0, 'Stage Attempt ID': 0, 'Stage Name': 'early', 'Number of Tasks': 3, 'RDD Info': [], Details: '' },
      { 'Stage ID': 1, 'Stage Attempt ID': 0, 'Stage Name': 'late', 'Number of Tasks': 2, 'RDD Info': [], Details: '' },
    ], 'Stage IDs': [0, 1] });
    a.feed({ Event: 'SparkListenerStageSubmitted', 'Stage Info': { 'Stage ID': 1, 'Stage Attempt ID': 0, 'Stage Name': 'late', 'Number of Tasks': 2, 'RDD Info': [], Details: '', 'Submission Time': 1100 } });
    a.completeStage(1, { 'Stage Name': 'late', 'Number of Tasks': 2 });
    a.endJob(0);
    const job = a.fold.jobs.get(0)!;
    expect(job.name).toBe('late');
    expect(job.numSkippedStages).toBe(1);
    expect(job.numSkippedTasks).toBe(3);
    expect(a.fold.stages.get('0:0')!.status).toBe('SKIPPED');
  });

  it('enforces spark.ui.retainedTasks by dropping the earliest-finishing tasks', () => {
    const a = app({ ...SPARK_DEFAULT_RETENTION, tasks: 10 });
    a.startJob(0, 0);
    for (let id = 0; id < 12; id++) {
      a.start(0, id);
      a.end(0, id, { Reason: 'Success' }, 10, 1300 + id);
    }
    // 11 starts > 10 → delete max(1, 11-10) = 1; 12 → delete 1 more.
    expect([...a.sink.rows.keys()].sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('enforces spark.ui.retainedJobs on finished jobs, oldest completion first', () => {
    const a = app({ ...SPARK_DEFAULT_RETENTION, jobs: 10 });
    for (let j = 0; j < 12; j++) {
      a.startJob(j, j);
      a.completeStage(j);
      a.endJob(j);
    }
    expect(a.fold.jobs.size).toBeLessThanOrEqual(10);
    expect(a.fold.jobs.has(11)).toBe(true);
    expect(a.fold.jobs.has(0)).toBe(false);
  });
});

describe('task end reasons (TaskEndReason.toErrorString)', () => {
  it('renders an ExceptionFailure without a full stack trace the Java way', () => {
    const msg = errorString({
      Reason: 'ExceptionFailure', 'Class Name': 'java.lang.IllegalStateException', Description: 'boom',
      'Stack Trace': [
        { 'Declaring Class': 'a.B', 'Method Name': 'run', 'File Name': 'B.java', 'Line Number': 12 },
        { 'Declaring Class': 'a.C', 'Method Name': 'call', 'File Name': null, 'Line Number': -1 },
        { 'Declaring Class': 'a.D', 'Method Name': 'go', 'File Name': 'D.java', 'Line Number': -2 },
      ],
      'Full Stack Trace': null,
    });
    expect(msg).toBe('java.lang.IllegalStateException: boom\n        a.B.run(B.java:12)\n        a.C.call(Unknown Source)\n        a.D.go(Native Method)');
  });

  it('renders FetchFailed, ExecutorLostFailure and fixed reasons', () => {
    expect(errorString({ Reason: 'FetchFailed', 'Block Manager Address': { 'Executor ID': '3', Host: 'h', Port: 7337 }, 'Shuffle ID': 1, 'Map ID': 5, 'Map Index': 2, 'Reduce ID': 4, Message: 'gone' }))
      .toBe('FetchFailed(BlockManagerId(3, h, 7337, None), shuffleId=1, mapIndex=2, mapId=5, reduceId=4, message=\ngone\n)');
    expect(errorString({ Reason: 'FetchFailed', 'Block Manager Address': null, 'Shuffle ID': 1, 'Map ID': 5, 'Reduce ID': 4, Message: 'x' }))
      .toContain('FetchFailed(null, shuffleId=1, mapIndex=Unknown');
    expect(errorString({ Reason: 'ExecutorLostFailure', 'Executor ID': '7', 'Exit Caused By App': false, 'Loss Reason': 'Container killed' }))
      .toBe('ExecutorLostFailure (executor 7 exited unrelated to the running tasks) Reason: Container killed');
    expect(errorString({ Reason: 'ExecutorLostFailure' })).toBe('ExecutorLostFailure (executor Unknown exited caused by one of the running tasks)');
    expect(errorString({ Reason: 'Resubmitted' })).toBe('Resubmitted (resubmitted due to lost executor)');
    expect(taskErrorMessage({ Reason: 'TaskKilled' })).toBe('unknown reason');
    expect(killedSummaryKey({ Reason: 'Success' })).toBeUndefined();
  });
});
