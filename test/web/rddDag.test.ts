import { describe, expect, it } from 'vitest';
import type { RddNode } from '../../src/api/index.js';
import { longestPathLayers } from '../../src/web/components/dag/jobDagLayout.js';
import { DEFAULT_RDD_DAG_METRICS, layoutRddDag, type Box } from '../../src/web/components/dag/rddDagLayout.js';
import { parseScopeChain, rddDagModel, rddLabel } from '../../src/web/components/dag/rddDagModel.js';

function rdd(id: number, name: string, parentIds: number[], scope?: string, extra: Partial<RddNode> = {}): RddNode {
  return { id, name, parentIds, callSite: `site ${id}`, cached: false, barrier: false, deterministicLevel: 'DETERMINATE', ...(scope !== undefined ? { scope } : {}), ...extra };
}

const scope = (id: string, name: string, parent?: object) => JSON.stringify({ id, name, ...(parent ? { parent } : {}) });

// sc.textFile(…).map(…) in one stage: textFile's scope holds HadoopRDD and MapPartitionsRDD; map is nested
// under an outer "collect" scope here to exercise nesting.
const outer = { id: '0', name: 'collect' };
const rdds: RddNode[] = [
  rdd(2, 'MapPartitionsRDD', [1], scope('3', 'map', outer)),
  rdd(1, 'MapPartitionsRDD', [0], scope('1', 'textFile')),
  rdd(0, 'HadoopRDD', [], scope('1', 'textFile'), { cached: true }),
  rdd(3, 'UnionRDD', [2, 1, 9], undefined, { deterministicLevel: 'INDETERMINATE', barrier: true }),
];

function inside(inner: Box, outerBox: Box): boolean {
  return inner.x >= outerBox.x && inner.y >= outerBox.y && inner.x + inner.width <= outerBox.x + outerBox.width && inner.y + inner.height <= outerBox.y + outerBox.height;
}
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('RDD DAG model (Spark RDDOperationGraph)', () => {
  it('reads operation scopes outermost first', () => {
    expect(parseScopeChain(scope('3', 'map', outer))).toEqual([
      { id: '0', name: 'collect' },
      { id: '3', name: 'map' },
    ]);
    expect(parseScopeChain(undefined)).toEqual([]);
    expect(parseScopeChain('not json')).toEqual([]);
  });

  it('labels nodes like Spark', () => {
    expect(rddLabel(rdds[2]!)).toBe('HadoopRDD [0] [Cached]');
    expect(rddLabel(rdds[3]!)).toBe('UnionRDD [3] [Barrier] [Indeterminate]');
    expect(rddLabel({ id: 4, name: 'X', cached: false, barrier: false, deterministicLevel: 'UNORDERED' })).toBe('X [4] [Unordered]');
  });

  it('nests clusters by scope under the stage cluster; edges stay inside the stage', () => {
    const m = rddDagModel(4, 1, rdds);
    expect(m.root.name).toBe('Stage 4 (attempt 1)');
    expect(m.root.nodes).toEqual([3]);
    expect(m.root.barrier).toBe(true);
    expect(m.root.clusters.map((c) => [c.name, c.nodes, c.clusters.map((k) => k.name)])).toEqual([
      ['textFile', [0, 1], []],
      ['collect', [], ['map']],
    ]);
    expect(m.root.clusters[1]!.clusters[0]!.nodes).toEqual([2]);
    // RDD 9 is in another stage: no edge.
    expect(m.edges).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [1, 3],
    ]);
    expect(rddDagModel(0, 0, []).root.name).toBe('Stage 0');
  });
});

describe('RDD DAG layout', () => {
  const layout = layoutRddDag(rddDagModel(4, 0, rdds), { ...DEFAULT_RDD_DAG_METRICS, nodeWidth: (id) => 100 + id * 10, labelWidth: () => 60 });

  it('puts every node inside its clusters and keeps sibling boxes apart', () => {
    const box = (name: string) => layout.clusters.find((c) => c.cluster.name === name)!.box;
    expect(layout.clusters[0]!.cluster.kind).toBe('stage');
    expect(layout.clusters[0]!.box).toEqual({ x: 0, y: 0, width: layout.width, height: layout.height });
    expect(inside(layout.nodes.get(0)!, box('textFile'))).toBe(true);
    expect(inside(layout.nodes.get(1)!, box('textFile'))).toBe(true);
    expect(inside(layout.nodes.get(2)!, box('map'))).toBe(true);
    expect(inside(box('map'), box('collect'))).toBe(true);
    expect(overlap(box('textFile'), box('collect'))).toBe(false);
    expect(overlap(layout.nodes.get(3)!, box('collect'))).toBe(false);
    for (const [id, b] of layout.nodes) expect(inside(b, layout.clusters[0]!.box), `node ${id}`).toBe(true);
  });

  it('flows top-down: every child RDD sits below its parents', () => {
    const y = (id: number) => layout.nodes.get(id)!.y;
    expect(y(1)).toBeGreaterThan(y(0));
    expect(y(2)).toBeGreaterThan(y(1));
    expect(y(3)).toBeGreaterThan(y(2));
  });

  it('keeps room for every cluster label above its content, and routes each edge from parent to child', () => {
    for (const { cluster, box, label } of layout.clusters) {
      expect(inside(label, box), cluster.name).toBe(true);
      for (const id of cluster.nodes) expect(label.y + label.height).toBeLessThanOrEqual(layout.nodes.get(id)!.y);
    }
    expect(layout.edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(['0->1', '1->2', '1->3', '2->3']);
    for (const e of layout.edges) {
      expect(e.points[0]!.y).toBeCloseTo(layout.nodes.get(e.from)!.y + layout.nodes.get(e.from)!.height);
      expect(e.points.at(-1)!.y).toBeCloseTo(layout.nodes.get(e.to)!.y);
    }
  });
});

describe('stage DAG layering from parent ids', () => {
  it('layers by longest path whatever the id order, and survives cycles', () => {
    const parents = new Map([
      [5, [4, 7]],
      [4, [3]],
      [7, []],
      [3, []],
    ]);
    const layers = longestPathLayers([5, 7, 3, 4], (id) => parents.get(id) ?? []);
    expect(Object.fromEntries(layers)).toEqual({ 3: 0, 4: 1, 5: 2, 7: 0 });
    const cyclic = longestPathLayers([1, 2], (id) => (id === 1 ? [2] : [1]));
    expect([...cyclic.values()].sort()).toEqual([0, 1]);
  });
});
