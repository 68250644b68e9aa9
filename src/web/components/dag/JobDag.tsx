import { useMemo } from 'react';
import { Link } from 'react-router';
import type { RddNode } from '../../../api/index.js';
import { curvedEdgePath } from '../graphLayout/graphLayout.js';
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
  /** A stage-to-stage edge: from the right of the RDD a stage wrote to the left of the one that reads it. */
  const acrossPath = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
    curvedEdgePath([{ x: a.x + a.width, y: a.y + a.height / 2 }, { x: b.x - 2, y: b.y + b.height / 2 }], 'LR');

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
                {laid.layout.clusters.map(({ cluster, box, label: labelBox }) => {
                  const isStage = cluster.kind === 'stage';
                  const c = isStage ? stageColour : cluster.barrier ? COLOURS.barrier : COLOURS.scope;
                  const label = (
                    <text x={labelBox.x + 2} y={labelBox.y + labelBox.height - 4} fontSize={FONT} fontWeight={isStage ? 700 : 400} fill="#0f172a">
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
                {laid.layout.edges.map((e) => (
                  <path
                    key={`${e.from}-${e.to}`}
                    d={curvedEdgePath(e.points)}
                    fill="none"
                    stroke={EDGE}
                    strokeWidth={1.2}
                    markerEnd="url(#job-dag-arrow)"
                    data-edge={`${s.stageId}:${e.from}->${s.stageId}:${e.to}`}
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
                d={acrossPath(a, b)}
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
