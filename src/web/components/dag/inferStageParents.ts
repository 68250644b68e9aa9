/*
 * Spark's REST API does not say which stages feed which (StageData has no parent ids), so the job DAG infers
 * edges from what it does have: stage ids (Spark numbers parent stages before their children) and RDD ids
 * (a child stage's RDDs are created after every RDD of its parents). A stage B gets every earlier stage A
 * whose RDDs all precede B's as a candidate parent; transitive edges are then dropped, so a chain stays a
 * chain. Independent branches that feed a join come out as a chain too — the page says edges are inferred.
 */

export interface StageNodeInput {
  stageId: number;
  rddIds: readonly number[];
}

/** Parent stage ids per stage id. */
export function inferStageParents(stages: readonly StageNodeInput[]): Map<number, number[]> {
  const sorted = [...stages].sort((a, b) => a.stageId - b.stageId);
  const minRdd = new Map<number, number>();
  const maxRdd = new Map<number, number>();
  for (const s of sorted) {
    minRdd.set(s.stageId, s.rddIds.length === 0 ? Infinity : Math.min(...s.rddIds));
    maxRdd.set(s.stageId, s.rddIds.length === 0 ? -Infinity : Math.max(...s.rddIds));
  }
  const ancestors = new Map<number, Set<number>>();
  const parents = new Map<number, number[]>();
  for (const b of sorted) {
    const candidates = sorted.filter((a) => a.stageId < b.stageId && maxRdd.get(a.stageId)! < minRdd.get(b.stageId)!).map((a) => a.stageId);
    // Newest candidates first: a newer candidate that already descends from an older one makes that edge redundant.
    candidates.sort((x, y) => y - x);
    const kept: number[] = [];
    const reach = new Set<number>();
    for (const a of candidates) {
      if (reach.has(a)) continue;
      kept.push(a);
      reach.add(a);
      for (const up of ancestors.get(a) ?? []) reach.add(up);
    }
    parents.set(b.stageId, kept.sort((x, y) => x - y));
    ancestors.set(b.stageId, reach);
  }
  return parents;
}
