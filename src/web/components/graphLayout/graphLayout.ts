import { Graph, layout as dagreLayout } from '@dagrejs/dagre';

/*
 * The one graph layout of the console — the job DAG, the stage RDD DAG and the SQL plan — on dagre
 * (@dagrejs/dagre, the layered layout Spark's own UI draws these graphs with, through dagre-d3). Nodes may sit
 * in nested clusters. A cluster's label is laid out as an invisible node of the cluster, ranked above every
 * member (an invisible edge from the label to each member that has no predecessor inside the cluster), so the
 * layout keeps its room: dagre routes other edges around it as around any node, and no edge crosses a label.
 */

export interface GraphNodeInput {
  id: string;
  width: number;
  height: number;
  /** Innermost cluster holding the node. */
  cluster?: string | undefined;
}

export interface GraphClusterInput {
  id: string;
  /** Enclosing cluster, for nested clusters. */
  parent?: string | undefined;
  labelWidth: number;
  labelHeight: number;
}

export interface GraphEdgeInput {
  from: string;
  to: string;
}

export interface GraphLayoutOptions {
  /** `TB`: edges point down the page; `LR`: to the right. */
  direction: 'TB' | 'LR';
  /** Space between neighbours in a rank. */
  nodeGap: number;
  /** Space between ranks. */
  rankGap: number;
  /** Space between a cluster's border and its content. */
  clusterPadding: number;
  margin: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  nodes: Map<string, Box>;
  clusters: Map<string, Box>;
  /** Where each cluster's label goes (inside its cluster box, clear of every edge). */
  labels: Map<string, Box>;
  /** Edges from source border to target border, through dagre's bend points. */
  edges: { from: string; to: string; points: Point[] }[];
  width: number;
  height: number;
}

const nodeKey = (id: string) => `n:${id}`;
const clusterKey = (id: string) => `c:${id}`;
const labelKey = (id: string) => `l:${id}`;

export function graphLayout(
  nodes: readonly GraphNodeInput[],
  clusters: readonly GraphClusterInput[],
  edges: readonly GraphEdgeInput[],
  options: GraphLayoutOptions,
): GraphLayout {
  const g = new Graph({ compound: true, multigraph: true });
  g.setGraph({
    rankdir: options.direction,
    nodesep: options.nodeGap,
    ranksep: options.rankGap,
    edgesep: Math.max(6, options.nodeGap / 3),
    marginx: options.margin,
    marginy: options.margin,
  });
  g.setDefaultEdgeLabel(() => ({}));
  const clusterIds = new Set(clusters.map((c) => c.id));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const pad = options.clusterPadding;
  for (const c of clusters) {
    g.setNode(clusterKey(c.id), { paddingTop: pad, paddingBottom: pad, paddingLeft: pad, paddingRight: pad });
    g.setNode(labelKey(c.id), { width: c.labelWidth, height: c.labelHeight });
    g.setParent(labelKey(c.id), clusterKey(c.id));
  }
  for (const c of clusters) if (c.parent !== undefined && clusterIds.has(c.parent)) g.setParent(clusterKey(c.id), clusterKey(c.parent));
  for (const n of nodes) {
    g.setNode(nodeKey(n.id), { width: n.width, height: n.height });
    if (n.cluster !== undefined && clusterIds.has(n.cluster)) g.setParent(nodeKey(n.id), clusterKey(n.cluster));
  }
  const drawn = edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to) && e.from !== e.to);
  drawn.forEach((e, i) => g.setEdge(nodeKey(e.from), nodeKey(e.to), {}, `e${i}`));

  // Each label above its cluster's entry members: the members (nodes, or the labels of child clusters) that no
  // edge from inside the same cluster reaches.
  const clusterOfNode = new Map(nodes.map((n) => [n.id, n.cluster !== undefined && clusterIds.has(n.cluster) ? n.cluster : undefined]));
  const parentOf = new Map(clusters.map((c) => [c.id, c.parent !== undefined && clusterIds.has(c.parent) ? c.parent : undefined]));
  /** The member of `cluster` that holds node `id` (the node itself or a child cluster), or undefined. */
  const memberOf = (id: string, cluster: string): string | undefined => {
    let inner: string | undefined = clusterOfNode.get(id);
    if (inner === cluster) return nodeKey(id);
    while (inner !== undefined) {
      const up = parentOf.get(inner);
      if (up === cluster) return labelKey(inner);
      inner = up;
    }
    return undefined;
  };
  for (const c of clusters) {
    const members = new Set<string>();
    for (const n of nodes) {
      const m = memberOf(n.id, c.id);
      if (m !== undefined) members.add(m);
    }
    for (const child of clusters) if (parentOf.get(child.id) === c.id) members.add(labelKey(child.id));
    const reached = new Set<string>();
    for (const e of drawn) {
      const from = memberOf(e.from, c.id);
      const to = memberOf(e.to, c.id);
      if (from !== undefined && to !== undefined && from !== to) reached.add(to);
    }
    for (const m of members) if (!reached.has(m)) g.setEdge(labelKey(c.id), m, { weight: 1, minlen: 1 }, `label:${c.id}:${m}`);
  }

  dagreLayout(g);

  const box = (key: string): Box => {
    const v = g.node(key) as { x: number; y: number; width: number; height: number };
    return { x: v.x - v.width / 2, y: v.y - v.height / 2, width: v.width, height: v.height };
  };
  const nodeBoxes = new Map(nodes.map((n) => [n.id, box(nodeKey(n.id))]));
  const clusterBoxes = new Map<string, Box>();
  const labelBoxes = new Map<string, Box>();
  for (const c of clusters) {
    clusterBoxes.set(c.id, box(clusterKey(c.id)));
    labelBoxes.set(c.id, box(labelKey(c.id)));
  }
  // dagre ends an edge where its first (last) segment meets the node's border, possibly on a side; the
  // console's curves leave a node from its bottom (right) side and enter the next at its top (left) side.
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const outEdges = drawn.map((e, i) => {
    const label = g.edge(nodeKey(e.from), nodeKey(e.to), `e${i}`) as { points?: Point[] } | undefined;
    const points = (label?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const a = nodeBoxes.get(e.from)!;
    const b = nodeBoxes.get(e.to)!;
    if (points.length >= 2) {
      const first = points[0]!;
      const last = points[points.length - 1]!;
      if (options.direction === 'TB') {
        points[0] = { x: clamp(first.x, a.x + 4, a.x + a.width - 4), y: a.y + a.height };
        points[points.length - 1] = { x: clamp(last.x, b.x + 4, b.x + b.width - 4), y: b.y };
      } else {
        points[0] = { x: a.x + a.width, y: clamp(first.y, a.y + 4, a.y + a.height - 4) };
        points[points.length - 1] = { x: b.x, y: clamp(last.y, b.y + 4, b.y + b.height - 4) };
      }
    }
    return { from: e.from, to: e.to, points };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { nodes: nodeBoxes, clusters: clusterBoxes, labels: labelBoxes, edges: outEdges, width: graph.width ?? 0, height: graph.height ?? 0 };
}

/**
 * An SVG path through an edge's points: a smooth curve whose tangents follow the layout direction at both ends
 * (the curve leaves and enters nodes straight), through the bend points dagre chose.
 */
export function curvedEdgePath(points: readonly Point[], direction: 'TB' | 'LR' = 'TB'): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  let d = `M${first.x},${first.y}`;
  let prev = first;
  for (const p of rest) {
    if (direction === 'TB') {
      const dy = (p.y - prev.y) / 2;
      d += ` C${prev.x},${prev.y + dy} ${p.x},${p.y - dy} ${p.x},${p.y}`;
    } else {
      const dx = (p.x - prev.x) / 2;
      d += ` C${prev.x + dx},${prev.y} ${p.x - dx},${p.y} ${p.x},${p.y}`;
    }
    prev = p;
  }
  return d;
}
