import { useMemo } from 'react';
import { Link } from 'react-router';
import type { RddNode } from '../../../api/index.js';
import { textWidth } from '../sqlPlan/textMeasure.js';
import { layoutJobDag, rddBox } from './jobDagLayout.js';
import { DEFAULT_RDD_DAG_METRICS } from './rddDagLayout.js';
import { stageClusterName, type RddDagCluster, type RddDagNode } from './rddDagModel.js';

export interface JobDagStage {
  stageId: number;
  attemptId: number;
  name: string;
  /** Parent stage ids as Spark's scheduler recorded them (the console's stage graph). */
  parentIds: readonly number[];
  /** Spark status, or 'MISSING' when the stage is not in the store. */
  status: string;
  rdds: readonly RddNode[];
  href?: string;
}

/** Spark's job-page colours (§2.11 D): stage clusters white with a pink border, skipped grey, scopes blue, RDD dots. */
const COLOURS = {
  stage: { fill: '#FFFFFF', stroke: '#FF99AC' },
  skipped: { fill: '#D6D6D6', stroke: '#B7B7B7' },
  missing: { fill: '#F1F5F9', stroke: '#B7B7B7' },
  scope: { fill: '#A0DFFF', stroke: '#3EC0FF' },
  barrier: { fill: '#B4E9E2', stroke: '#32DBC6' },
  cachedDot: { fill: '#A3F545', stroke: '#52C366' },
  indeterminateDot: { fill: '#f6b187', stroke: '#D97536' },
  dot: { fill: '#444', stroke: '#444' },
} as const;

const FONT = 11;
const DOT = 14;
const EDGE = '#64748b';
const MARGIN = 6;
const METRICS = {
  ...DEFAULT_RDD_DAG_METRICS,
  nodeWidth: () => DOT,
  nodeHeight: DOT,
  gapX: 14,
  gapY: 18,
  clusterPadding: 8,
  clusterLabel: 16,
  labelWidth: (c: RddDagCluster) => textWidth(c.name, FONT, c.kind === 'stage') + 6,
};
const SPACING = { stageGapX: 48, stageGapY: 16 };

function stageColours(status: string) {
  return status === 'SKIPPED' ? COLOURS.skipped : status === 'MISSING' ? COLOURS.missing : COLOURS.stage;
}

function dotColours(n: RddDagNode) {
  return n.cached ? COLOURS.cachedDot : n.indeterminate ? COLOURS.indeterminateDot : COLOURS.dot;
}

/**
 * The job's DAG as Spark's job page draws it: one cluster per stage with its RDDs as dots inside their
 * operation-scope clusters, RDD edges inside a stage and curved edges from stage to stage. A stage's label is a
 * link to its page; hovering a dot names the RDD and its call site.
 */
export function JobDag({ stages }: { stages: readonly JobDagStage[] }) {
  const dag = useMemo(() => layoutJobDag(stages, METRICS, SPACING), [stages]);
  const byId = new Map(stages.map((s) => [s.stageId, s]));
  const width = dag.width + 2 * MARGIN;
  const height = dag.height + 2 * MARGIN;
  const edgePath = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }, across: boolean) => {
    if (across) {
      const x1 = a.x + a.width;
      const y1 = a.y + a.height / 2;
      const x2 = b.x - 2;
      const y2 = b.y + b.height / 2;
      const mid = (x1 + x2) / 2;
      return `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
    }
    const x1 = a.x + a.width / 2;
    const y1 = a.y + a.height;
    const x2 = b.x + b.width / 2;
    const y2 = b.y - 2;
    const dy = Math.max(8, (y2 - y1) / 2);
    return `M ${x1} ${y1} C ${x1} ${y1 + dy}, ${x2} ${y2 - dy}, ${x2} ${y2}`;
  };

  return (
    <div className="max-h-[70vh] w-fit max-w-full overflow-auto rounded border border-slate-200 bg-white p-1 dark:border-slate-700" data-testid="stage-dag">
      <svg width={width} height={height} role="group" aria-label={`DAG of ${stages.length} stages`}>
        <defs>
          <marker id="job-dag-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={EDGE} />
          </marker>
        </defs>
        <g transform={`translate(${MARGIN},${MARGIN})`}>
          {[...dag.stages.values()].map((laid) => {
            const s = byId.get(laid.stageId)!;
            const title = `${stageClusterName(s.stageId, s.attemptId)}${s.status === 'SKIPPED' ? ' (skipped)' : ''}`;
            const stageColour = stageColours(s.status);
            return (
              <g key={s.stageId} data-stage-node={s.stageId} data-status={s.status} transform={`translate(${laid.x},${laid.y})`}>
                {laid.layout.clusters.map(({ cluster, box }) => {
                  const isStage = cluster.kind === 'stage';
                  const c = isStage ? stageColour : cluster.barrier ? COLOURS.barrier : COLOURS.scope;
                  const label = (
                    <text x={box.x + 5} y={box.y + 12} fontSize={FONT} fontWeight={isStage ? 700 : 400} fill="#0f172a">
                      {cluster.name}
                    </text>
                  );
                  return (
                    <g key={cluster.id} data-cluster={isStage ? 'stage' : cluster.name}>
                      {isStage && <title>{`${title}: ${s.name} — ${s.status.toLowerCase()}`}</title>}
                      <rect
                        data-stage-box={isStage || undefined}
                        x={box.x}
                        y={box.y}
                        width={box.width}
                        height={box.height}
                        rx={4}
                        fill={c.fill}
                        stroke={c.stroke}
                        strokeWidth={isStage ? 1.5 : 1}
                        strokeDasharray={isStage && s.status === 'MISSING' ? '4 3' : undefined}
                      />
                      {isStage && s.href !== undefined ? (
                        <Link to={s.href} aria-label={`${title}: ${s.name}`} className="dag-node">
                          {label}
                        </Link>
                      ) : (
                        label
                      )}
                    </g>
                  );
                })}
                {laid.model.edges.map(([p, c]) => (
                  <path
                    key={`${p}-${c}`}
                    d={edgePath(laid.layout.nodes.get(p)!, laid.layout.nodes.get(c)!, false)}
                    fill="none"
                    stroke={EDGE}
                    strokeWidth={1.2}
                    markerEnd="url(#job-dag-arrow)"
                    data-edge={`${s.stageId}:${p}->${s.stageId}:${c}`}
                  />
                ))}
                {[...laid.model.nodes.values()].map((n) => {
                  const box = laid.layout.nodes.get(n.id)!;
                  const c = dotColours(n);
                  return (
                    <g key={n.id} data-rdd-node={`${s.stageId}:${n.id}`}>
                      <title>{`${n.label}\n${n.callSite}`}</title>
                      <circle cx={box.x + box.width / 2} cy={box.y + box.height / 2} r={DOT / 2 - 2} fill={c.fill} stroke={c.stroke} strokeWidth={1.5} />
                    </g>
                  );
                })}
              </g>
            );
          })}
          {dag.crossEdges.map((e) => {
            const a = rddBox(dag, e.from.stageId, e.from.rddId)!;
            const b = rddBox(dag, e.to.stageId, e.to.rddId)!;
            return (
              <path
                key={`${e.from.stageId}:${e.from.rddId}-${e.to.stageId}:${e.to.rddId}`}
                d={edgePath(a, b, true)}
                fill="none"
                stroke={EDGE}
                strokeWidth={1.4}
                markerEnd="url(#job-dag-arrow)"
                data-edge={`${e.from.stageId}:${e.from.rddId}->${e.to.stageId}:${e.to.rddId}`}
                data-stage-edge={`${e.from.stageId}->${e.to.stageId}`}
              />
            );
          })}
        </g>
      </svg>
    </div>
  );
}
