import { describe, expect, it } from 'vitest';
import { graphLayout, type Box, type GraphClusterInput, type GraphEdgeInput, type GraphLayout, type GraphNodeInput, type Point } from '../../src/web/components/graphLayout/graphLayout.js';

const OPTIONS = { direction: 'TB', nodeGap: 24, rankGap: 30, clusterPadding: 10, margin: 12 } as const;

/** Points along the drawn curve of an edge (cubic segments with vertical tangents, as curvedEdgePath draws them). */
function curvePoints(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const dy = (b.y - a.y) / 2;
    const c1 = { x: a.x, y: a.y + dy };
    const c2 = { x: b.x, y: b.y - dy };
    for (let s = 0; s <= 40; s++) {
      const t = s / 40;
      const u = 1 - t;
      out.push({
        x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
        y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y,
      });
    }
  }
  return out;
}

const inside = (p: Point, b: Box, slack = 0.5) => p.x > b.x + slack && p.x < b.x + b.width - slack && p.y > b.y + slack && p.y < b.y + b.height - slack;
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.width <= outer.x + outer.width + 0.01 && inner.y + inner.height <= outer.y + outer.height + 0.01;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function checkGeometry(nodes: GraphNodeInput[], clusters: GraphClusterInput[], edges: GraphEdgeInput[], l: GraphLayout) {
  const all = [...l.nodes.values()];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!)).toBe(false);
  for (const n of nodes) if (n.cluster !== undefined) expect(contains(l.clusters.get(n.cluster)!, l.nodes.get(n.id)!)).toBe(true);
  for (const c of clusters) {
    const box = l.clusters.get(c.id)!;
    const label = l.labels.get(c.id)!;
    expect(contains(box, label)).toBe(true);
    expect(label.width).toBeGreaterThanOrEqual(c.labelWidth);
    if (c.parent !== undefined) expect(contains(l.clusters.get(c.parent)!, box)).toBe(true);
    // The label is above everything in its cluster.
    for (const n of nodes) if (n.cluster === c.id) expect(label.y + label.height).toBeLessThanOrEqual(l.nodes.get(n.id)!.y);
  }
  // No edge passes through a cluster label or through a node it does not join.
  for (const e of l.edges) {
    const pts = curvePoints(e.points);
    for (const label of l.labels.values()) for (const p of pts) expect(inside(p, label), `edge ${e.from}->${e.to} crosses a label`).toBe(false);
    for (const [id, b] of l.nodes) if (id !== e.from && id !== e.to) for (const p of pts) expect(inside(p, b), `edge ${e.from}->${e.to} crosses node ${id}`).toBe(false);
  }
  expect(l.edges).toHaveLength(edges.length);
  for (const e of l.edges) {
    // Down the page, from the source's bottom to the target's top.
    expect(e.points[0]!.y).toBeCloseTo(l.nodes.get(e.from)!.y + l.nodes.get(e.from)!.height, 0);
    expect(e.points.at(-1)!.y).toBeCloseTo(l.nodes.get(e.to)!.y, 0);
  }
  for (const b of [...l.nodes.values(), ...l.clusters.values()]) {
    expect(b.x + b.width).toBeLessThanOrEqual(l.width);
    expect(b.y + b.height).toBeLessThanOrEqual(l.height);
  }
}

describe('the one graph layout (dagre)', () => {
  it('lays out a plan with two codegen clusters: members inside, labels above and clear of every edge', () => {
    // A broadcast join plan: scan → filter → (codegen 1) and scan → (codegen 2) → exchange → join ← broadcast.
    const nodes: GraphNodeInput[] = [
      { id: 'scanA', width: 160, height: 60 },
      { id: 'filterA', width: 140, height: 50, cluster: 'wsc1' },
      { id: 'projectA', width: 120, height: 40, cluster: 'wsc1' },
      { id: 'scanB', width: 180, height: 60 },
      { id: 'projectB', width: 120, height: 40, cluster: 'wsc2' },
      { id: 'broadcast', width: 150, height: 50 },
      { id: 'join', width: 200, height: 70, cluster: 'wsc3' },
      { id: 'agg', width: 160, height: 60, cluster: 'wsc3' },
      { id: 'exchange', width: 150, height: 50 },
    ];
    const clusters: GraphClusterInput[] = [
      { id: 'wsc1', labelWidth: 230, labelHeight: 34 },
      { id: 'wsc2', labelWidth: 230, labelHeight: 34 },
      { id: 'wsc3', labelWidth: 260, labelHeight: 34 },
    ];
    const edges: GraphEdgeInput[] = [
      { from: 'scanA', to: 'filterA' },
      { from: 'filterA', to: 'projectA' },
      { from: 'projectA', to: 'broadcast' },
      { from: 'scanB', to: 'projectB' },
      { from: 'projectB', to: 'join' },
      { from: 'broadcast', to: 'join' },
      { from: 'join', to: 'agg' },
      { from: 'agg', to: 'exchange' },
      { from: 'scanA', to: 'agg' },
    ];
    checkGeometry(nodes, clusters, edges, graphLayout(nodes, clusters, edges, OPTIONS));
  });

  it('nests clusters (a stage holding operation scopes) and keeps each inside its parent', () => {
    const nodes: GraphNodeInput[] = [
      { id: '0', width: 120, height: 40, cluster: 'codegen' },
      { id: '1', width: 120, height: 40, cluster: 'codegen' },
      { id: '2', width: 120, height: 40, cluster: 'exchange' },
      { id: '3', width: 120, height: 40, cluster: 'exchange' },
      { id: '4', width: 120, height: 40, cluster: 'stage' },
    ];
    const clusters: GraphClusterInput[] = [
      { id: 'stage', labelWidth: 60, labelHeight: 16 },
      { id: 'codegen', parent: 'stage', labelWidth: 150, labelHeight: 16 },
      { id: 'exchange', parent: 'stage', labelWidth: 70, labelHeight: 16 },
    ];
    const edges: GraphEdgeInput[] = [
      { from: '0', to: '1' },
      { from: '1', to: '2' },
      { from: '2', to: '3' },
      { from: '3', to: '4' },
    ];
    const l = graphLayout(nodes, clusters, edges, OPTIONS);
    checkGeometry(nodes, clusters, edges, l);
    // The stage's label sits above its inner clusters too.
    const stageLabel = l.labels.get('stage')!;
    for (const inner of ['codegen', 'exchange']) expect(stageLabel.y + stageLabel.height).toBeLessThanOrEqual(l.clusters.get(inner)!.y);
  });

  it('ignores edges to unknown nodes and self-loops, and lays out an empty cluster around its label', () => {
    const l = graphLayout(
      [{ id: 'a', width: 50, height: 20 }],
      [{ id: 'empty', labelWidth: 80, labelHeight: 14 }],
      [{ from: 'a', to: 'zzz' }, { from: 'a', to: 'a' }],
      OPTIONS,
    );
    expect(l.edges).toEqual([]);
    expect(l.clusters.get('empty')!.width).toBeGreaterThanOrEqual(80);
  });
});
