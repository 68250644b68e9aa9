import { useMemo } from 'react';
import { Link } from 'react-router';
import { layeredLayout } from './layeredLayout.js';

export interface DagStage {
  stageId: number;
  attemptId: number;
  name: string;
  /** Parent stage ids as Spark's scheduler recorded them (the console's stage graph). */
  parentIds: readonly number[];
  /** Spark status, or 'MISSING' when the stage is not in the store. */
  status: string;
  href?: string;
}

const NODE_W = 168;
const NODE_H = 46;
const GAP_X = 56;
const GAP_Y = 18;

/** Spark's job-page DAG colours: stage cluster white with a pink border, skipped grey (§2.11 D). */
function colours(status: string): { fill: string; stroke: string; dash?: string } {
  if (status === 'SKIPPED') return { fill: '#D6D6D6', stroke: '#B7B7B7' };
  if (status === 'MISSING') return { fill: '#F1F5F9', stroke: '#B7B7B7', dash: '4 3' };
  if (status === 'FAILED') return { fill: '#FFE4E9', stroke: '#FF4D6D' };
  if (status === 'ACTIVE') return { fill: '#E8FFF0', stroke: '#36F572' };
  return { fill: '#FFFFFF', stroke: '#FF99AC' };
}

/**
 * The job's stages as a DAG (SVG): one box per stage, laid out in layers left to right, edges from parent
 * to child. Boxes are links, so the graph is reachable by keyboard; the stage tables below hold the same
 * information as text.
 */
export function StageDag({ stages }: { stages: readonly DagStage[] }) {
  const { parents, layout } = useMemo(() => {
    // Edges between the stages shown only (a job's stages; parents outside it are not drawn).
    const ids = new Set(stages.map((s) => s.stageId));
    const p = new Map(stages.map((s) => [s.stageId, s.parentIds.filter((id) => ids.has(id) && id !== s.stageId)]));
    return { parents: p, layout: layeredLayout(stages.map((s) => s.stageId), p) };
  }, [stages]);
  const width = layout.layers * (NODE_W + GAP_X) - GAP_X + 16;
  const height = layout.rows * (NODE_H + GAP_Y) - GAP_Y + 16;
  const pos = (id: number) => {
    const n = layout.nodes.get(id)!;
    return { x: 8 + n.layer * (NODE_W + GAP_X), y: 8 + n.row * (NODE_H + GAP_Y) };
  };

  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white p-1 dark:border-slate-700 dark:bg-slate-900" data-testid="stage-dag">
      <svg width={width} height={height} role="group" aria-label={`DAG of ${stages.length} stages`}>
        <defs>
          <marker id="dag-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#94a3b8" />
          </marker>
        </defs>
        {stages.flatMap((s) =>
          (parents.get(s.stageId) ?? []).map((p) => {
            const a = pos(p);
            const b = pos(s.stageId);
            const x1 = a.x + NODE_W;
            const y1 = a.y + NODE_H / 2;
            const x2 = b.x - 2;
            const y2 = b.y + NODE_H / 2;
            const mid = (x1 + x2) / 2;
            return (
              <path
                key={`${p}-${s.stageId}`}
                d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`}
                fill="none"
                stroke="#94a3b8"
                strokeWidth={1.5}
                markerEnd="url(#dag-arrow)"
                data-edge={`${p}->${s.stageId}`}
              />
            );
          }),
        )}
        {stages.map((s) => {
          const { x, y } = pos(s.stageId);
          const c = colours(s.status);
          const title = `Stage ${s.stageId}${s.attemptId > 0 ? ` (attempt ${s.attemptId})` : ''}${s.status === 'SKIPPED' ? ' (skipped)' : ''}`;
          const box = (
            <g data-stage-node={s.stageId} data-status={s.status}>
              <title>{`${title}: ${s.name} — ${s.status.toLowerCase()}`}</title>
              <rect x={x} y={y} width={NODE_W} height={NODE_H} rx={4} fill={c.fill} stroke={c.stroke} strokeWidth={1.5} strokeDasharray={c.dash} />
              <text x={x + 8} y={y + 17} fontSize={12} fontWeight={600} fill="#0f172a">
                {title}
              </text>
              <text x={x + 8} y={y + 34} fontSize={11} fill="#334155">
                {s.name.length > 26 ? `${s.name.slice(0, 25)}…` : s.name}
              </text>
            </g>
          );
          return s.href !== undefined ? (
            <Link key={s.stageId} to={s.href} aria-label={`${title}: ${s.name}`} className="dag-node">
              {box}
            </Link>
          ) : (
            <g key={s.stageId}>{box}</g>
          );
        })}
      </svg>
    </div>
  );
}
