import type { SqlPlanMetric } from '../../../api/index.js';
import { graphLayout, type GraphLayout } from '../graphLayout/graphLayout.js';
import { metricLines } from './metricText.js';
import type { PlanGraph } from './planGraphModel.js';
import { textWidth } from './textMeasure.js';

/** Sizes of the plan graph's boxes and text, shared by measuring and drawing. */
export const GEOMETRY = {
  fontSize: 12,
  titleHeight: 16,
  lineHeight: 15,
  paddingX: 10,
  paddingY: 7,
  /** Spark leaves a blank line between the operator name and its metrics. */
  titleGap: 6,
  groupPadding: 12,
} as const;

export interface LabelledBox {
  title: string;
  lines: string[];
}

export function labelOf(name: string, metrics: readonly SqlPlanMetric[], showStageTask: boolean, compact: boolean): LabelledBox {
  return { title: name, lines: compact ? [] : metrics.flatMap((m) => metricLines(m, showStageTask)) };
}

function labelWidth(label: LabelledBox): number {
  const widths = [textWidth(label.title, GEOMETRY.fontSize, true), ...label.lines.map((l) => textWidth(l, GEOMETRY.fontSize))];
  return Math.ceil(Math.max(...widths)) + 2 * GEOMETRY.paddingX;
}

function labelHeight(label: LabelledBox): number {
  const g = GEOMETRY;
  return g.paddingY * 2 + g.titleHeight + (label.lines.length > 0 ? g.titleGap + label.lines.length * g.lineHeight : 0);
}

export interface PlanGraphGeometry {
  layout: GraphLayout;
  nodeLabels: Map<string, LabelledBox>;
  clusterLabels: Map<string, LabelledBox>;
}

/** Measures every label and lays the graph out. */
export function planGraphGeometry(graph: PlanGraph, showStageTask: boolean, compact: boolean): PlanGraphGeometry {
  const nodeLabels = new Map<string, LabelledBox>();
  const clusterLabels = new Map<string, LabelledBox>();
  for (const op of graph.operators) nodeLabels.set(String(op.id), labelOf(op.name, op.metrics, showStageTask, compact));
  for (const c of graph.clusters) clusterLabels.set(c.key, labelOf(c.name, c.metrics, showStageTask, compact));
  // Edges run from child to parent, down the page; a codegen stage is a cluster whose label (its name and
  // duration) the layout keeps clear of every edge.
  const layout = graphLayout(
    graph.operators.map((op) => {
      const label = nodeLabels.get(String(op.id))!;
      return { id: String(op.id), width: labelWidth(label), height: labelHeight(label), cluster: op.cluster };
    }),
    graph.clusters.map((c) => {
      const label = clusterLabels.get(c.key)!;
      return { id: c.key, labelWidth: labelWidth(label), labelHeight: labelHeight(label) - GEOMETRY.paddingY };
    }),
    graph.edges.map((e) => ({ from: String(e.from), to: String(e.to) })),
    { direction: 'TB', nodeGap: 28, rankGap: 34, clusterPadding: GEOMETRY.groupPadding, margin: 16 },
  );
  return { layout, nodeLabels, clusterLabels };
}
