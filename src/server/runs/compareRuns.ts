import type { JobMatch, PropertyDifference, RunComparison, RunSummary, SqlMatch, StageMatch } from '../../api/console/runs.js';
import { parseSparkDate } from '../../api/spark/sparkDate.js';
import type { ResolvedAttempt } from '../api/appCatalog.js';
import type { Json } from '../status/eventJson.js';
import type { SqlExecutionRecord } from '../status/sql/sqlRecord.js';

/** Rows per list (jobs, stages, queries): enough for any batch job, bounded for long-running ones. */
export const COMPARED_ROWS = 500;
/** Plan lines listed per side of a query. */
const PLAN_LINES = 40;

/** Properties that name the run itself: they always differ and say nothing about what changed. */
const RUN_SPECIFIC = /^spark\.(app\.(id|startTime|submitTime|attempt\.id)|driver\.(host|port|appUIAddress)|yarn\.app\.id|ui\.proxyBase)$|AmIpFilter\.param\./;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const span = (from: unknown, to: unknown): number => {
  const a = typeof from === 'string' ? parseSparkDate(from) : undefined;
  const b = typeof to === 'string' ? parseSparkDate(to) : undefined;
  return a !== undefined && b !== undefined ? Math.max(0, b - a) : 0;
};

export interface ComparedRun {
  attempt: ResolvedAttempt;
  summary: RunSummary;
  /** Spark properties as the Environment page shows them (redacted). */
  properties: [string, string][];
}

/** Properties set differently (or in one run only), what changed first, then the run's own ids. */
export function propertyDifferences(a: [string, string][], b: [string, string][]): PropertyDifference[] {
  const left = new Map(a);
  const right = new Map(b);
  const out: PropertyDifference[] = [];
  for (const key of new Set([...left.keys(), ...right.keys()])) {
    const x = left.get(key) ?? null;
    const y = right.get(key) ?? null;
    if (x !== y) out.push({ key, a: x, b: y, runSpecific: RUN_SPECIFIC.test(key) });
  }
  return out.sort((p, q) => Number(p.runSpecific) - Number(q.runSpecific) || p.key.localeCompare(q.key));
}

/**
 * Pairs the items of two runs that have the same name, the k-th occurrence with the k-th (a job run twice at
 * one call site is two rows). Rows follow run a's order, then what only run b has.
 */
export function matchByName<T>(a: T[], b: T[], nameOf: (t: T) => string): { name: string; a: T | null; b: T | null }[] {
  const keyed = (items: T[]) => {
    const seen = new Map<string, number>();
    return items.map((t) => {
      const name = nameOf(t);
      const k = seen.get(name) ?? 0;
      seen.set(name, k + 1);
      return { key: `${name}\u0000${k}`, name, item: t };
    });
  };
  const right = new Map(keyed(b).map((e) => [e.key, e]));
  const rows: { name: string; a: T | null; b: T | null }[] = [];
  for (const e of keyed(a)) {
    const other = right.get(e.key);
    right.delete(e.key);
    rows.push({ name: e.name, a: e.item, b: other?.item ?? null });
  }
  for (const e of right.values()) rows.push({ name: e.name, a: null, b: e.item });
  return rows;
}

/**
 * A query's signature, as MaxCompute groups similar jobs: its text with literals replaced, so a daily job's
 * `ds='20260227'` and `ds='20260228'` are the same query.
 */
export function sqlSignature(description: string): string {
  return description.replace(/'(?:[^'\\]|\\.)*'/g, '?').replace(/\b\d+(\.\d+)?\b/g, '?').replace(/\s+/g, ' ').trim();
}

/** Dates and timestamps in plan text (partition values, file names) change every run; they are not a plan change. */
const RUN_DATES = /\b\d{8,}\b|\d{4}-\d{2}-\d{2}/g;

const delta = (x: { durationMs: number } | null, y: { durationMs: number } | null) => (x && y ? x.durationMs - y.durationMs : null);

function jobSide(j: Json) {
  return { jobId: num(j.jobId), status: String(j.status ?? ''), durationMs: span(j.submissionTime, j.completionTime), numTasks: num(j.numTasks), numFailedTasks: num(j.numFailedTasks) };
}

function stageSide(s: Json) {
  return {
    stageId: num(s.stageId),
    attemptId: num(s.attemptId),
    status: String(s.status ?? ''),
    numTasks: num(s.numTasks),
    durationMs: span(s.submissionTime, s.completionTime),
    executorRunTime: num(s.executorRunTime),
    inputBytes: num(s.inputBytes),
    shuffleReadBytes: num(s.shuffleReadBytes),
    shuffleWriteBytes: num(s.shuffleWriteBytes),
    spilledBytes: num(s.memoryBytesSpilled) + num(s.diskBytesSpilled),
  };
}

/**
 * The physical plan's lines without what differs between any two runs of the same query: expression ids
 * (`#123`), plan ids, AQE's final-plan marker and dates. A formatted explain's per-node details stay: they
 * hold what changes (an Exchange's partition count is in its `Arguments:` line).
 */
export function planLines(plan: string | null): string[] {
  if (!plan) return [];
  const physical = plan.slice(Math.max(0, plan.indexOf('== Physical Plan ==')));
  return physical
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/#\d+L?/g, '').replace(/\[(plan_)?id=#?\d+\]/g, '').replace(/(plan_id|id)=\d+/g, '').replace(/isFinalPlan=(true|false)/, '').replace(RUN_DATES, '?').trimEnd())
    .filter((l) => l.trim() !== '');
}

function multisetMinus(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of b) counts.set(l, (counts.get(l) ?? 0) + 1);
  const out: string[] = [];
  for (const l of a) {
    const n = counts.get(l) ?? 0;
    if (n > 0) counts.set(l, n - 1);
    else out.push(l.trim());
  }
  return out.slice(0, PLAN_LINES);
}

function sqlRecords(a: ResolvedAttempt): SqlExecutionRecord[] {
  return a.store.sqlExecutions(0, COMPARED_ROWS + 1) as unknown as SqlExecutionRecord[];
}

const sqlDuration = (r: SqlExecutionRecord) => (r.submissionTime >= 0 && r.completionTime !== null ? Math.max(0, r.completionTime - r.submissionTime) : 0);

/** Two runs side by side; `a` is the run asked about, deltas are a − b. */
export function compareRuns(a: ComparedRun, b: ComparedRun): RunComparison {
  let truncated = false;
  const capped = <T>(items: T[]): T[] => {
    if (items.length > COMPARED_ROWS) truncated = true;
    return items.slice(0, COMPARED_ROWS);
  };
  const jobsOf = (r: ComparedRun) => capped(r.attempt.store.jobs().sort((x, y) => num(x.jobId) - num(y.jobId)));
  const stagesOf = (r: ComparedRun) =>
    capped(
      r.attempt.store
        .stageDataJson()
        .map((s) => JSON.parse(s.data) as Json)
        .sort((x, y) => num(x.stageId) - num(y.stageId) || num(x.attemptId) - num(y.attemptId)),
    );
  const jobs: JobMatch[] = matchByName(jobsOf(a), jobsOf(b), (j) => String(j.name ?? '')).map((m) => {
    const x = m.a && jobSide(m.a);
    const y = m.b && jobSide(m.b);
    return { name: m.name, a: x, b: y, deltaMs: delta(x, y) };
  });
  const stages: StageMatch[] = matchByName(stagesOf(a), stagesOf(b), (s) => String(s.name ?? '')).map((m) => {
    const x = m.a && stageSide(m.a);
    const y = m.b && stageSide(m.b);
    return { name: m.name, a: x, b: y, deltaMs: delta(x, y) };
  });
  const sql: SqlMatch[] = matchByName(capped(sqlRecords(a.attempt)), capped(sqlRecords(b.attempt)), (r) => sqlSignature(r.description ?? '')).map((m) => {
    const x = m.a && { executionId: m.a.executionId, status: m.a.status, durationMs: sqlDuration(m.a) };
    const y = m.b && { executionId: m.b.executionId, status: m.b.status, durationMs: sqlDuration(m.b) };
    const la = m.a ? planLines(m.a.physicalPlanDescription) : [];
    const lb = m.b ? planLines(m.b.physicalPlanDescription) : [];
    const both = m.a !== null && m.b !== null;
    return { description: (m.a ?? m.b)!.description ?? '', a: x, b: y, deltaMs: delta(x, y), planOnlyInA: both ? multisetMinus(la, lb) : [], planOnlyInB: both ? multisetMinus(lb, la) : [] };
  });
  return { a: a.summary, b: b.summary, properties: propertyDifferences(a.properties, b.properties), jobs, stages, sql, truncated };
}
