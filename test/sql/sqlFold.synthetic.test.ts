import { describe, expect, it } from 'vitest';
import { formatSparkGmtDate, toExecutionData, wholeStageCodegenId } from '../../src/server/status/sql/executionData.js';
import { SqlFold, type SqlExecutionRecord } from '../../src/server/status/sql/sqlFold.js';

// ------------------------------------------------------------------ event builders (shapes as in real logs)

const SQL = 'org.apache.spark.sql.execution.ui.';
type Metric = { name: string; accumulatorId: number; metricType: string };
type Plan = { nodeName: string; simpleString: string; children: Plan[]; metadata: object; metrics: Metric[] };

const plan = (nodeName: string, children: Plan[] = [], metrics: Metric[] = []): Plan => ({
  nodeName,
  simpleString: nodeName,
  children,
  metadata: {},
  metrics,
});
const metric = (name: string, accumulatorId: number, metricType = 'sum'): Metric => ({ name, accumulatorId, metricType });

const sqlStart = (id: number, sparkPlanInfo: Plan, time = 1_000, extra: object = {}) => ({
  Event: SQL + 'SparkListenerSQLExecutionStart',
  executionId: id,
  description: `query ${id}`,
  details: 'org.apache.spark.sql.Dataset.collect(Dataset.scala:1)',
  physicalPlanDescription: `== Physical Plan ==\nplan of ${id}`,
  sparkPlanInfo,
  time,
  modifiedConfigs: {},
  ...extra,
});
const sqlEnd = (id: number, time: number, errorMessage?: string) => ({
  Event: SQL + 'SparkListenerSQLExecutionEnd',
  executionId: id,
  time,
  ...(errorMessage === undefined ? {} : { errorMessage }),
});
const adaptiveUpdate = (id: number, sparkPlanInfo: Plan, physicalPlanDescription: string) => ({
  Event: SQL + 'SparkListenerSQLAdaptiveExecutionUpdate',
  executionId: id,
  physicalPlanDescription,
  sparkPlanInfo,
});
const driverUpdates = (id: number, accumUpdates: [number, number][]) => ({
  Event: SQL + 'SparkListenerDriverAccumUpdates',
  executionId: id,
  accumUpdates,
});
const jobStart = (jobId: number, executionId: number | null, stages: [number, number][]) => ({
  Event: 'SparkListenerJobStart',
  'Job ID': jobId,
  'Submission Time': 1_000 + jobId,
  'Stage Infos': stages.map(([s, n]) => ({ 'Stage ID': s, 'Stage Attempt ID': 0, 'Stage Name': 's', 'Number of Tasks': n })),
  'Stage IDs': stages.map(([s]) => s),
  Properties: executionId === null ? {} : { 'spark.sql.execution.id': String(executionId) },
});
const jobEnd = (jobId: number, ok = true) => ({
  Event: 'SparkListenerJobEnd',
  'Job ID': jobId,
  'Completion Time': 5_000,
  'Job Result': ok ? { Result: 'JobSucceeded' } : { Result: 'JobFailed', Exception: { Message: 'boom' } },
});
const stageSubmitted = (stageId: number, attempt: number, numTasks: number) => ({
  Event: 'SparkListenerStageSubmitted',
  'Stage Info': { 'Stage ID': stageId, 'Stage Attempt ID': attempt, 'Number of Tasks': numTasks },
  Properties: {},
});
const taskStart = (stageId: number, attempt: number, taskId: number, index: number) => ({
  Event: 'SparkListenerTaskStart',
  'Stage ID': stageId,
  'Stage Attempt ID': attempt,
  'Task Info': { 'Task ID': taskId, Index: index, Attempt: 0, 'Launch Time': 1, 'Finish Time': 0, Failed: false, Killed: false, Accumulables: [] },
});
const taskEnd = (
  stageId: number,
  attempt: number,
  taskId: number,
  index: number,
  updates: [number, number | string][],
  opts: { failed?: boolean; finishTime?: number } = {},
) => ({
  Event: 'SparkListenerTaskEnd',
  'Stage ID': stageId,
  'Stage Attempt ID': attempt,
  'Task Type': 'ResultTask',
  'Task End Reason': { Reason: opts.failed ? 'ExceptionFailure' : 'Success' },
  'Task Info': {
    'Task ID': taskId,
    Index: index,
    Attempt: 0,
    'Launch Time': 1,
    'Finish Time': opts.finishTime ?? 2,
    Failed: opts.failed ?? false,
    Killed: false,
    Accumulables: [
      // Internal task metrics are not SQL metrics and must be ignored.
      { ID: 9_999, Name: 'internal.metrics.executorRunTime', Update: 5, Value: 5, Internal: true, 'Count Failed Values': true },
      ...updates.map(([id, v]) => ({ ID: id, Name: `m${id}`, Update: String(v), Value: String(v), Internal: true, 'Count Failed Values': true, Metadata: 'sql' })),
    ],
  },
});

function run(events: object[], fold = new SqlFold()): SqlFold {
  for (const e of events) fold.handle(e as Record<string, any>);
  return fold;
}
function only(fold: SqlFold): SqlExecutionRecord {
  const all = fold.all();
  expect(all).toHaveLength(1);
  return all[0]!;
}
function valuesByName(rec: SqlExecutionRecord, now = 0): Record<string, string> {
  const data = toExecutionData(rec, { details: true, planDescription: true, now });
  const out: Record<string, string> = {};
  for (const n of data.nodes as { nodeName: string; metrics: { name: string; value: string }[] }[]) {
    for (const m of n.metrics) out[`${n.nodeName}/${m.name}`] = m.value;
  }
  return out;
}

// ------------------------------------------------------------------ tests

describe('SqlResourceSuite analogue', () => {
  // CollectLimit <- WholeStageCodegen (1) [Filter <- Scan text], as in Spark's SqlResourceSuite.
  const scanPlan = plan('CollectLimit', [
    plan('WholeStageCodegen (1)', [
      plan('Filter', [plan('Scan text', [], [
        metric('metadata time', 2, 'timing'),
        metric('number of files read', 3),
        metric('number of output rows', 4),
        metric('size of files read', 5, 'size'),
      ])], [metric('number of output rows', 1)]),
    ], [metric('duration', 0, 'timing')]),
  ]);
  const fold = run([
    sqlStart(0, scanPlan, 1586768888233, { description: 'csv at MyDataFrames.scala:57' }),
    driverUpdates(0, [[2, 2], [3, 1], [5, 330]]),
    jobStart(0, 0, [[0, 1]]),
    taskEnd(0, 0, 0, 0, [[0, 0], [1, 1], [4, 1]]),
    jobEnd(0),
    jobStart(1, 0, [[1, 1]]),
    taskEnd(1, 0, 1, 0, []),
    jobEnd(1),
    sqlEnd(0, 1586768888999),
  ]);
  const rec = only(fold);

  it('prepares ExecutionData with details and plan description', () => {
    expect(toExecutionData(rec, { details: true, planDescription: true, now: 0 })).toEqual({
      id: 0,
      status: 'COMPLETED',
      description: 'csv at MyDataFrames.scala:57',
      planDescription: '== Physical Plan ==\nplan of 0',
      submissionTime: '2020-04-13T09:08:08.233GMT',
      duration: 766,
      runningJobIds: [],
      successJobIds: [0, 1],
      failedJobIds: [],
      nodes: [
        {
          nodeId: 3,
          nodeName: 'Scan text',
          wholeStageCodegenId: 1,
          metrics: [
            { name: 'metadata time', value: '2 ms' },
            { name: 'number of files read', value: '1' },
            { name: 'number of output rows', value: '1' },
            { name: 'size of files read', value: '330.0 B' },
          ],
        },
        { nodeId: 2, nodeName: 'Filter', wholeStageCodegenId: 1, metrics: [{ name: 'number of output rows', value: '1' }] },
        { nodeId: 1, nodeName: 'WholeStageCodegen (1)', metrics: [{ name: 'duration', value: '0 ms' }] },
        { nodeId: 0, nodeName: 'CollectLimit', metrics: [] },
      ],
      edges: [
        { fromId: 2, toId: 0 },
        { fromId: 3, toId: 2 },
      ],
    });
  });

  it('prepares ExecutionData without details or plan description', () => {
    const data = toExecutionData(rec, { details: false, planDescription: false, now: 0 });
    expect(data.planDescription).toBe('');
    expect(data.nodes).toEqual([]);
    expect(data.edges).toEqual([]);
    expect(data.duration).toBe(766);
  });

  it('parses the codegen id from a cluster name', () => {
    expect(wholeStageCodegenId('WholeStageCodegen (1)')).toBe(1);
    expect(wholeStageCodegenId('WholeStageCodegen (42)')).toBe(42);
    expect(wholeStageCodegenId('WholeStageCodegen')).toBeUndefined();
    expect(wholeStageCodegenId('WholeStageCodegen (x)')).toBeUndefined();
  });
});

describe('metric aggregation', () => {
  it('average metrics: tenths, zeros left out, max task located', () => {
    const p = plan('HashAggregate', [], [metric('avg hash probe bucket list iters', 7, 'average')]);
    const rec = only(
      run([
        sqlStart(0, p),
        jobStart(0, 0, [[0, 4]]),
        taskEnd(0, 0, 10, 0, [[7, 0]]),
        taskEnd(0, 0, 11, 1, [[7, 15]]),
        taskEnd(0, 0, 13, 3, [[7, 35]]),
        taskEnd(0, 0, 12, 2, [[7, 20]]),
        jobEnd(0),
        sqlEnd(0, 2_000, ''),
      ]),
    );
    expect(valuesByName(rec)).toEqual({
      'HashAggregate/avg hash probe bucket list iters': '(min, med, max (stageId: taskId)):\n(1.5, 2, 3.5 (stage 0.0: task 13))',
    });
  });

  it('driver updates: appended to task values, "(driver)" when larger than every task value, repeated ids add up', () => {
    const p = plan('Exchange', [], [metric('time to build', 1, 'timing'), metric('rows', 2), metric('size', 3, 'size'), metric('files', 4)]);
    const rec = only(
      run([
        sqlStart(0, p),
        jobStart(0, 0, [[0, 2]]),
        taskEnd(0, 0, 0, 0, [[1, 10], [3, 100]]),
        taskEnd(0, 0, 1, 1, [[1, 20], [3, 300]]),
        driverUpdates(0, [[1, 50], [3, 200], [99, 7]]), // 99 is not a metric of this plan
        driverUpdates(0, [[4, 4], [4, 6]]),
        driverUpdates(42, [[1, 1]]), // unknown execution
        jobEnd(0),
        sqlEnd(0, 2_000, ''),
      ]),
    );
    expect(valuesByName(rec)).toEqual({
      'Exchange/time to build': 'total (min, med, max (stageId: taskId))\n80 ms (10 ms, 20 ms, 50 ms (driver))',
      'Exchange/size': 'total (min, med, max (stageId: taskId))\n600.0 B (100.0 B, 200.0 B, 300.0 B (stage 0.0: task 1))',
      'Exchange/files': '10',
    });
    expect(rec.metricValues['99']).toBeUndefined();
  });

  it('counts a task index once: speculative copies after success and other stage attempts are ignored', () => {
    const p = plan('Scan', [], [metric('rows', 1), metric('time', 2, 'timing')]);
    const rec = only(
      run([
        sqlStart(0, p),
        jobStart(0, 0, [[0, 2]]),
        taskEnd(0, 0, 0, 0, [[1, 5], [2, 7]]),
        taskEnd(0, 0, 5, 0, [[1, 500], [2, 700]]), // speculative copy of index 0
        taskEnd(0, 0, 1, 1, [[1, 1]], { failed: true }), // failed attempt: value kept until the index succeeds
        stageSubmitted(0, 1, 2), // retry: the new attempt starts empty
        taskEnd(0, 0, 6, 1, [[1, 1000]]), // late task of the old attempt
        taskEnd(0, 1, 7, 1, [[1, 3], [2, 9]]),
        jobEnd(0),
        sqlEnd(0, 2_000),
      ]),
    );
    expect(valuesByName(rec)).toEqual({
      'Scan/rows': '3',
      'Scan/time': 'total (min, med, max (stageId: taskId))\n9 ms (0 ms, 9 ms, 9 ms (stage 0.1: task 7))',
    });
  });

  it('heartbeat (ExecutorMetricsUpdate) values count for tasks whose start was seen', () => {
    const p = plan('Scan', [], [metric('rows', 1)]);
    const fold = run([
      sqlStart(0, p, 1_000),
      jobStart(0, 0, [[0, 2]]),
      taskStart(0, 0, 0, 0),
      {
        Event: 'SparkListenerExecutorMetricsUpdate',
        'Executor ID': '1',
        'Metrics Updated': [
          { 'Task ID': 0, 'Stage ID': 0, 'Stage Attempt ID': 0, 'Accumulator Updates': [{ ID: 1, Update: '40', Value: '40' }] },
          { 'Task ID': 77, 'Stage ID': 0, 'Stage Attempt ID': 0, 'Accumulator Updates': [{ ID: 1, Update: '1000', Value: '1000' }] },
        ],
      },
    ]);
    expect(valuesByName(only(fold))).toEqual({ 'Scan/rows': '40' });
  });
});

describe('adaptive plan updates', () => {
  const initial = plan('AdaptiveSparkPlan', [
    plan('HashAggregate', [plan('Exchange', [plan('Scan', [], [metric('rows', 3)])], [metric('data size', 2, 'size')])], [metric('agg rows', 1)]),
  ]);
  const updated = plan('AdaptiveSparkPlan', [
    plan('HashAggregate', [
      plan('ShuffleQueryStage', [plan('Exchange', [plan('Scan', [], [metric('rows', 3)])], [metric('data size', 2, 'size')])]),
    ], [metric('agg rows', 10)]),
  ]);

  it('replaces the graph and plan text, keeps earlier metrics and counts new ones from later jobs only', () => {
    const fold = run([
      sqlStart(0, initial, 1_000),
      jobStart(0, 0, [[0, 2]]),
      taskEnd(0, 0, 0, 0, [[3, 4], [2, 64]]),
      taskEnd(0, 0, 1, 1, [[3, 6], [2, 64], [10, 111]]), // 10 is not yet known to this job's stage
      jobEnd(0),
      adaptiveUpdate(0, updated, '== Physical Plan ==\nAdaptiveSparkPlan isFinalPlan=true'),
      jobStart(1, 0, [[1, 1]]),
      taskEnd(1, 0, 2, 0, [[10, 2]]),
      jobEnd(1),
      sqlEnd(0, 3_000, ''),
    ]);
    const rec = only(fold);
    expect(rec.description).toBe('query 0');
    expect(rec.physicalPlanDescription).toBe('== Physical Plan ==\nAdaptiveSparkPlan isFinalPlan=true');
    const data = toExecutionData(rec, { details: true, planDescription: true, now: 0 });
    expect((data.nodes as { nodeName: string }[]).map((n) => n.nodeName)).toEqual(['Scan', 'Exchange', 'HashAggregate', 'AdaptiveSparkPlan']);
    expect(valuesByName(rec)).toEqual({
      'Scan/rows': '10',
      'Exchange/data size': 'total (min, med, max (stageId: taskId))\n128.0 B (64.0 B, 64.0 B, 64.0 B (stage 0.0: task 0))',
      'HashAggregate/agg rows': '2',
    });
    expect(rec.metricValues['1']).toBeUndefined(); // the old aggregate's metric never got a value
    expect(data.successJobIds).toEqual([0, 1]);
  });
});

describe('execution status', () => {
  const p = plan('Scan', [], [metric('rows', 1)]);

  it('before 3.4 (no errorMessage): a failed job makes the execution FAILED', () => {
    const rec = only(run([sqlStart(0, p), jobStart(0, 0, [[0, 1]]), jobStart(1, 0, [[1, 1]]), jobEnd(0), jobEnd(1, false), sqlEnd(0, 2_000)]));
    expect(rec.status).toBe('FAILED');
    expect(rec.errorMessage).toBeNull();
    const data = toExecutionData(rec, { details: false, planDescription: false, now: 0 });
    expect(data.status).toBe('FAILED');
    expect(data.successJobIds).toEqual([0]);
    expect(data.failedJobIds).toEqual([1]);
  });

  it('3.4+: errorMessage decides — empty means COMPLETED even with a failed job', () => {
    const rec = only(run([sqlStart(0, p), jobStart(0, 0, [[0, 1]]), jobEnd(0, false), sqlEnd(0, 2_000, '')]));
    expect(rec.status).toBe('COMPLETED');
    expect(rec.errorMessage).toBe('');
  });

  it('3.4+: a failed statement without jobs is FAILED (SPARK-44334)', () => {
    const rec = only(run([sqlStart(0, plan('Execute CreateDataSourceTableAsSelectCommand')), sqlEnd(0, 2_000, 'Table already exists')]));
    expect(rec.status).toBe('FAILED');
    expect(rec.jobs).toEqual([]);
    expect(toExecutionData(rec, { details: true, planDescription: false, now: 0 }).status).toBe('FAILED');
  });

  it('a running execution reports what is known so far and its duration up to now', () => {
    const q = plan('Scan', [], [metric('rows', 1), metric('time', 2, 'timing')]);
    const fold = run([
      sqlStart(0, q, 10_000),
      jobStart(0, 0, [[0, 4]]),
      taskEnd(0, 0, 0, 0, [[1, 5], [2, 100]]),
      taskEnd(0, 0, 2, 2, [[1, 7], [2, 300]]),
    ]);
    const rec = only(fold);
    expect(rec.status).toBe('RUNNING');
    expect(rec.completionTime).toBeNull();
    const data = toExecutionData(rec, { details: true, planDescription: false, now: 25_000 });
    expect(data.duration).toBe(15_000);
    expect(data.runningJobIds).toEqual([0]);
    // Indices 1 and 3 have not reported: they count as zeros.
    expect(valuesByName(rec)).toEqual({
      'Scan/rows': '12',
      'Scan/time': 'total (min, med, max (stageId: taskId))\n400 ms (0 ms, 100 ms, 300 ms (stage 0.0: task 2))',
    });

    run([taskEnd(0, 0, 1, 1, [[1, 1], [2, 200]]), taskEnd(0, 0, 3, 3, [[1, 1], [2, 200]]), jobEnd(0), sqlEnd(0, 30_000, '')], fold);
    const done = only(fold);
    expect(done.status).toBe('COMPLETED');
    expect(toExecutionData(done, { details: false, planDescription: false, now: 99_999 }).duration).toBe(20_000);
    expect(valuesByName(done)['Scan/time']).toBe('total (min, med, max (stageId: taskId))\n800 ms (100 ms, 200 ms, 300 ms (stage 0.0: task 2))');
  });

  it('an execution that ends before its job: metrics are fixed at the end, the job status still updates', () => {
    const fold = run([
      sqlStart(0, p),
      jobStart(0, 0, [[0, 2]]),
      taskEnd(0, 0, 0, 0, [[1, 5]]),
      sqlEnd(0, 2_000, ''),
    ]);
    let rec = only(fold);
    expect(rec.status).toBe('COMPLETED');
    expect(rec.jobs).toEqual([{ jobId: 0, status: 'RUNNING' }]);
    run([taskEnd(0, 0, 1, 1, [[1, 100]]), jobEnd(0)], fold);
    rec = only(fold);
    expect(rec.jobs).toEqual([{ jobId: 0, status: 'SUCCEEDED' }]);
    expect(rec.metricValues).toEqual({ '1': '5' });
  });

  it('lists job ids in Scala map order once an execution has more than four jobs', () => {
    const events: object[] = [sqlStart(0, p)];
    for (let j = 1; j <= 5; j++) events.push(jobStart(j, 0, [[j, 1]]), jobEnd(j));
    events.push(sqlEnd(0, 9_000, ''));
    const data = toExecutionData(only(run(events)), { details: false, planDescription: false, now: 0 });
    expect(data.successJobIds).toEqual([5, 1, 2, 3, 4]);
  });

  it('a job of an execution never started: no description, unknown submission time, no graph', () => {
    const rec = only(run([jobStart(3, 7, [[0, 1]]), jobEnd(3)]));
    expect(rec.executionId).toBe(7);
    const data = toExecutionData(rec, { details: true, planDescription: true, now: 0 });
    expect('description' in data).toBe(false);
    expect('planDescription' in data).toBe(false);
    expect(data.submissionTime).toBe('1969-12-31T23:59:59.999GMT');
    expect(data.status).toBe('RUNNING');
    expect(data.nodes).toEqual([]);
    expect(data.runningJobIds).toEqual([]);
    expect(data.successJobIds).toEqual([3]);
  });

  it('jobs outside SQL are ignored', () => {
    expect(run([jobStart(0, null, [[0, 1]]), jobEnd(0)]).all()).toEqual([]);
  });
});

describe('retention (spark.sql.ui.retainedExecutions)', () => {
  const p = plan('Scan', [], [metric('rows', 1)]);
  const finished = (id: number, endTime: number) => [sqlStart(id, p, id * 10), jobStart(id, id, [[id, 1]]), jobEnd(id), sqlEnd(id, endTime, '')];

  it('drops the finished executions that completed first, never running ones', () => {
    const fold = new SqlFold({ retainedExecutions: 2 });
    run([...finished(0, 100), ...finished(1, 50)], fold);
    expect(fold.all().map((r) => r.executionId)).toEqual([0, 1]);
    // Execution 2 stays running; its first write pushes the count over the limit.
    run([sqlStart(2, p, 20), jobStart(2, 2, [[2, 1]])], fold);
    expect(fold.takeRemoved()).toEqual([1]);
    run(finished(3, 300), fold);
    expect(fold.all().map((r) => r.executionId)).toEqual([2, 3]);
    expect(fold.takeRemoved()).toEqual([0]);
    // An execution without jobs is first written at its end.
    run([sqlStart(4, p, 40), sqlEnd(4, 400, '')], fold);
    expect(fold.all().map((r) => r.executionId)).toEqual([2, 4]);
    expect(fold.takeRemoved()).toEqual([3]);
    expect(fold.takeRemoved()).toEqual([]);
  });

  it('counts executions the end-of-replay flush would write for the first time', () => {
    const fold = run([...finished(0, 100), sqlStart(1, p, 10)], new SqlFold({ retainedExecutions: 1 }));
    expect(fold.all().map((r) => [r.executionId, r.status])).toEqual([[1, 'RUNNING']]);
    expect(fold.takeRemoved()).toEqual([0]);
  });

  it('keeps 1000 by default', () => {
    const fold = new SqlFold();
    for (let i = 0; i < 1001; i++) run(finished(i, 1_000 + i), fold);
    const ids = fold.all().map((r) => r.executionId);
    expect(ids).toHaveLength(1000);
    expect(ids[0]).toBe(1);
    expect(fold.takeRemoved()).toEqual([0]);
  });
});

describe('incremental output and bad input', () => {
  const p = plan('Scan', [], [metric('rows', 1)]);

  it('takeDirty returns changed executions once', () => {
    const fold = run([sqlStart(0, p), jobStart(0, 0, [[0, 2]])]);
    expect(fold.takeDirty().map((r) => r.executionId)).toEqual([0]);
    expect(fold.takeDirty()).toEqual([]);
    run([taskEnd(0, 0, 0, 0, [[1, 9]])], fold);
    const [rec] = fold.takeDirty();
    expect(rec!.metricValues).toEqual({ '1': '9' });
    run([taskEnd(5, 0, 1, 0, [[1, 9]])], fold); // not a stage of this execution
    expect(fold.takeDirty()).toEqual([]);
  });

  it('never throws; counts events it cannot fold', () => {
    const fold = new SqlFold();
    const bad: unknown[] = [
      null,
      42,
      {},
      { Event: 'SparkListenerJobStart', Properties: { 'spark.sql.execution.id': 'abc' } },
      { Event: SQL + 'SparkListenerSQLExecutionStart' },
      { Event: SQL + 'SparkListenerSQLExecutionEnd', executionId: 'x' },
      { Event: 'SparkListenerJobEnd' },
      { Event: 'SparkListenerTaskEnd', 'Stage ID': 0 },
      { Event: 'SparkListenerExecutorMetricsUpdate', 'Metrics Updated': [null, 5, { 'Stage ID': 'q' }] },
    ];
    for (const e of bad) expect(() => fold.handle(e as Record<string, any>)).not.toThrow();
    expect(fold.malformedEvents).toBe(4);
    // Numbers written as strings and odd accumulator values are tolerated.
    run(
      [
        sqlStart(0, p, 1_000),
        { ...jobStart(0, 0, [[0, 2]]), 'Job ID': '0' },
        taskEnd(0, 0, 0, 0, [[1, 'NaN']]),
        taskEnd(0, 0, 1, 1, [[1, 4]]),
        jobEnd(0),
        sqlEnd(0, 2_000, ''),
      ],
      fold,
    );
    expect(only(fold).metricValues).toEqual({ '1': '4' });
    expect(fold.malformedEvents).toBe(5); // the "NaN" update
  });

  it('formats Spark dates in GMT', () => {
    expect(formatSparkGmtDate(0)).toBe('1970-01-01T00:00:00.000GMT');
    expect(formatSparkGmtDate(-1)).toBe('1969-12-31T23:59:59.999GMT');
  });
});
