/*
 * A simple layered (Sugiyama-style, without crossing minimisation beyond a barycentre pass) layout for small
 * DAGs: each node goes one layer right of its deepest parent; nodes in a layer are ordered by the average
 * position of their parents so edges cross less.
 */

export interface LayoutNode {
  id: number;
  layer: number;
  row: number;
}

export function layeredLayout(ids: readonly number[], parents: ReadonlyMap<number, readonly number[]>): { nodes: Map<number, LayoutNode>; layers: number; rows: number } {
  const layerOf = new Map<number, number>();
  const sorted = [...ids].sort((a, b) => a - b);
  const present = new Set(ids);
  // Parents always have smaller ids (Spark numbers them first), so one pass in id order suffices.
  for (const id of sorted) {
    let layer = 0;
    for (const p of parents.get(id) ?? []) if (present.has(p)) layer = Math.max(layer, (layerOf.get(p) ?? 0) + 1);
    layerOf.set(id, layer);
  }
  const layers: number[][] = [];
  for (const id of sorted) (layers[layerOf.get(id)!] ??= []).push(id);
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
