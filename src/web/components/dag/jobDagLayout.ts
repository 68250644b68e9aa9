import type { RddNode } from '../../../api/index.js';
import { layoutRddDag, type Box, type RddDagLayout, type RddDagMetrics } from './rddDagLayout.js';
import { rddDagModel, type RddDagModel } from './rddDagModel.js';

/*
 * Spark's job DAG (spec §2.11 D, job page): every stage of the job is a root cluster holding its own RDD graph
 * with nested operation-scope clusters, laid out top-down by the same layout as the stage page's RDD DAG; the
 * stages sit side by side, left to right in the order of their parent stages (a layer per longest path); and
 * the edges that cross from one stage to another join the RDD a stage reads to the RDD of the parent stage it
 * comes from. Pure arithmetic: the caller measures text.
 */

/** Layer per id: the longest path from a source, following `parents` (parents outside `ids` and cycles ignored). */
export function longestPathLayers(ids: readonly number[], parents: (id: number) => readonly number[]): Map<number, number> {
  const present = new Set(ids);
  const layer = new Map<number, number>();
  const visiting = new Set<number>();
  const visit = (id: number): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    visiting.add(id);
    let l = 0;
    for (const p of parents(id)) {
      if (!present.has(p) || p === id || visiting.has(p)) continue;
      l = Math.max(l, visit(p) + 1);
    }
    visiting.delete(id);
    layer.set(id, l);
    return l;
  };
  for (const id of [...ids].sort((a, b) => a - b)) visit(id);
  return layer;
}

export interface JobDagStageInput {
  stageId: number;
  attemptId: number;
  parentIds: readonly number[];
  rdds: readonly RddNode[];
}

export interface JobDagStage {
  stageId: number;
  model: RddDagModel;
  layout: RddDagLayout;
  /** Top-left corner of the stage cluster in the whole graph. */
  x: number;
  y: number;
}

/** An RDD edge between two stages: [stage, RDD] of the parent and of the child. */
export interface CrossStageEdge {
  from: { stageId: number; rddId: number };
  to: { stageId: number; rddId: number };
}

export interface JobDagLayout {
  width: number;
  height: number;
  stages: Map<number, JobDagStage>;
  crossEdges: CrossStageEdge[];
}

export interface JobDagSpacing {
  /** Horizontal gap between stage layers (room for the cross-stage curves). */
  stageGapX: number;
  /** Vertical gap between stages of one layer. */
  stageGapY: number;
}

/** The absolute box of an RDD of a stage. */
export function rddBox(dag: JobDagLayout, stageId: number, rddId: number): Box | undefined {
  const s = dag.stages.get(stageId);
  const b = s?.layout.nodes.get(rddId);
  return s === undefined || b === undefined ? undefined : { x: s.x + b.x, y: s.y + b.y, width: b.width, height: b.height };
}

export function layoutJobDag(input: readonly JobDagStageInput[], metrics: RddDagMetrics, spacing: JobDagSpacing): JobDagLayout {
  const ids = input.map((s) => s.stageId);
  const present = new Set(ids);
  const byId = new Map(input.map((s) => [s.stageId, s]));
  const parentsOf = (id: number) => (byId.get(id)?.parentIds ?? []).filter((p) => present.has(p) && p !== id);
  const layerOf = longestPathLayers(ids, parentsOf);

  const laid = new Map<number, { model: RddDagModel; layout: RddDagLayout }>();
  for (const s of input) {
    const model = rddDagModel(s.stageId, s.attemptId, s.rdds);
    laid.set(s.stageId, { model, layout: layoutRddDag(model, metrics) });
  }

  // Stage layers left to right; in a layer, stages by id (Spark draws stages in id order).
  const layers: number[][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) (layers[layerOf.get(id)!] ??= []).push(id);
  const stages = new Map<number, JobDagStage>();
  let x = 0;
  let height = 0;
  for (const layer of layers) {
    if (layer === undefined) continue;
    let y = 0;
    let layerWidth = 0;
    for (const id of layer) {
      const l = laid.get(id)!;
      stages.set(id, { stageId: id, model: l.model, layout: l.layout, x, y });
      y += l.layout.height + spacing.stageGapY;
      layerWidth = Math.max(layerWidth, l.layout.width);
    }
    height = Math.max(height, y - spacing.stageGapY);
    x += layerWidth + spacing.stageGapX;
  }
  const width = Math.max(0, x - spacing.stageGapX);

  // An RDD whose parent is not in its own stage reads it from a parent stage (its shuffle output); failing
  // that, from any other stage of the job that holds it, the lowest id first.
  const crossEdges: CrossStageEdge[] = [];
  const seen = new Set<string>();
  for (const s of input) {
    const own = laid.get(s.stageId)!.model.nodes;
    const candidates = [...parentsOf(s.stageId), ...ids.filter((id) => id !== s.stageId && !parentsOf(s.stageId).includes(id)).sort((a, b) => a - b)];
    for (const r of s.rdds) {
      for (const p of r.parentIds) {
        if (own.has(p)) continue;
        const from = candidates.find((c) => laid.get(c)!.model.nodes.has(p));
        const key = `${from}:${p}>${s.stageId}:${r.id}`;
        if (from === undefined || seen.has(key)) continue;
        seen.add(key);
        crossEdges.push({ from: { stageId: from, rddId: p }, to: { stageId: s.stageId, rddId: r.id } });
      }
    }
  }
  return { width, height, stages, crossEdges };
}
