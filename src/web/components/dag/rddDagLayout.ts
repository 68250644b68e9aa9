import { longestPathLayers } from './layeredLayout.js';
import type { RddDagCluster, RddDagModel } from './rddDagModel.js';

/*
 * Top-down layered layout of an RDD graph with nested clusters, done cluster by cluster from the inside
 * out: inside a cluster, its RDDs and (already laid out) child clusters are blocks; an edge between RDDs in
 * two different blocks becomes an edge between the blocks; blocks are layered by longest path and each layer
 * is centred, in the order of its parents' positions. A cluster is then one block of its content's size
 * plus padding and a label row, so cluster boxes never overlap. Pure arithmetic: text widths come from the
 * caller.
 */

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

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RddDagLayout {
  width: number;
  height: number;
  nodes: Map<number, Box>;
  /** Clusters outermost first (draw order), with their depth (root 0). */
  clusters: { cluster: RddDagCluster; box: Box; depth: number }[];
}

interface Block {
  kind: 'node' | 'cluster';
  nodeId?: number;
  cluster?: LaidCluster;
  width: number;
  height: number;
  /** Smallest RDD id inside, for a stable order. */
  minId: number;
}

interface LaidCluster {
  cluster: RddDagCluster;
  width: number;
  height: number;
  /** Children with positions relative to the cluster's top-left corner. */
  children: { block: Block; x: number; y: number }[];
}

function rddIdsIn(c: RddDagCluster, out: number[] = []): number[] {
  out.push(...c.nodes);
  for (const child of c.clusters) rddIdsIn(child, out);
  return out;
}

export function layoutRddDag(model: RddDagModel, m: RddDagMetrics): RddDagLayout {
  function layoutCluster(cluster: RddDagCluster): LaidCluster {
    const blocks: Block[] = [
      ...cluster.nodes.map((id): Block => ({ kind: 'node', nodeId: id, width: m.nodeWidth(id), height: m.nodeHeight, minId: id })),
      ...cluster.clusters.map((c): Block => {
        const laid = layoutCluster(c);
        return { kind: 'cluster', cluster: laid, width: laid.width, height: laid.height, minId: Math.min(...rddIdsIn(c)) };
      }),
    ].sort((a, b) => a.minId - b.minId);
    // Which block of this cluster holds each RDD below it.
    const blockOf = new Map<number, number>();
    blocks.forEach((b, i) => {
      if (b.kind === 'node') blockOf.set(b.nodeId!, i);
      else for (const id of rddIdsIn(b.cluster!.cluster)) blockOf.set(id, i);
    });
    const blockParents: Set<number>[] = blocks.map(() => new Set());
    for (const [p, c] of model.edges) {
      const a = blockOf.get(p);
      const b = blockOf.get(c);
      if (a !== undefined && b !== undefined && a !== b) blockParents[b]!.add(a);
    }
    const indices = blocks.map((_, i) => i);
    const layerOf = longestPathLayers(indices, (i) => [...blockParents[i]!]);
    const layers: number[][] = [];
    for (const i of indices) (layers[layerOf.get(i)!] ??= []).push(i);

    // Place layers top to bottom; order each layer by where its parents are, then centre it.
    const centreX = new Map<number, number>();
    const rows: { members: number[]; width: number; height: number }[] = [];
    for (const layer of layers) {
      if (layer === undefined) continue;
      const anchor = (i: number) => {
        const xs = [...blockParents[i]!].map((p) => centreX.get(p)).filter((x): x is number => x !== undefined);
        return xs.length === 0 ? Infinity : xs.reduce((s, x) => s + x, 0) / xs.length;
      };
      layer.sort((a, b) => anchor(a) - anchor(b) || blocks[a]!.minId - blocks[b]!.minId);
      const width = layer.reduce((s, i) => s + blocks[i]!.width, 0) + m.gapX * (layer.length - 1);
      const height = Math.max(...layer.map((i) => blocks[i]!.height));
      // Provisional centres (relative to a row starting at 0) guide the next layer's order.
      let x = 0;
      for (const i of layer) {
        centreX.set(i, x + blocks[i]!.width / 2 - width / 2);
        x += blocks[i]!.width + m.gapX;
      }
      rows.push({ members: layer, width, height });
    }
    const contentWidth = Math.max(0, ...rows.map((r) => r.width));
    const labelWidth = m.labelWidth(cluster);
    const innerWidth = Math.max(contentWidth, labelWidth);
    const pad = m.clusterPadding;
    const children: LaidCluster['children'] = [];
    let y = pad + m.clusterLabel;
    for (const row of rows) {
      let x = pad + (innerWidth - row.width) / 2;
      for (const i of row.members) {
        const b = blocks[i]!;
        // Blocks in a row share its vertical centre.
        children.push({ block: b, x, y: y + (row.height - b.height) / 2 });
        x += b.width + m.gapX;
      }
      y += row.height + m.gapY;
    }
    const height = (rows.length > 0 ? y - m.gapY : y) + pad;
    return { cluster, width: innerWidth + 2 * pad, height, children };
  }

  const root = layoutCluster(model.root);
  const nodes = new Map<number, Box>();
  const clusters: RddDagLayout['clusters'] = [];
  const place = (laid: LaidCluster, x: number, y: number, depth: number) => {
    clusters.push({ cluster: laid.cluster, box: { x, y, width: laid.width, height: laid.height }, depth });
    for (const child of laid.children) {
      if (child.block.kind === 'node') nodes.set(child.block.nodeId!, { x: x + child.x, y: y + child.y, width: child.block.width, height: child.block.height });
      else place(child.block.cluster!, x + child.x, y + child.y, depth + 1);
    }
  };
  place(root, 0, 0, 0);
  return { width: root.width, height: root.height, nodes, clusters };
}
