import { z } from 'zod';

/*
 * Findings about one application attempt: why it failed or was slow, each with its numbers, the threshold
 * it crossed, the time (or CU-hours) it explains, and links to the exact stage, task or executor
 * (`GET /api/console/apps/{appId}/attempts/{attempt}/diagnostics`).
 */

export const DIAGNOSTIC_RULES = [
  'failedTasks',
  'fetchFailures',
  'stageRetries',
  'lostExecutors',
  'skew',
  'spill',
  'gcStage',
  'gcExecutor',
  'tinyTasks',
  'idleCores',
  'largePartition',
  'executorMemory',
  'smallFiles',
  'largeBroadcast',
] as const;
export const DiagnosticRule = z.enum(DIAGNOSTIC_RULES);
export type DiagnosticRule = z.infer<typeof DiagnosticRule>;

export const DiagnosticSeverity = z.enum(['critical', 'warning', 'info']);
export type DiagnosticSeverity = z.infer<typeof DiagnosticSeverity>;

/** A measured value or a threshold, with the unit the UI formats it in. */
export const DiagnosticValue = z.looseObject({
  label: z.string(),
  value: z.number(),
  unit: z.enum(['ms', 'bytes', 'count', 'ratio', 'cores']),
});
export type DiagnosticValue = z.infer<typeof DiagnosticValue>;

/** What a finding is about: a stage attempt, a task (of a stage attempt), an executor or a SQL execution. */
export const DiagnosticLink = z.looseObject({
  kind: z.enum(['stage', 'task', 'executor', 'sql']),
  label: z.string(),
  stageId: z.int().optional(),
  attemptId: z.int().optional(),
  taskId: z.int().optional(),
  executorId: z.string().optional(),
  executionId: z.int().optional(),
});
export type DiagnosticLink = z.infer<typeof DiagnosticLink>;

export const DiagnosticFinding = z.looseObject({
  /** Stable within a response: rule plus what it is about (e.g. `skew:3.0`). */
  id: z.string(),
  rule: DiagnosticRule,
  severity: DiagnosticSeverity,
  /** One line with the numbers shown. */
  title: z.string(),
  measured: z.array(DiagnosticValue),
  thresholds: z.array(DiagnosticValue),
  /** Time the finding explains (task time lost, waited or idle), in ms; findings are ranked by it. */
  impactMs: z.number(),
  /** The same impact as CU-hours where it is compute (1 CU = 1 core + 4 GB; a core-hour counts as one). */
  impactCuHours: z.number().optional(),
  /** How the impact was computed, in words. */
  impact: z.string(),
  links: z.array(DiagnosticLink),
  /** Extra rows (skewed tasks, errors' stages), each a list of labelled values. */
  details: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).optional(),
});
export type DiagnosticFinding = z.infer<typeof DiagnosticFinding>;

export const Diagnostics = z.looseObject({
  /** Ranked: critical first, then by impactMs descending. */
  findings: z.array(DiagnosticFinding),
  /** Failed task rows read for grouping (bounded); `truncated` when there were more. */
  failedTasksRead: z.int(),
  truncated: z.boolean(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;
