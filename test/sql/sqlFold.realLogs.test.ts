import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toExecutionData } from '../../src/server/status/sql/executionData.js';
import { SqlFold, type SqlExecutionRecord } from '../../src/server/status/sql/sqlFold.js';

import { pathToFileURL } from 'node:url';
import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

const EVENTS_DIR = pathToFileURL(SPARK_EVENTS_DIR + '/');

function readEvents(name: string): Record<string, any>[] {
  return readFileSync(new URL(name, EVENTS_DIR), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

function fold(name: string): SqlFold {
  const f = new SqlFold();
  for (const e of readEvents(name)) f.handle(e);
  return f;
}

/** nodeName → metric name → value, for the REST nodes of one execution. */
function metricsByNode(data: Record<string, unknown>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const n of data.nodes as { nodeId: number; nodeName: string; metrics: { name: string; value: string }[] }[]) {
    out[`${n.nodeId} ${n.nodeName}`] = Object.fromEntries(n.metrics.map((m) => [m.name, m.value]));
  }
  return out;
}

describe('app-20200706201101-0003 (Spark 3.1, two broadcast joins, no errorMessage field)', () => {
  const f = fold('app-20200706201101-0003');
  const [exec] = f.all();
  const data = toExecutionData(exec!, { details: true, planDescription: true, now: 0 });

  it('has one completed execution linked to its three jobs and stages', () => {
    expect(f.all()).toHaveLength(1);
    expect(f.malformedEvents).toBe(0);
    expect(exec!.executionId).toBe(0);
    expect(exec!.status).toBe('COMPLETED');
    expect(exec!.errorMessage).toBeNull();
    expect(exec!.jobs).toEqual([
      { jobId: 0, status: 'SUCCEEDED' },
      { jobId: 1, status: 'SUCCEEDED' },
      { jobId: 2, status: 'SUCCEEDED' },
    ]);
    expect(exec!.stageIds).toEqual([0, 1, 2]);
  });

  it('answers /sql/0 with Spark field order and values', () => {
    expect(Object.keys(data)).toEqual([
      'id',
      'status',
      'description',
      'planDescription',
      'submissionTime',
      'duration',
      'runningJobIds',
      'successJobIds',
      'failedJobIds',
      'nodes',
      'edges',
    ]);
    expect(data.id).toBe(0);
    expect(data.status).toBe('COMPLETED');
    expect(data.description).toBe('foreach at <console>:26');
    expect(String(data.planDescription)).toMatch(/^== Physical Plan ==\nDeserializeToObject \(8\)\n/);
    expect(data.submissionTime).toBe('2020-07-07T03:11:18.577GMT');
    expect(data.duration).toBe(1594091483045 - 1594091478577);
    expect(data.runningJobIds).toEqual([]);
    expect(data.successJobIds).toEqual([0, 1, 2]);
    expect(data.failedJobIds).toEqual([]);
  });

  it('lists the plan nodes highest id first with their codegen stage', () => {
    const nodes = data.nodes as { nodeId: number; nodeName: string; wholeStageCodegenId?: number }[];
    expect(nodes.map((n) => [n.nodeId, n.nodeName, n.wholeStageCodegenId])).toEqual([
      [9, 'LocalTableScan', 2],
      [8, 'LocalTableScan', undefined],
      [7, 'BroadcastExchange', undefined],
      [6, 'LocalTableScan', 1],
      [5, 'BroadcastHashJoin', 1],
      [4, 'WholeStageCodegen (1)', undefined],
      [3, 'BroadcastExchange', undefined],
      [2, 'BroadcastHashJoin', 2],
      [1, 'WholeStageCodegen (2)', undefined],
      [0, 'DeserializeToObject', undefined],
    ]);
    expect('wholeStageCodegenId' in nodes[1]!).toBe(false);
    expect(data.edges).toEqual([
      { fromId: 2, toId: 0 },
      { fromId: 3, toId: 2 },
      { fromId: 5, toId: 3 },
      { fromId: 6, toId: 5 },
      { fromId: 7, toId: 5 },
      { fromId: 8, toId: 7 },
      { fromId: 9, toId: 2 },
    ]);
  });

  it('aggregates task and driver metric values into Spark strings', () => {
    expect(metricsByNode(data)).toEqual({
      // 16 tasks × 6,250 rows
      '9 LocalTableScan': { 'number of output rows': '100,000' },
      // 12 tasks with 1 row and 4 with 2
      '8 LocalTableScan': { 'number of output rows': '20' },
      // Driver-only values (SparkListenerDriverAccumUpdates): single values, no breakdown.
      '7 BroadcastExchange': {
        'data size': '1024.1 KiB',
        'time to collect': '1.7 s',
        'time to build': '37 ms',
        'time to broadcast': '5 ms',
      },
      '6 LocalTableScan': { 'number of output rows': '100' },
      '5 BroadcastHashJoin': { 'number of output rows': '300' },
      // 12 × 20 ms + 4 × 21 ms; task 19 is the first to report 21 ms.
      '4 WholeStageCodegen (1)': {
        duration: 'total (min, med, max (stageId: taskId))\n324 ms (20 ms, 20 ms, 21 ms (stage 1.0: task 19))',
      },
      '3 BroadcastExchange': {
        'data size': '1024.0 KiB',
        'time to collect': '2.3 s',
        'time to build': '13 ms',
        'time to broadcast': '2 ms',
      },
      '2 BroadcastHashJoin': { 'number of output rows': '6,000,000' },
      // 25,076 ms over 16 tasks, 1,467..1,593 ms, median 1,566 ms.
      '1 WholeStageCodegen (2)': {
        duration: 'total (min, med, max (stageId: taskId))\n25.1 s (1.5 s, 1.6 s, 1.6 s (stage 2.0: task 42))',
      },
      '0 DeserializeToObject': {},
    });
  });

  it('honours details=false and planDescription=false', () => {
    const lean = toExecutionData(exec!, { details: false, planDescription: false, now: 0 });
    expect(lean.planDescription).toBe('');
    expect(lean.nodes).toEqual([]);
    expect(lean.edges).toEqual([]);
    expect(lean.successJobIds).toEqual([0, 1, 2]);
  });
});

describe('local-1642039451826 (Spark 3.3, adaptive execution)', () => {
  const f = fold('local-1642039451826');
  const all = f.all();

  it('has two completed executions with their jobs', () => {
    expect(f.malformedEvents).toBe(0);
    expect(all.map((r) => [r.executionId, r.status, r.jobs.map((j) => j.jobId)])).toEqual([
      [0, 'COMPLETED', [0, 1, 2]],
      [1, 'COMPLETED', [3, 4, 5]],
    ]);
    expect(all[0]!.stageIds).toEqual(scalaSet([0, 1, 2, 5, 3, 4]));
    expect(all[0]!.modifiedConfigs).toEqual({});
    expect(all[0]!.rootExecutionId).toBe(0);
  });

  it('shows the final adaptive plan, not the initial one', () => {
    const data = toExecutionData(all[0]!, { details: true, planDescription: true, now: 0 });
    expect(String(data.planDescription)).toMatch(/^== Physical Plan ==\nAdaptiveSparkPlan \(13\)\n\+- == Final Plan ==/);
    const nodes = data.nodes as { nodeId: number; nodeName: string; wholeStageCodegenId?: number }[];
    expect(nodes.map((n) => `${n.nodeId} ${n.nodeName}${n.wholeStageCodegenId !== undefined ? ' #' + n.wholeStageCodegenId : ''}`)).toEqual([
      '9 Range #1',
      '8 Project #1',
      '7 WholeStageCodegen (1)',
      '6 Exchange',
      '5 HashAggregate #2',
      '4 WholeStageCodegen (2)',
      '3 Exchange',
      '2 HashAggregate #3',
      '1 WholeStageCodegen (3)',
      '0 AdaptiveSparkPlan',
    ]);
    expect(data.edges).toEqual([
      { fromId: 2, toId: 0 },
      { fromId: 3, toId: 2 },
      { fromId: 5, toId: 3 },
      { fromId: 6, toId: 5 },
      { fromId: 8, toId: 6 },
      { fromId: 9, toId: 8 },
    ]);
  });

  it('collects metrics across the stages of all three jobs, including driver-side values', () => {
    const data = toExecutionData(all[0]!, { details: true, planDescription: false, now: 0 });
    const byNode = metricsByNode(data);
    expect(byNode['9 Range']).toEqual({ 'number of output rows': '100' });
    expect(byNode['8 Project']).toEqual({});
    expect(byNode['6 Exchange']).toEqual({
      'shuffle records written': '100',
      // 8 map tasks of stage 0: 31.37..33.97 ms in ns.
      'shuffle write time': 'total (min, med, max (stageId: taskId))\n259 ms (31 ms, 32 ms, 33 ms (stage 0.0: task 0))',
      'records read': '100',
      // Read side, stage 2 (10 tasks): 4 × 376 + 3 × 372 + 3 × 380 bytes.
      'local bytes read': 'total (min, med, max (stageId: taskId))\n3.7 KiB (372.0 B, 376.0 B, 380.0 B (stage 2.0: task 15))',
      'fetch wait time': 'total (min, med, max (stageId: taskId))\n0 ms (0 ms, 0 ms, 0 ms (stage 2.0: task 14))',
      'local blocks read': '80',
      'data size': 'total (min, med, max (stageId: taskId))\n0.0 B (0.0 B, 0.0 B, 0.0 B (stage 0.0: task 6))',
      // SparkListenerDriverAccumUpdates [[62, 10]]
      'number of partitions': '10',
      'shuffle bytes written': 'total (min, med, max (stageId: taskId))\n3.7 KiB (468.0 B, 472.0 B, 472.0 B (stage 0.0: task 5))',
    });
    expect(byNode['3 Exchange']!['local bytes read']).toBe('590.0 B'); // one reduce task in stage 5
    expect(byNode['3 Exchange']!['shuffle write time']).toBe(
      'total (min, med, max (stageId: taskId))\n10 ms (0 ms, 1 ms, 1 ms (stage 2.0: task 11))',
    );
    expect(byNode['5 HashAggregate']).toEqual({
      'time in aggregation build': 'total (min, med, max (stageId: taskId))\n93 ms (1 ms, 11 ms, 12 ms (stage 2.0: task 10))',
      'number of output rows': '10',
    });
    expect(byNode['1 WholeStageCodegen (3)']).toEqual({ duration: '1 ms' });
    expect(byNode['0 AdaptiveSparkPlan']).toEqual({});
  });

  it('second execution', () => {
    const data = toExecutionData(all[1]!, { details: true, planDescription: false, now: 0 });
    expect(data.submissionTime).toBe('2022-01-13T02:05:28.290GMT');
    expect(data.duration).toBe(1642039528481 - 1642039528290);
    expect(data.successJobIds).toEqual([3, 4, 5]);
    const byNode = metricsByNode(data);
    expect(byNode['9 Range']).toEqual({ 'number of output rows': '258' });
    expect(byNode['4 WholeStageCodegen (2)']).toEqual({
      duration: 'total (min, med, max (stageId: taskId))\n10 ms (0 ms, 1 ms, 4 ms (stage 8.0: task 26))',
    });
  });

  it('incremental takeDirty() ends with the same records as all()', () => {
    const inc = new SqlFold();
    const latest = new Map<number, SqlExecutionRecord>();
    let n = 0;
    for (const e of readEvents('local-1642039451826')) {
      inc.handle(e);
      if (++n % 7 === 0) for (const r of inc.takeDirty()) latest.set(r.executionId, r);
    }
    for (const r of inc.takeDirty()) latest.set(r.executionId, r);
    expect(inc.takeDirty()).toEqual([]);
    expect(inc.takeRemoved()).toEqual([]);
    expect([...latest.values()].sort((a, b) => a.executionId - b.executionId)).toEqual(all);
    // Records are plain JSON.
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });
});

/** Scala Set order for more than four Ints, written out for the stage set above. */
function scalaSet(ids: number[]): number[] {
  // Set(0, 1, 2, 3, 4, 5) iterates as 0, 5, 1, 2, 3, 4 in Scala 2.12.
  expect([...ids].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  return [0, 5, 1, 2, 3, 4];
}
