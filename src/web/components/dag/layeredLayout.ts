/*
 * A simple layered (Sugiyama-style, without crossing minimisation beyond a barycentre pass) layout for small
 * DAGs: each node goes one layer past its deepest parent; nodes in a layer are ordered by the average
 * position of their parents so edges cross less. Parents outside `ids` are ignored, and an edge that would
 * close a cycle is ignored for layering, so any input terminates.
 */

export interface LayoutNode {
  id: number;
  layer: number;
  row: number;
}

/** Layer per id: the longest path from a source, following `parents` (cycle-safe). */
export function longestPathLayers(ids: readonly number[], parents: (id: number) => readonly number[]): Map<number, number> {
  const present = new Set(ids);
  const layer = new Map<number, number>();
  const visiting = new Set<number>();
  const visit = (id: number): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    visiting.add(id);
    let l = 0;
    for (const p of parents(id)) {
      if (!present.has(p) || p === id || visiting.has(p)) continue;
      l = Math.max(l, visit(p) + 1);
    }
    visiting.delete(id);
    layer.set(id, l);
    return l;
  };
  for (const id of [...ids].sort((a, b) => a - b)) visit(id);
  return layer;
}

export function layeredLayout(ids: readonly number[], parents: ReadonlyMap<number, readonly number[]>): { nodes: Map<number, LayoutNode>; layers: number; rows: number } {
  const layerOf = longestPathLayers(ids, (id) => parents.get(id) ?? []);
  const layers: number[][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) (layers[layerOf.get(id)!] ??= []).push(id);
  const nodes = new Map<number, LayoutNode>();
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l] ?? [];
    if (l > 0) {
      const centre = (id: number) => {
        const ps = (parents.get(id) ?? []).filter((p) => nodes.has(p));
        return ps.length === 0 ? Infinity : ps.reduce((sum, p) => sum + nodes.get(p)!.row, 0) / ps.length;
      };
      layer.sort((a, b) => centre(a) - centre(b) || a - b);
    }
    layer.forEach((id, row) => nodes.set(id, { id, layer: l, row }));
  }
  return { nodes, layers: layers.length, rows: Math.max(1, ...layers.map((l) => l?.length ?? 0)) };
}
