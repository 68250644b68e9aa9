import { describe, expect, it } from 'vitest';
import { allPlanNodes, buildPlanGraph, graphMetrics } from '../../src/server/status/sql/planGraph.js';
import { scalaIterationOrder } from '../../src/server/status/sql/scalaOrder.js';

type Plan = { nodeName: string; simpleString?: string; children?: Plan[]; metrics?: { name: string; accumulatorId: number; metricType: string }[] };

const p = (nodeName: string, children: Plan[] = [], metrics: Plan['metrics'] = [], simpleString = nodeName): Plan => ({
  nodeName,
  simpleString,
  children,
  metadata: {},
  metrics,
} as Plan);
const m = (name: string, accumulatorId: number, metricType = 'sum') => ({ name, accumulatorId, metricType });

describe('SparkPlanGraph', () => {
  it('numbers nodes depth-first, puts codegen children in clusters and skips InputAdapter', () => {
    // Project <- WholeStageCodegen (1) [Filter <- Scan]  (the shape of Spark's SqlResourceSuite)
    const plan = p('CollectLimit', [
      p('WholeStageCodegen (1)', [p('Filter', [p('InputAdapter', [p('Scan text', [], [m('number of output rows', 4)])])], [m('number of output rows', 1)])], [
        m('duration', 0, 'timing'),
      ]),
    ]);
    const g = buildPlanGraph(plan);
    expect(g.nodes.map((n) => [n.id, n.name, n.cluster?.map((c) => c.id)])).toEqual([
      [0, 'CollectLimit', undefined],
      [1, 'WholeStageCodegen (1)', [2]],
      [3, 'Scan text', undefined],
    ]);
    expect(g.edges).toEqual([
      { fromId: 2, toId: 0 },
      { fromId: 3, toId: 2 },
    ]);
    expect(allPlanNodes(g).map((n) => n.id)).toEqual([0, 2, 1, 3]);
    expect(graphMetrics(g).map((x) => x.accumulatorId).sort()).toEqual([0, 1, 4]);
  });

  it('points a ReusedExchange at the exchange it re-uses (matched by name, text and children)', () => {
    const exchange = () => p('Exchange', [p('Range', [], [], 'Range (0, 10)')], [m('data size', 9, 'size')], 'Exchange hashpartitioning(id, 200)');
    const plan = p('SortMergeJoin', [exchange(), p('ReusedExchange', [exchange()], [], 'ReusedExchange [id#1]')]);
    const g = buildPlanGraph(plan);
    expect(g.nodes.map((n) => n.name)).toEqual(['SortMergeJoin', 'Exchange', 'Range']);
    expect(g.edges).toEqual([
      { fromId: 1, toId: 0 },
      { fromId: 2, toId: 1 },
      { fromId: 1, toId: 0 },
    ]);
  });

  it('adaptive query stages: wrappers vanish, a re-used stage points to the first one', () => {
    const exchange = () => p('Exchange', [p('LocalTableScan', [], [], 'LocalTableScan [a#1]')], [], 'Exchange SinglePartition');
    const plan = p('AdaptiveSparkPlan', [
      p('Union', [p('ShuffleQueryStage', [exchange()]), p('ShuffleQueryStage', [exchange()]), p('TableCacheQueryStage', [p('InMemoryTableScan')])]),
    ]);
    const g = buildPlanGraph(plan);
    expect(g.nodes.map((n) => `${n.id}:${n.name}`)).toEqual(['0:AdaptiveSparkPlan', '1:Union', '2:Exchange', '3:LocalTableScan', '4:InMemoryTableScan']);
    expect(g.edges).toEqual([
      { fromId: 1, toId: 0 },
      { fromId: 2, toId: 1 },
      { fromId: 3, toId: 2 },
      { fromId: 2, toId: 1 },
      { fromId: 4, toId: 1 },
    ]);
  });

  it('Spark 4.x: the ResultQueryStage around the final stage of an adaptive plan vanishes, its child takes its place', () => {
    const plan = p('AdaptiveSparkPlan', [p('ResultQueryStage', [p('WholeStageCodegen (7)', [p('Sort', [p('InputAdapter', [p('AQEShuffleRead')])])])])]);
    const g = buildPlanGraph(plan);
    expect(g.nodes.map((n) => `${n.id}:${n.name}`)).toEqual(['0:AdaptiveSparkPlan', '1:WholeStageCodegen (7)', '3:AQEShuffleRead']);
    expect(g.edges).toEqual([
      { fromId: 2, toId: 0 },
      { fromId: 3, toId: 2 },
    ]);
  });

  it('never draws a subquery inside a codegen cluster', () => {
    const plan = p('WholeStageCodegen (3)', [p('Filter', [p('Subquery', [p('LocalTableScan')], [m('data size', 5, 'size')])])]);
    const g = buildPlanGraph(plan);
    expect(g.nodes.map((n) => [n.name, n.cluster?.map((c) => c.name)])).toEqual([
      ['WholeStageCodegen (3)', ['Filter']],
      ['Subquery', undefined],
      ['LocalTableScan', undefined],
    ]);
    // The subquery and everything under it are built outside the cluster.
    expect(g.edges).toEqual([
      { fromId: 2, toId: 1 },
      { fromId: 3, toId: 2 },
    ]);
  });

  it('survives missing or malformed plans', () => {
    expect(buildPlanGraph(undefined)).toEqual({ nodes: [], edges: [] });
    expect(buildPlanGraph({ nodeName: 'WholeStageCodegen (1)', children: null }).nodes).toHaveLength(1);
    expect(buildPlanGraph({ nodeName: 'X', metrics: [{ name: 'a' }, { name: 'b', accumulatorId: '7', metricType: 'sum' }] }).nodes[0]!.metrics).toEqual([
      { name: 'b', accumulatorId: 7, metricType: 'sum' },
    ]);
  });
});

describe('Scala 2.12 immutable Set/Map iteration order', () => {
  it('keeps insertion order up to four entries', () => {
    expect(scalaIterationOrder([3, 1, 2])).toEqual([3, 1, 2]);
    expect(scalaIterationOrder([9, 0, 7, 4])).toEqual([9, 0, 7, 4]);
  });

  it('uses hash-trie order from five entries on (as the Scala 2.12 REPL prints Set(1,2,3,4,5))', () => {
    expect(scalaIterationOrder([1, 2, 3, 4, 5])).toEqual([5, 1, 2, 3, 4]);
    expect(scalaIterationOrder([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([5, 10, 1, 6, 9, 2, 7, 3, 8, 4]);
    expect(scalaIterationOrder([5, 4, 3, 2, 1])).toEqual([5, 1, 2, 3, 4]);
  });
});
