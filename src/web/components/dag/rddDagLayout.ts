import { graphLayout, type Box, type Point } from '../graphLayout/graphLayout.js';
import type { RddDagCluster, RddDagModel } from './rddDagModel.js';

/*
 * Top-down layout of one stage's RDD graph with its nested operation-scope clusters (the stage is the root
 * cluster), on the console's one graph layout (graphLayout.ts, dagre). Coordinates are relative to the stage
 * cluster's top-left corner. Pure arithmetic: text widths come from the caller.
 */

export type { Box, Point };

export interface RddDagMetrics {
  nodeWidth: (nodeId: number) => number;
  nodeHeight: number;
  /** Width of a cluster's label (its box is at least this wide). */
  labelWidth: (cluster: RddDagCluster) => number;
  gapX: number;
  gapY: number;
  clusterPadding: number;
  /** Height of a cluster's label row above its content. */
  clusterLabel: number;
}

export const DEFAULT_RDD_DAG_METRICS: Omit<RddDagMetrics, 'nodeWidth' | 'labelWidth'> = {
  nodeHeight: 40,
  gapX: 18,
  gapY: 26,
  clusterPadding: 10,
  clusterLabel: 18,
};

export interface RddDagLayout {
  width: number;
  height: number;
  nodes: Map<number, Box>;
  /** Clusters outermost first (draw order), with their depth (root 0) and where their label goes. */
  clusters: { cluster: RddDagCluster; box: Box; label: Box; depth: number }[];
  /** The model's edges with their routes. */
  edges: { from: number; to: number; points: Point[] }[];
}

export function layoutRddDag(model: RddDagModel, m: RddDagMetrics): RddDagLayout {
  const clusterInputs: { id: string; parent?: string; labelWidth: number; labelHeight: number }[] = [];
  const nodeInputs: { id: string; width: number; height: number; cluster: string }[] = [];
  const ordered: { cluster: RddDagCluster; depth: number }[] = [];
  const walk = (c: RddDagCluster, parent: string | undefined, depth: number) => {
    clusterInputs.push({ id: c.id, ...(parent !== undefined ? { parent } : {}), labelWidth: m.labelWidth(c), labelHeight: m.clusterLabel });
    ordered.push({ cluster: c, depth });
    for (const id of c.nodes) nodeInputs.push({ id: String(id), width: m.nodeWidth(id), height: m.nodeHeight, cluster: c.id });
    for (const child of c.clusters) walk(child, c.id, depth + 1);
  };
  walk(model.root, undefined, 0);
  const laid = graphLayout(
    nodeInputs,
    clusterInputs,
    model.edges.map(([from, to]) => ({ from: String(from), to: String(to) })),
    { direction: 'TB', nodeGap: m.gapX, rankGap: m.gapY, clusterPadding: m.clusterPadding, margin: 0 },
  );
  // Relative to the stage cluster, which encloses everything.
  const root = laid.clusters.get(model.root.id)!;
  const shift = (b: Box): Box => ({ x: b.x - root.x, y: b.y - root.y, width: b.width, height: b.height });
  const nodes = new Map<number, Box>();
  for (const id of model.nodes.keys()) nodes.set(id, shift(laid.nodes.get(String(id))!));
  return {
    width: root.width,
    height: root.height,
    nodes,
    clusters: ordered.map(({ cluster, depth }) => ({ cluster, depth, box: shift(laid.clusters.get(cluster.id)!), label: shift(laid.labels.get(cluster.id)!) })),
    edges: laid.edges.map((e) => ({ from: Number(e.from), to: Number(e.to), points: e.points.map((p) => ({ x: p.x - root.x, y: p.y - root.y })) })),
  };
}
