import { z } from 'zod';

/*
 * What Spark's UI draws its DAGs from and its REST API does not expose: each stage attempt's parent stages,
 * the RDDs it ran (with their operation scopes and call sites), and its locality summary
 * (`GET /api/console/apps/{appId}/attempts/{attempt}/stage-graph`).
 */

export const RddNode = z.looseObject({
  id: z.int(),
  name: z.string(),
  /** JSON text of Spark's RDDOperationScope ({id, name, parent?}), when the log has it. */
  scope: z.string().optional(),
  callSite: z.string(),
  parentIds: z.array(z.int()),
  cached: z.boolean(),
  barrier: z.boolean(),
  deterministicLevel: z.string(),
});
export type RddNode = z.infer<typeof RddNode>;

export const StageGraphNode = z.looseObject({
  stageId: z.int(),
  attemptId: z.int(),
  name: z.string(),
  status: z.string(),
  numTasks: z.int(),
  parentIds: z.array(z.int()),
  jobIds: z.array(z.int()),
  /** Task count per locality level (PROCESS_LOCAL, NODE_LOCAL, …). */
  localitySummary: z.record(z.string(), z.int()),
  rdds: z.array(RddNode),
});
export type StageGraphNode = z.infer<typeof StageGraphNode>;

export const StageGraph = z.looseObject({ stages: z.array(StageGraphNode) });
export type StageGraph = z.infer<typeof StageGraph>;
