import { useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { AppRef, ExecutionData } from '../../../api/index.js';
import { EmptyState } from '../EmptyState.js';
import { curvedEdgePath } from '../graphLayout/graphLayout.js';
import { GEOMETRY, planGraphGeometry, type LabelledBox } from './planGraphGeometry.js';
import { planGraph } from './planGraphModel.js';
import { PlanNodeDetails, type PlanNodeInfo } from './PlanNodeDetails.js';

/*
 * The SQL plan graph (Spark's spark-sql-viz), drawn as SVG from our own layered layout: operators as rounded
 * boxes (#C3EBFF / #3EC0FF) with their metric lines, WholeStageCodegen stages as clusters (#A0DFFF) around their
 * operators, edges from child down to parent. Hover or focus shows a node's metrics; click or Enter pins them
 * in a side panel, where "(stage X.Y: task Z)" links to the stage.
 */

const NODE_FILL = '#C3EBFF';
const NODE_STROKE = '#3EC0FF';
const CLUSTER_FILL = '#A0DFFF';
const TEXT = '#0f172a';

interface Hover {
  info: PlanNodeInfo;
  left: number;
  top: number;
}

function LabelText({
  label,
  width,
  bold = true,
  anchor = 'middle',
  halo,
}: {
  label: LabelledBox;
  width: number;
  bold?: boolean;
  anchor?: 'middle' | 'start';
  /** Outline colour drawn under the glyphs, to keep text legible over lines. */
  halo?: string;
}) {
  const haloProps = halo === undefined ? {} : { stroke: halo, strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' as const };
  const g = GEOMETRY;
  const x = anchor === 'middle' ? width / 2 : g.paddingX;
  const titleY = g.paddingY + g.fontSize;
  const linesTop = g.paddingY + g.titleHeight + g.titleGap;
  return (
    <>
      <text x={x} y={titleY} textAnchor={anchor} fontWeight={bold ? 700 : 400} fontSize={g.fontSize} fill={TEXT} {...haloProps}>
        {label.title}
      </text>
      {label.lines.map((line, i) => (
        <text key={i} x={x} y={linesTop + i * g.lineHeight + g.fontSize} textAnchor={anchor} fontSize={g.fontSize} fill={TEXT} xmlSpace="preserve" {...haloProps}>
          {line}
        </text>
      ))}
    </>
  );
}

export function SqlPlanGraph({
  app,
  execution,
  showStageTask,
  compact,
}: {
  app: AppRef;
  execution: Pick<ExecutionData, 'nodes' | 'edges'>;
  showStageTask: boolean;
  compact: boolean;
}) {
  const graph = useMemo(() => planGraph(execution), [execution]);
  const geometry = useMemo(() => planGraphGeometry(graph, showStageTask, compact), [graph, showStageTask, compact]);
  const infos = useMemo(() => {
    const map = new Map<string, PlanNodeInfo>();
    for (const op of graph.operators) {
      map.set(String(op.id), { nodeId: op.id, name: op.name, metrics: op.metrics, ...(op.cluster !== undefined ? { cluster: graph.clusters.find((c) => c.key === op.cluster)?.name ?? op.cluster } : {}) });
    }
    for (const c of graph.clusters) map.set(c.key, { nodeId: c.nodeId, name: c.name, metrics: c.metrics });
    return map;
  }, [graph]);
  const [fit, setFit] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  // useId's text has characters that url(#…) references would need escaped; keep only safe ones.
  const arrowId = `plan-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  if (graph.operators.length === 0) {
    return <EmptyState title="No plan graph">The execution has no plan nodes (or was read without details).</EmptyState>;
  }

  const { layout, nodeLabels, clusterLabels } = geometry;
  const show = (key: string, target: Element) => {
    const box = scrollRef.current;
    const info = infos.get(key);
    if (box === null || info === undefined) return;
    const t = target.getBoundingClientRect();
    const c = box.getBoundingClientRect();
    setHover({ info, left: t.left - c.left + box.scrollLeft, top: t.bottom - c.top + box.scrollTop + 6 });
  };
  const handlers = (key: string) => ({
    onMouseEnter: (e: MouseEvent<SVGGElement>) => show(key, e.currentTarget),
    onMouseLeave: () => setHover(null),
    onFocus: (e: FocusEvent<SVGGElement>) => show(key, e.currentTarget),
    onBlur: () => setHover(null),
    onClick: () => setSelected(key),
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        setSelected(key);
      } else if (e.key === 'Escape') setSelected(null);
    },
  });
  const selectedInfo = selected === null ? undefined : infos.get(selected);

  return (
    <div data-testid="sql-plan-graph" data-nodes={graph.operators.length} data-clusters={graph.clusters.length}>
      <div className="mb-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <button type="button" className="btn" aria-pressed={fit} onClick={() => setFit(!fit)}>
          {fit ? 'Actual size' : 'Fit to width'}
        </button>
        <span>
          {graph.operators.length} operators{graph.clusters.length > 0 && `, ${graph.clusters.length} codegen stages`} · hover a node for its metrics, click to
          pin them
        </span>
      </div>
      <div className="flex items-start gap-3">
        <div ref={scrollRef} className="relative min-w-0 flex-1 overflow-auto rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <svg
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            style={fit ? { maxWidth: '100%', height: 'auto' } : undefined}
            role="group"
            aria-label="Query plan graph"
            className="block"
          >
            <defs>
              <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill="#64748b" />
              </marker>
            </defs>
            {graph.clusters.map((c) => {
              const box = layout.clusters.get(c.key);
              const label = clusterLabels.get(c.key);
              if (box === undefined || label === undefined) return null;
              return (
                <g
                  key={c.key}
                  data-cluster-id={c.nodeId}
                  transform={`translate(${box.x},${box.y})`}
                  tabIndex={0}
                  role="button"
                  aria-label={`${c.name}, ${c.members.length} operators`}
                  className="cursor-pointer outline-none focus-visible:[&>rect]:stroke-[3px]"
                  {...handlers(c.key)}
                >
                  <rect width={box.width} height={box.height} rx={8} fill={CLUSTER_FILL} stroke={NODE_STROKE} strokeWidth={selected === c.key ? 3 : 1} />
                </g>
              );
            })}
            {layout.edges.map((e) => (
              <path
                key={`${e.from}-${e.to}`}
                d={curvedEdgePath(e.points)}
                fill="none"
                stroke="#64748b"
                strokeWidth={1.4}
                markerEnd={`url(#${arrowId})`}
                data-edge={`${e.from}-${e.to}`}
              />
            ))}
            {/* Cluster labels in the room the layout keeps for them (no edge crosses it), above the edges. */}
            {graph.clusters.map((c) => {
              const at = layout.labels.get(c.key);
              const label = clusterLabels.get(c.key);
              if (at === undefined || label === undefined) return null;
              return (
                <g key={c.key} transform={`translate(${at.x},${at.y - GEOMETRY.paddingY})`} pointerEvents="none" aria-hidden="true" data-cluster-label={c.nodeId}>
                  <LabelText label={label} width={at.width} bold anchor="start" halo={CLUSTER_FILL} />
                </g>
              );
            })}
            {graph.operators.map((op) => {
              const key = String(op.id);
              const box = layout.nodes.get(key);
              const label = nodeLabels.get(key);
              if (box === undefined || label === undefined) return null;
              return (
                <g
                  key={key}
                  data-node-id={op.id}
                  transform={`translate(${box.x},${box.y})`}
                  tabIndex={0}
                  role="button"
                  aria-label={`${op.name} (node ${op.id})`}
                  className="cursor-pointer outline-none focus-visible:[&>rect]:stroke-[3px]"
                  {...handlers(key)}
                >
                  <rect width={box.width} height={box.height} rx={5} fill={NODE_FILL} stroke={NODE_STROKE} strokeWidth={selected === key ? 3 : 1.2} />
                  <LabelText label={label} width={box.width} />
                </g>
              );
            })}
          </svg>
          {hover !== null && (
            <div
              className="pointer-events-none absolute z-20 max-w-md rounded border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
              style={{ left: hover.left, top: hover.top }}
              role="tooltip"
              data-testid="plan-node-tooltip"
            >
              <PlanNodeDetails app={app} node={hover.info} />
            </div>
          )}
        </div>
        {selectedInfo !== undefined && (
          <aside
            className="sticky top-2 w-80 shrink-0 rounded border border-slate-200 bg-white p-2 shadow dark:border-slate-700 dark:bg-slate-900"
            aria-label="Selected plan node"
            data-testid="plan-node-panel"
          >
            <PlanNodeDetails app={app} node={selectedInfo} onClose={() => setSelected(null)} />
          </aside>
        )}
      </div>
    </div>
  );
}
