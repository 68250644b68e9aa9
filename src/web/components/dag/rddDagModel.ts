import type { RddNode } from '../../../api/index.js';

/*
 * Spark's RDDOperationGraph for one stage (spec §2.11 D), built from the console's stage graph: RDDs are
 * nodes labelled "<name> [<id>]" plus [Cached] / [Barrier] / [Indeterminate] / [Unordered]; edges join RDDs
 * of the stage; every RDD sits in the cluster of its innermost operation scope, scopes nest by their
 * `parent`, and the stage itself is the root cluster ("Stage N" or "Stage N (attempt k)"). Pure data, no DOM.
 */

export interface RddDagNode {
  id: number;
  /** "<name> [<id>]" plus the flags, as Spark labels the node. */
  label: string;
  callSite: string;
  cached: boolean;
  barrier: boolean;
  indeterminate: boolean;
}

export interface RddDagCluster {
  /** `stage_<id>` for the root, else the scope id. */
  id: string;
  name: string;
  kind: 'stage' | 'scope';
  /** A cluster holding a barrier RDD is drawn as Spark's barrier cluster. */
  barrier: boolean;
  nodes: number[];
  clusters: RddDagCluster[];
}

export interface RddDagModel {
  root: RddDagCluster;
  nodes: Map<number, RddDagNode>;
  /** [parent RDD id, child RDD id], both in the stage. */
  edges: [number, number][];
}

interface Scope {
  id: string;
  name: string;
}

/** Scopes of an RDD, outermost first, from Spark's RDDOperationScope JSON (`{"id","name","parent":{…}}`). */
export function parseScopeChain(json: string | undefined): Scope[] {
  if (json === undefined || json === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const chain: Scope[] = [];
  const seen = new Set<string>();
  while (typeof value === 'object' && value !== null) {
    const o = value as { id?: unknown; name?: unknown; parent?: unknown };
    if (o.id === undefined || o.name === undefined) break;
    const id = String(o.id);
    if (seen.has(id)) break;
    seen.add(id);
    chain.push({ id, name: String(o.name) });
    value = o.parent;
  }
  return chain.reverse();
}

/** Spark's node label: name, id and the flags that apply. */
export function rddLabel(r: Pick<RddNode, 'id' | 'name' | 'cached' | 'barrier' | 'deterministicLevel'>): string {
  let label = `${r.name} [${r.id}]`;
  if (r.cached) label += ' [Cached]';
  if (r.barrier) label += ' [Barrier]';
  if (r.deterministicLevel === 'INDETERMINATE') label += ' [Indeterminate]';
  else if (r.deterministicLevel === 'UNORDERED') label += ' [Unordered]';
  return label;
}

export function stageClusterName(stageId: number, attemptId: number): string {
  return `Stage ${stageId}${attemptId === 0 ? '' : ` (attempt ${attemptId})`}`;
}

export function rddDagModel(stageId: number, attemptId: number, rdds: readonly RddNode[]): RddDagModel {
  const root: RddDagCluster = { id: `stage_${stageId}`, name: stageClusterName(stageId, attemptId), kind: 'stage', barrier: false, nodes: [], clusters: [] };
  const clusters = new Map<string, RddDagCluster>();
  const attached = new Set<string>();
  const nodes = new Map<number, RddDagNode>();
  // Spark lists a stage's RDDs newest first; building in id order keeps clusters in creation order.
  const sorted = [...rdds].sort((a, b) => a.id - b.id);
  for (const r of sorted) {
    if (nodes.has(r.id)) continue;
    nodes.set(r.id, {
      id: r.id,
      label: rddLabel(r),
      callSite: r.callSite,
      cached: r.cached,
      barrier: r.barrier,
      indeterminate: r.deterministicLevel === 'INDETERMINATE',
    });
    const chain = parseScopeChain(r.scope).map((s) => {
      let c = clusters.get(s.id);
      if (c === undefined) clusters.set(s.id, (c = { id: s.id, name: s.name, kind: 'scope', barrier: false, nodes: [], clusters: [] }));
      return c;
    });
    // Attach each scope under its parent once (the first chain that names it decides, as in Spark).
    chain.forEach((c, i) => {
      if (attached.has(c.id)) return;
      attached.add(c.id);
      (i === 0 ? root : chain[i - 1]!).clusters.push(c);
    });
    const home = chain.at(-1) ?? root;
    home.nodes.push(r.id);
    if (r.barrier) home.barrier = true;
  }
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const r of sorted) {
    for (const p of r.parentIds) {
      const key = `${p}>${r.id}`;
      if (p === r.id || !nodes.has(p) || seen.has(key)) continue;
      seen.add(key);
      edges.push([p, r.id]);
    }
  }
  return { root, nodes, edges };
}
