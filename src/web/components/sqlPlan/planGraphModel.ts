import type { ExecutionData, SqlPlanMetric, SqlPlanNode } from '../../../api/index.js';

/*
 * The plan graph as Spark's SparkPlanGraph draws it, rebuilt from the REST answer: operators are nodes,
 * edges run from a child to its parent, and each "WholeStageCodegen (N)" entry is not an operator but the
 * cluster around the operators whose `wholeStageCodegenId` is N (its metric is the cluster's duration).
 */

export interface PlanOperator {
  id: number;
  name: string;
  metrics: readonly SqlPlanMetric[];
  /** Key of the codegen cluster holding the operator. */
  cluster?: string;
}

export interface PlanCluster {
  key: string;
  nodeId: number;
  name: string;
  metrics: readonly SqlPlanMetric[];
  members: number[];
}

export interface PlanGraph {
  operators: PlanOperator[];
  clusters: PlanCluster[];
  /** child → parent */
  edges: { from: number; to: number }[];
}

const CODEGEN = /^WholeStageCodegen\s*\((\d+)\)$/;

function codegenId(node: SqlPlanNode): number | undefined {
  const m = CODEGEN.exec(node.nodeName.trim());
  return m === null ? undefined : Number(m[1]);
}

export function planGraph(execution: Pick<ExecutionData, 'nodes' | 'edges'>): PlanGraph {
  const clusters = new Map<number, PlanCluster>();
  const operators: PlanOperator[] = [];
  // Spark lists nodes by descending id; ids grow in plan pre-order, so ascending id is the plan's
  // left-to-right child order, which the layout keeps.
  const nodes = [...execution.nodes].sort((a, b) => a.nodeId - b.nodeId);
  for (const node of nodes) {
    const id = codegenId(node);
    if (id !== undefined) clusters.set(id, { key: `wscg-${id}`, nodeId: node.nodeId, name: node.nodeName.trim(), metrics: node.metrics, members: [] });
  }
  for (const node of nodes) {
    if (codegenId(node) !== undefined) continue;
    const cluster = node.wholeStageCodegenId === undefined ? undefined : clusters.get(node.wholeStageCodegenId);
    cluster?.members.push(node.nodeId);
    operators.push({ id: node.nodeId, name: node.nodeName, metrics: node.metrics, ...(cluster !== undefined ? { cluster: cluster.key } : {}) });
  }
  const known = new Set(operators.map((o) => o.id));
  const edges = execution.edges.filter((e) => known.has(e.fromId) && known.has(e.toId)).map((e) => ({ from: e.fromId, to: e.toId }));
  return { operators, clusters: [...clusters.values()].filter((c) => c.members.length > 0), edges };
}
