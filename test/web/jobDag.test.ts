import { describe, expect, it } from 'vitest';
import type { RddNode } from '../../src/api/index.js';
import { layoutJobDag, rddBox } from '../../src/web/components/dag/jobDagLayout.js';
import { DEFAULT_RDD_DAG_METRICS } from '../../src/web/components/dag/rddDagLayout.js';

const scope = (id: string, name: string) => JSON.stringify({ id, name });
function rdd(id: number, name: string, parentIds: number[], scopeJson?: string): RddNode {
  return { id, name, parentIds, callSite: `count at <console>:23`, cached: false, barrier: false, deterministicLevel: 'DETERMINATE', ...(scopeJson ? { scope: scopeJson } : {}) };
}

// Job 2 of Spark's sample log local-1642039451826 (from its stage graph): stages 3 → 4 → 5, each reading the
// previous one's shuffle output.
const STAGES = [
  { stageId: 5, attemptId: 0, parentIds: [4], rdds: [rdd(10, 'MapPartitionsRDD', [9], scope('12', 'mapPartitionsInternal')), rdd(9, 'MapPartitionsRDD', [8], scope('11', 'WholeStageCodegen (3)')), rdd(8, 'ShuffledRowRDD', [7], scope('10', 'Exchange'))] },
  { stageId: 3, attemptId: 0, parentIds: [], rdds: [rdd(4, 'MapPartitionsRDD', [3], scope('3', 'Exchange')), rdd(3, 'MapPartitionsRDD', [2], scope('3', 'Exchange')), rdd(2, 'MapPartitionsRDD', [1], scope('1', 'WholeStageCodegen (1)')), rdd(1, 'MapPartitionsRDD', [0], scope('1', 'WholeStageCodegen (1)')), rdd(0, 'ParallelCollectionRDD', [], scope('1', 'WholeStageCodegen (1)'))] },
  { stageId: 4, attemptId: 0, parentIds: [3], rdds: [rdd(7, 'MapPartitionsRDD', [6], scope('8', 'Exchange')), rdd(6, 'MapPartitionsRDD', [5], scope('7', 'WholeStageCodegen (2)')), rdd(5, 'ShuffledRowRDD', [4], scope('8', 'Exchange'))] },
];
const METRICS = { ...DEFAULT_RDD_DAG_METRICS, nodeWidth: () => 14, nodeHeight: 14, labelWidth: () => 60 };

describe('job DAG layout', () => {
  const dag = layoutJobDag(STAGES, METRICS, { stageGapX: 40, stageGapY: 10 });

  it('gives every stage its RDD graph with operation-scope clusters', () => {
    expect([...dag.stages.keys()].sort()).toEqual([3, 4, 5]);
    const s3 = dag.stages.get(3)!;
    expect([...s3.model.nodes.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(s3.model.edges).toHaveLength(4);
    expect(s3.layout.clusters.map((c) => c.cluster.name).sort()).toEqual(['Exchange', 'Stage 3', 'WholeStageCodegen (1)']);
  });

  it('joins the RDD a stage reads to the RDD of the parent stage that wrote it', () => {
    expect(dag.crossEdges).toEqual([
      { from: { stageId: 4, rddId: 7 }, to: { stageId: 5, rddId: 8 } },
      { from: { stageId: 3, rddId: 4 }, to: { stageId: 4, rddId: 5 } },
    ]);
  });

  it('puts parent stages to the left, without overlapping stage clusters', () => {
    const x = (id: number) => dag.stages.get(id)!.x;
    expect(x(3)).toBeLessThan(x(4));
    expect(x(4)).toBeLessThan(x(5));
    const right3 = x(3) + dag.stages.get(3)!.layout.width;
    expect(right3).toBeLessThanOrEqual(x(4));
    // Cross edges run left to right.
    for (const e of dag.crossEdges) expect(rddBox(dag, e.from.stageId, e.from.rddId)!.x).toBeLessThan(rddBox(dag, e.to.stageId, e.to.rddId)!.x);
    expect(dag.width).toBe(x(5) + dag.stages.get(5)!.layout.width);
  });

  it('stacks independent stages of one layer and leaves out parents outside the job', () => {
    const two = layoutJobDag(
      [
        { stageId: 0, attemptId: 0, parentIds: [], rdds: [rdd(0, 'A', [])] },
        { stageId: 1, attemptId: 0, parentIds: [], rdds: [rdd(1, 'B', [])] },
        { stageId: 2, attemptId: 0, parentIds: [0, 1, 99], rdds: [rdd(2, 'C', [0, 1, 50])] },
      ],
      METRICS,
      { stageGapX: 40, stageGapY: 10 },
    );
    const s0 = two.stages.get(0)!;
    const s1 = two.stages.get(1)!;
    expect(s0.x).toBe(s1.x);
    expect(s1.y).toBeGreaterThanOrEqual(s0.y + s0.layout.height + 10);
    expect(two.crossEdges.map((e) => `${e.from.stageId}:${e.from.rddId}->${e.to.stageId}:${e.to.rddId}`)).toEqual(['0:0->2:2', '1:1->2:2']);
  });
});
