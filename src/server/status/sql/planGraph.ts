/**
 * SparkPlanGraph (Spark 3.5): turns the event's `sparkPlanInfo` tree into numbered nodes, WholeStageCodegen
 * clusters and child→parent edges, collapsing InputAdapter/query-stage wrappers and pointing re-used
 * exchanges and subqueries at the node that computed them.
 */
import { asArray, asObject, optInt, optString, type JsonObject } from './sqlJson.js';

export interface SqlPlanMetric {
  name: string;
  accumulatorId: number;
  metricType: string;
}

export interface SqlPlanGraphNode {
  id: number;
  name: string;
  /** The plan node's simpleString. */
  desc: string;
  metrics: SqlPlanMetric[];
  /** Present only on WholeStageCodegen clusters: the nodes drawn inside the cluster, in build order. */
  cluster?: SqlPlanGraphNode[];
}

/** `fromId` is the child, `toId` the parent. */
export interface SqlPlanGraphEdge {
  fromId: number;
  toId: number;
}

export interface SqlPlanGraph {
  /** Top-level nodes and clusters in build order. */
  nodes: SqlPlanGraphNode[];
  edges: SqlPlanGraphEdge[];
}

export function parsePlanMetrics(v: unknown): SqlPlanMetric[] {
  const out: SqlPlanMetric[] = [];
  for (const m of asArray(v)) {
    const o = asObject(m);
    if (!o) continue;
    const accumulatorId = optInt(o.accumulatorId);
    if (accumulatorId === undefined) continue;
    out.push({ name: optString(o.name) ?? '', accumulatorId, metricType: optString(o.metricType) ?? '' });
  }
  return out;
}

/**
 * Spark keys re-used exchanges by SparkPlanInfo equality: same nodeName, simpleString and (recursively) children.
 * Each distinct structure gets a small integer so that lookups stay cheap on large plans.
 */
class PlanIdentity {
  private readonly memo = new WeakMap<object, number>();
  private readonly interned = new Map<string, number>();

  of(info: JsonObject): number {
    const known = this.memo.get(info);
    if (known !== undefined) return known;
    const childIds = asArray(info.children).map((c) => {
      const o = asObject(c);
      return o ? this.of(o) : -1;
    });
    const key = JSON.stringify([optString(info.nodeName), optString(info.simpleString), childIds]);
    let id = this.interned.get(key);
    if (id === undefined) {
      id = this.interned.size;
      this.interned.set(key, id);
    }
    this.memo.set(info, id);
    return id;
  }
}

/** Builds the graph; a missing or malformed plan yields an empty graph. */
export function buildPlanGraph(planInfo: unknown): SqlPlanGraph {
  const nodes: SqlPlanGraphNode[] = [];
  const edges: SqlPlanGraphEdge[] = [];
  const exchanges = new Map<number, SqlPlanGraphNode>();
  const identity = new PlanIdentity();
  let nextId = 0;

  const firstChild = (info: JsonObject): JsonObject | undefined => asObject(asArray(info.children)[0]);
  const edge = (from: SqlPlanGraphNode, parent: SqlPlanGraphNode | null): void => {
    if (parent) edges.push({ fromId: from.id, toId: parent.id });
  };

  const build = (info: JsonObject, parent: SqlPlanGraphNode | null, subgraph: SqlPlanGraphNode | null): void => {
    const name = optString(info.nodeName) ?? '';
    if (name.startsWith('WholeStageCodegen')) {
      const cluster: SqlPlanGraphNode = {
        id: nextId++,
        name,
        desc: optString(info.simpleString) ?? '',
        metrics: parsePlanMetrics(info.metrics),
        cluster: [],
      };
      nodes.push(cluster);
      const child = firstChild(info);
      if (child) build(child, parent, cluster);
      return;
    }
    switch (name) {
      case 'InputAdapter': {
        const child = firstChild(info);
        if (child) build(child, parent, null);
        return;
      }
      case 'BroadcastQueryStage':
      case 'ShuffleQueryStage': {
        const child = firstChild(info);
        if (!child) return;
        const reused = exchanges.get(identity.of(child));
        if (reused) edge(reused, parent);
        else build(child, parent, null);
        return;
      }
      // Spark 4.x wraps the final stage of an adaptive plan in a ResultQueryStage; Spark 4 draws only its child.
      case 'ResultQueryStage':
      case 'TableCacheQueryStage': {
        const child = firstChild(info);
        if (child) build(child, parent, null);
        return;
      }
      case 'Subquery':
      case 'SubqueryBroadcast': {
        if (subgraph !== null) {
          // A subquery is never drawn inside a WholeStageCodegen cluster.
          build(info, parent, null);
          return;
        }
        const reused = exchanges.get(identity.of(info));
        if (reused) {
          edge(reused, parent);
          return;
        }
        break;
      }
      case 'ReusedSubquery': {
        const child = firstChild(info);
        if (child) build(child, parent, subgraph);
        return;
      }
      case 'ReusedExchange': {
        const child = firstChild(info);
        const reused = child ? exchanges.get(identity.of(child)) : undefined;
        if (reused) {
          edge(reused, parent);
          return;
        }
        break;
      }
    }
    const node: SqlPlanGraphNode = {
      id: nextId++,
      name,
      desc: optString(info.simpleString) ?? '',
      metrics: parsePlanMetrics(info.metrics),
    };
    if (subgraph === null) nodes.push(node);
    else subgraph.cluster!.push(node);
    if (name.includes('Exchange') || name.includes('Subquery')) exchanges.set(identity.of(info), node);
    edge(node, parent);
    for (const c of asArray(info.children)) {
      const child = asObject(c);
      if (child) build(child, node, subgraph);
    }
  };

  const root = asObject(planInfo);
  if (root) build(root, null, null);
  return { nodes, edges };
}

/** SparkPlanGraph.allNodes: every node, each cluster listed after the nodes inside it. */
export function allPlanNodes(graph: SqlPlanGraph): SqlPlanGraphNode[] {
  const out: SqlPlanGraphNode[] = [];
  for (const n of graph.nodes) {
    if (n.cluster) out.push(...n.cluster, n);
    else out.push(n);
  }
  return out;
}

/** The SQLPlanMetric list an execution tracks: every node's metrics, one per accumulator id. */
export function graphMetrics(graph: SqlPlanGraph): SqlPlanMetric[] {
  // Spark builds (id -> metric).toMap.values.toList: the last metric seen for an id wins. The list's order
  // only matters for which duplicate wins, so keep first-appearance order of ids with last-seen values.
  const byId = new Map<number, SqlPlanMetric>();
  for (const n of allPlanNodes(graph)) for (const m of n.metrics) byId.set(m.accumulatorId, m);
  return Array.from(byId.values());
}
