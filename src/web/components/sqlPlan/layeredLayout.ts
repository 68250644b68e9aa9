import { isotonicPlacement } from './isotonicPlacement.js';

/*
 * A small layered ("Sugiyama") layout for plan graphs, top-down: every edge points down the page from a child
 * to its parent. Steps: layers by longest distance to a sink (so a short branch sits next to where it joins),
 * dummy nodes on edges that skip layers, an order per layer from a depth-first walk (plans are mostly trees,
 * for which that order has no crossings) improved by barycentre sweeps when edges cross, x positions that pull
 * each node over its neighbours with minimum spacing kept (isotonic placement), and group (cluster) boxes
 * around members, whose members keep together and prefer to stack in a column.
 */

export interface LayoutNodeInput {
  id: string;
  width: number;
  height: number;
  /** Cluster the node belongs to. */
  group?: string;
}

/** `from` is drawn above `to` (child above parent). */
export interface LayoutEdgeInput {
  from: string;
  to: string;
}

export interface LayoutOptions {
  nodeGap: number;
  layerGap: number;
  groupPadding: number;
  /** Height of a group's label band above its members. */
  groupLabelHeight: (group: string) => number;
  /** Minimum width of a group's box (so its label fits). */
  groupMinWidth?: (group: string) => number;
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

export interface LayoutResult {
  nodes: Map<string, Box & { layer: number }>;
  edges: { from: string; to: string; points: Point[] }[];
  groups: Map<string, Box>;
  width: number;
  height: number;
}

interface LNode {
  id: string;
  width: number;
  height: number;
  group?: string;
  dummy: boolean;
  layer: number;
  /** Input order (the plan's child order); dummies take their edge's child's. */
  rank: number;
  up: LNode[];
  down: LNode[];
  x: number;
}

const DUMMY_WIDTH = 2;

function assignLayers(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[]): Map<string, number> {
  const parents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) parents.get(e.from)?.push(e.to);
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (id: string): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle (not expected in a plan): cut it here
    visiting.add(id);
    let l = 0;
    for (const p of parents.get(id) ?? []) l = Math.max(l, levelOf(p) + 1);
    visiting.delete(id);
    level.set(id, l);
    return l;
  };
  let max = 0;
  for (const n of nodes) max = Math.max(max, levelOf(n.id));
  return new Map(nodes.map((n) => [n.id, max - level.get(n.id)!]));
}

function countCrossings(upper: readonly LNode[], lower: readonly LNode[]): number {
  const pos = new Map(lower.map((n, i) => [n, i]));
  const segs: [number, number][] = [];
  upper.forEach((u, i) => u.down.forEach((d) => segs.push([i, pos.get(d) ?? 0])));
  let c = 0;
  for (let a = 0; a < segs.length; a++) {
    for (let b = a + 1; b < segs.length; b++) {
      const [a1, a2] = segs[a]!;
      const [b1, b2] = segs[b]!;
      if ((a1 - b1) * (a2 - b2) < 0) c++;
    }
  }
  return c;
}

function totalCrossings(layers: readonly LNode[][]): number {
  let c = 0;
  for (let l = 0; l + 1 < layers.length; l++) c += countCrossings(layers[l]!, layers[l + 1]!);
  return c;
}

/** Keeps members of one group next to each other, where the group's first member stands. */
function keepGroupsTogether(order: LNode[]): LNode[] {
  const out: LNode[] = [];
  const placed = new Set<string>();
  for (const n of order) {
    if (n.group === undefined) out.push(n);
    else if (!placed.has(n.group)) {
      placed.add(n.group);
      out.push(...order.filter((m) => m.group === n.group));
    }
  }
  return out;
}

function sortByBarycentre(layer: LNode[], neighbours: (n: LNode) => readonly LNode[], positions: Map<LNode, number>): LNode[] {
  const keyed = layer.map((n, i) => {
    const ns = neighbours(n);
    const bc = ns.length === 0 ? i : ns.reduce((s, m) => s + positions.get(m)!, 0) / ns.length;
    return { n, bc, i };
  });
  keyed.sort((a, b) => a.bc - b.bc || a.i - b.i);
  return keepGroupsTogether(keyed.map((k) => k.n));
}

function reduceCrossings(layers: LNode[][]): LNode[][] {
  let best = layers.map((l) => [...l]);
  let bestCount = totalCrossings(best);
  const current = best.map((l) => [...l]);
  for (let iter = 0; iter < 6 && bestCount > 0; iter++) {
    // Top-down: order by the children above; then bottom-up: by the parents below.
    for (let l = 1; l < current.length; l++) {
      const pos = new Map(current[l - 1]!.map((n, i) => [n, i]));
      current[l] = sortByBarycentre(current[l]!, (n) => n.up, pos);
    }
    for (let l = current.length - 2; l >= 0; l--) {
      const pos = new Map(current[l + 1]!.map((n, i) => [n, i]));
      current[l] = sortByBarycentre(current[l]!, (n) => n.down, pos);
    }
    const count = totalCrossings(current);
    if (count < bestCount) {
      best = current.map((l) => [...l]);
      bestCount = count;
    }
  }
  return best;
}

/**
 * A group's box spans every layer between its top and bottom member, but spacing only kept nodes clear of
 * members in their own layer. Push apart, always rightwards so it ends: a node (or another group's member)
 * overlapping a box on its right side moves right with everything after it in its layer; one overlapping on
 * the left side makes the group, and what follows it in each of its layers, move right instead.
 */
function separateGroups(layers: LNode[][], span: ReadonlyMap<string, { top: number; bottom: number }>, options: LayoutOptions): void {
  const pad = options.groupPadding;
  const gap = options.nodeGap;
  const shiftFrom = (layer: LNode[], from: number, delta: number) => {
    for (let i = from; i < layer.length; i++) layer[i]!.x += delta;
  };
  // Groups whose order differs between layers cannot all be separated and would push each other forever:
  // then the positions from before are kept (boxes may overlap, nothing else breaks).
  const before = layers.map((layer) => layer.map((n) => n.x));
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (const [g, { top, bottom }] of span) {
      let left = Infinity;
      let right = -Infinity;
      for (let l = top; l <= bottom; l++) {
        for (const n of layers[l]!) {
          if (n.group !== g) continue;
          left = Math.min(left, n.x - n.width / 2);
          right = Math.max(right, n.x + n.width / 2);
        }
      }
      const minWidth = options.groupMinWidth?.(g) ?? 0;
      if (right - left < minWidth) {
        const centre = (left + right) / 2;
        left = centre - minWidth / 2;
        right = centre + minWidth / 2;
      }
      left -= pad;
      right += pad;
      const centre = (left + right) / 2;
      for (let l = top; l <= bottom && !moved; l++) {
        const layer = layers[l]!;
        for (let i = 0; i < layer.length; i++) {
          const n = layer[i]!;
          if (n.dummy || n.group === g) continue;
          const half = n.width / 2 + (n.group !== undefined ? pad : 0);
          const nLeft = n.x - half;
          const nRight = n.x + half;
          // Half a pixel of slack: a node pushed to exactly the edge must not count as overlapping again.
          if (nRight + gap / 2 <= left + 0.5 || nLeft - gap / 2 >= right - 0.5) continue;
          // In a layer holding members, the order decides the side (members are contiguous there).
          const memberAt = layer.findIndex((k) => k.group === g);
          const after = memberAt >= 0 ? i > memberAt : n.x >= centre;
          if (after) shiftFrom(layer, i, right + gap / 2 - nLeft);
          else {
            const delta = nRight + gap / 2 - left;
            for (let m = top; m <= bottom; m++) {
              const row = layers[m]!;
              const first = row.findIndex((k) => k.group === g || (k !== n && k.x - k.width / 2 >= left));
              if (first >= 0) shiftFrom(row, first, delta);
            }
          }
          moved = true;
          break;
        }
      }
    }
    if (!moved) return;
  }
  layers.forEach((layer, l) => layer.forEach((n, i) => (n.x = before[l]![i]!)));
}

/**
 * Puts groups in the same left-to-right order in every layer they share (boxes spanning several layers cannot
 * be kept apart otherwise): each layer's group blocks are re-dealt into the slots group blocks already
 * held, in the order of each group's mean relative position; nodes outside groups stay where they are.
 */
function alignGroupOrder(layers: LNode[][]): LNode[][] {
  const sum = new Map<string, { total: number; count: number }>();
  for (const layer of layers) {
    layer.forEach((n, i) => {
      if (n.group === undefined) return;
      const e = sum.get(n.group) ?? { total: 0, count: 0 };
      e.total += (i + 0.5) / layer.length;
      e.count += 1;
      sum.set(n.group, e);
    });
  }
  const key = (g: string) => sum.get(g)!.total / sum.get(g)!.count;
  return layers.map((layer) => {
    const units: LNode[][] = [];
    for (const n of layer) {
      const last = units[units.length - 1];
      if (n.group !== undefined && last !== undefined && last[0]!.group === n.group) last.push(n);
      else units.push([n]);
    }
    const groupUnits = units.filter((u) => u[0]!.group !== undefined).sort((a, b) => key(a[0]!.group!) - key(b[0]!.group!));
    let next = 0;
    return units.map((u) => (u[0]!.group !== undefined ? groupUnits[next++]! : u)).flat();
  });
}

export function layeredLayout(inputNodes: readonly LayoutNodeInput[], inputEdges: readonly LayoutEdgeInput[], options: LayoutOptions): LayoutResult {
  const layerOf = assignLayers(inputNodes, inputEdges);
  const byId = new Map<string, LNode>();
  inputNodes.forEach((n, i) => {
    byId.set(n.id, { id: n.id, width: n.width, height: n.height, group: n.group, dummy: false, layer: layerOf.get(n.id)!, rank: i, up: [], down: [], x: 0 });
  });
  const all = [...byId.values()];

  // Edges, split by dummies where they skip layers; `chains` keeps each edge's nodes for routing.
  const chains: { from: string; to: string; nodes: LNode[] }[] = [];
  for (const e of inputEdges) {
    const child = byId.get(e.from);
    const parent = byId.get(e.to);
    if (child === undefined || parent === undefined || child.layer >= parent.layer) continue;
    const chain = [child];
    for (let l = child.layer + 1; l < parent.layer; l++) {
      const d: LNode = { id: `${e.from}->${e.to}#${l}`, width: DUMMY_WIDTH, height: 0, dummy: true, layer: l, rank: child.rank, up: [], down: [], x: 0 };
      all.push(d);
      chain.push(d);
    }
    chain.push(parent);
    for (let i = 0; i + 1 < chain.length; i++) {
      chain[i]!.down.push(chain[i + 1]!);
      chain[i + 1]!.up.push(chain[i]!);
    }
    chains.push({ from: e.from, to: e.to, nodes: chain });
  }
  for (const n of all) n.up.sort((a, b) => a.rank - b.rank);

  // Initial order: depth-first from the sinks (bottom), children in plan order.
  const layerCount = all.reduce((m, n) => Math.max(m, n.layer + 1), 0);
  let layers: LNode[][] = Array.from({ length: layerCount }, () => []);
  const seen = new Set<LNode>();
  const visit = (n: LNode) => {
    if (seen.has(n)) return;
    seen.add(n);
    layers[n.layer]!.push(n);
    for (const u of n.up) visit(u);
  };
  for (const n of [...all].sort((a, b) => a.rank - b.rank)) if (n.down.length === 0) visit(n);
  for (const n of all) visit(n);
  layers = alignGroupOrder(reduceCrossings(layers.map(keepGroupsTogether)));

  // Horizontal spacing. A group member reserves its group's widest member, so nodes outside the group keep
  // clear of the group's box when the members stack in a column.
  const groupWidth = new Map<string, number>();
  for (const n of all) {
    if (n.group !== undefined) groupWidth.set(n.group, Math.max(groupWidth.get(n.group) ?? 0, n.width, options.groupMinWidth?.(n.group) ?? 0));
  }
  const { nodeGap, groupPadding: pad } = options;
  const halfFacing = (a: LNode, b: LNode) => (a.group !== undefined && a.group !== b.group ? groupWidth.get(a.group)! / 2 + pad : a.width / 2);
  const separation = (a: LNode, b: LNode) => halfFacing(a, b) + halfFacing(b, a) + (a.dummy || b.dummy ? nodeGap / 2 : nodeGap);

  for (const layer of layers) {
    let x = 0;
    layer.forEach((n, i) => {
      if (i > 0) x += separation(layer[i - 1]!, n);
      n.x = x;
    });
  }
  const place = (layer: LNode[], desiredOf: (n: LNode) => number) => {
    const desired = layer.map(desiredOf);
    const gaps = layer.slice(0, -1).map((n, i) => separation(n, layer[i + 1]!));
    isotonicPlacement(desired, gaps).forEach((x, i) => (layer[i]!.x = x));
  };
  // Over the neighbours on one side; a neighbour in the same group wins, so a codegen stage forms a column.
  const pull = (n: LNode, side: readonly LNode[]) => {
    if (side.length === 0) return n.x;
    const same = side.find((m) => m.group !== undefined && m.group === n.group);
    if (same !== undefined) return same.x;
    return side.reduce((s, m) => s + m.x, 0) / side.length;
  };
  for (let iter = 0; iter < 8; iter++) {
    for (let l = layerCount - 2; l >= 0; l--) place(layers[l]!, (n) => pull(n, n.down));
    for (let l = 1; l < layerCount; l++) place(layers[l]!, (n) => pull(n, n.up));
  }

  const groupSpan = new Map<string, { top: number; bottom: number }>();
  for (const n of all) {
    if (n.group === undefined) continue;
    const s = groupSpan.get(n.group);
    groupSpan.set(n.group, s === undefined ? { top: n.layer, bottom: n.layer } : { top: Math.min(s.top, n.layer), bottom: Math.max(s.bottom, n.layer) });
  }
  separateGroups(layers, groupSpan, options);

  // Vertical: layers stacked with room for group label bands and paddings where groups start and end.
  const extraAbove = new Array<number>(layerCount).fill(0);
  const extraBelow = new Array<number>(layerCount).fill(0);
  for (const [g, s] of groupSpan) {
    extraAbove[s.top] = Math.max(extraAbove[s.top]!, pad + options.groupLabelHeight(g));
    extraBelow[s.bottom] = Math.max(extraBelow[s.bottom]!, pad);
  }
  const layerTop: number[] = [];
  const layerHeight: number[] = [];
  let y = options.margin;
  for (let l = 0; l < layerCount; l++) {
    y += extraAbove[l]!;
    layerTop.push(y);
    const h = layers[l]!.reduce((m, n) => Math.max(m, n.height), 0);
    layerHeight.push(h);
    y += h + extraBelow[l]! + (l + 1 < layerCount ? options.layerGap : 0);
  }
  const height = y + options.margin;

  // Shift right so the leftmost node or group box starts at the margin.
  let minX = Infinity;
  let maxX = -Infinity;
  for (const n of all) {
    const half = n.group !== undefined ? groupWidth.get(n.group)! / 2 + pad : n.width / 2;
    minX = Math.min(minX, n.x - half);
    maxX = Math.max(maxX, n.x + half);
  }
  const shift = options.margin - (Number.isFinite(minX) ? minX : 0);

  const nodes = new Map<string, Box & { layer: number }>();
  for (const n of all) {
    if (n.dummy) continue;
    const top = layerTop[n.layer]! + (layerHeight[n.layer]! - n.height) / 2;
    nodes.set(n.id, { x: n.x + shift - n.width / 2, y: top, width: n.width, height: n.height, layer: n.layer });
  }
  const groups = new Map<string, Box>();
  for (const [g] of groupSpan) {
    const members = all.filter((n) => n.group === g).map((n) => nodes.get(n.id)!);
    const left = Math.min(...members.map((m) => m.x));
    const right = Math.max(...members.map((m) => m.x + m.width));
    const top = Math.min(...members.map((m) => m.y));
    const bottom = Math.max(...members.map((m) => m.y + m.height));
    const width = Math.max(right - left, options.groupMinWidth?.(g) ?? 0);
    const centre = (left + right) / 2;
    const label = options.groupLabelHeight(g);
    groups.set(g, { x: centre - width / 2 - pad, y: top - pad - label, width: width + 2 * pad, height: bottom - top + 2 * pad + label });
  }
  const edges = chains.map(({ from, to, nodes: chain }) => {
    const points: Point[] = [];
    const first = nodes.get(chain[0]!.id)!;
    points.push({ x: first.x + first.width / 2, y: first.y + first.height });
    for (const d of chain.slice(1, -1)) {
      points.push({ x: d.x + shift, y: layerTop[d.layer]! });
      points.push({ x: d.x + shift, y: layerTop[d.layer]! + layerHeight[d.layer]! });
    }
    const last = nodes.get(chain[chain.length - 1]!.id)!;
    points.push({ x: last.x + last.width / 2, y: last.y });
    return { from, to, points };
  });
  // Several edges meeting one side of a node spread over its middle instead of piling into one point, in the
  // order of where they come from, so they do not cross right at the node.
  const spread = (ends: { points: Point[]; end: number; toward: number }[], box: Box) => {
    ends.sort((a, b) => a.points[a.toward]!.x - b.points[b.toward]!.x);
    ends.forEach((e, i) => (e.points[e.end]!.x = box.x + box.width * (0.25 + (0.5 * (i + 0.5)) / ends.length)));
  };
  const incoming = new Map<string, { points: Point[]; end: number; toward: number }[]>();
  const outgoing = new Map<string, { points: Point[]; end: number; toward: number }[]>();
  for (const e of edges) {
    const n = e.points.length;
    (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to)!).push({ points: e.points, end: n - 1, toward: n - 2 });
    (outgoing.get(e.from) ?? outgoing.set(e.from, []).get(e.from)!).push({ points: e.points, end: 0, toward: 1 });
  }
  for (const [id, ends] of incoming) if (ends.length > 1) spread(ends, nodes.get(id)!);
  for (const [id, ends] of outgoing) if (ends.length > 1) spread(ends, nodes.get(id)!);

  return { nodes, edges, groups, width: Number.isFinite(maxX) ? maxX + shift + options.margin : 2 * options.margin, height };
}
