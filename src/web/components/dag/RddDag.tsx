import { useMemo } from 'react';
import { Link } from 'react-router';
import type { RddNode } from '../../../api/index.js';
import { EmptyState } from '../EmptyState.js';
import { textWidth } from '../sqlPlan/textMeasure.js';
import { curvedEdgePath } from '../graphLayout/graphLayout.js';
import { DEFAULT_RDD_DAG_METRICS, layoutRddDag } from './rddDagLayout.js';
import { rddDagModel, type RddDagCluster, type RddDagNode } from './rddDagModel.js';

/*
 * Spark's stage-page RDD DAG (spec §2.11 D) as SVG: RDD boxes with their label and call site, nested
 * operation-scope clusters inside the stage cluster, edges top-down from parent to child RDD, Spark's
 * colours. Cached RDDs link to their Storage page. Hovering a box shows its full label and call site.
 */

const COLOURS = {
  node: { fill: '#C3EBFF', stroke: '#3EC0FF' },
  cached: { fill: '#B3F5C5', stroke: '#52C366' },
  indeterminate: { fill: '#F09C67', stroke: '#D97536' },
  scope: { fill: '#A0DFFF', stroke: '#3EC0FF' },
  stage: { fill: '#FFFFFF', stroke: '#FFA6B6' },
  skipped: { fill: '#D6D6D6', stroke: '#B7B7B7' },
  barrier: { fill: '#84E9E2', stroke: '#32DBC6' },
} as const;

const FONT = 12;
const CALL_SITE_FONT = 11;
const MIN_NODE_W = 110;
const MAX_NODE_W = 300;
const NODE_PAD_X = 8;
const MARGIN = 6;
const EDGE = '#64748b';

function nodeColours(n: RddDagNode) {
  return n.indeterminate ? COLOURS.indeterminate : n.cached ? COLOURS.cached : COLOURS.node;
}

function clusterColours(c: RddDagCluster, skipped: boolean) {
  if (c.kind === 'stage') return skipped ? COLOURS.skipped : COLOURS.stage;
  return c.barrier ? COLOURS.barrier : COLOURS.scope;
}

/** `text` cut with an ellipsis to fit `width` px at `size`. */
function fit(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(`${text.slice(0, mid)}…`, size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

export function RddDag({
  stageId,
  attemptId,
  rdds,
  skipped = false,
  rddHref,
}: {
  stageId: number;
  attemptId: number;
  rdds: readonly RddNode[];
  skipped?: boolean;
  /** Link for a cached RDD (its Storage page). */
  rddHref?: (rddId: number) => string;
}) {
  const { model, layout, widths } = useMemo(() => {
    const model = rddDagModel(stageId, attemptId, rdds);
    const widths = new Map<number, number>();
    for (const n of model.nodes.values()) {
      const natural = Math.max(textWidth(n.label, FONT, true), textWidth(n.callSite, CALL_SITE_FONT)) + 2 * NODE_PAD_X;
      // Rounded up with a little slack, so a label measured to fit is never cut by a fraction of a pixel.
      widths.set(n.id, Math.ceil(Math.min(MAX_NODE_W, Math.max(MIN_NODE_W, natural + 2))));
    }
    const layout = layoutRddDag(model, {
      ...DEFAULT_RDD_DAG_METRICS,
      nodeWidth: (id) => widths.get(id)!,
      labelWidth: (c) => Math.min(MAX_NODE_W, textWidth(c.name, FONT, c.kind === 'stage')) + 4,
    });
    return { model, layout, widths };
  }, [stageId, attemptId, rdds]);

  if (model.nodes.size === 0) return <EmptyState title={`No DAG visualization information to display for stage ${stageId}`} />;
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;

  return (
    <div className="max-h-[70vh] w-fit max-w-full overflow-auto rounded border border-slate-200 bg-white p-1 dark:border-slate-700" data-testid="rdd-dag">
      <svg width={width} height={height} role="group" aria-label={`RDD graph of stage ${stageId}: ${model.nodes.size} RDDs`}>
        <defs>
          <marker id={`rdd-arrow-${stageId}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={EDGE} />
          </marker>
        </defs>
        <g transform={`translate(${MARGIN},${MARGIN})`}>
          {layout.clusters.map(({ cluster, box, label }) => {
            const c = clusterColours(cluster, skipped);
            return (
              <g key={cluster.id} data-cluster={cluster.kind === 'stage' ? 'stage' : cluster.name} data-barrier={cluster.barrier || undefined}>
                <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={5} fill={c.fill} stroke={c.stroke} strokeWidth={1.2} />
                {/* In the room the layout keeps for the label, which no edge crosses. */}
                <text x={label.x + 2} y={label.y + label.height - 5} fontSize={FONT} fontWeight={cluster.kind === 'stage' ? 700 : 400} fill="#0f172a">
                  {fit(cluster.name, Math.max(label.width, box.width - 10), FONT, cluster.kind === 'stage')}
                </text>
              </g>
            );
          })}
          {layout.edges.map((e) => (
            <path
              key={`${e.from}-${e.to}`}
              d={curvedEdgePath(e.points)}
              fill="none"
              stroke={EDGE}
              strokeWidth={1.3}
              markerEnd={`url(#rdd-arrow-${stageId})`}
              data-edge={`${e.from}->${e.to}`}
            />
          ))}
          {[...model.nodes.values()].map((n) => {
            const box = layout.nodes.get(n.id)!;
            const c = nodeColours(n);
            const w = widths.get(n.id)!;
            const body = (
              <g data-rdd-node={n.id}>
                <title>{`${n.label}\n${n.callSite}`}</title>
                <rect x={box.x} y={box.y} width={w} height={box.height} rx={4} fill={c.fill} stroke={c.stroke} strokeWidth={1.2} />
                <text x={box.x + w / 2} y={box.y + 16} textAnchor="middle" fontSize={FONT} fontWeight={600} fill="#0f172a">
                  {fit(n.label, w - 2 * NODE_PAD_X, FONT, true)}
                </text>
                <text x={box.x + w / 2} y={box.y + 32} textAnchor="middle" fontSize={CALL_SITE_FONT} fill="#334155">
                  {fit(n.callSite, w - 2 * NODE_PAD_X, CALL_SITE_FONT)}
                </text>
              </g>
            );
            return n.cached && rddHref !== undefined ? (
              <Link key={n.id} to={rddHref(n.id)} aria-label={`${n.label} (storage)`} className="dag-node">
                {body}
              </Link>
            ) : (
              <g key={n.id}>{body}</g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
