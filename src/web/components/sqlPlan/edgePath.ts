import type { Point } from './layeredLayout.js';

/**
 * SVG path through an edge's points: vertical S-curves between layers, straight runs through the dummy
 * points that carry a long edge across a layer.
 */
export function edgePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  let d = `M${first.x},${first.y}`;
  let prev = first;
  rest.forEach((p, i) => {
    // Points come in pairs inside a crossed layer (top, bottom): join those straight.
    const insideLayer = i % 2 === 1 && i < rest.length - 1;
    if (insideLayer) d += ` L${p.x},${p.y}`;
    else {
      const dy = (p.y - prev.y) / 2;
      d += ` C${prev.x},${prev.y + dy} ${p.x},${p.y - dy} ${p.x},${p.y}`;
    }
    prev = p;
  });
  return d;
}
