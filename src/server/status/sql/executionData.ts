/**
 * SqlResource.prepareExecutionData (Spark 3.5): the REST `ExecutionData` of `/applications/{app}/sql` and
 * `/sql/{id}`, with Jackson's field order and its NON_ABSENT rule (null fields are left out).
 */
import { allPlanNodes, type SqlPlanGraph, type SqlPlanGraphNode } from './planGraph.js';
import type { SqlExecutionRecord } from './sqlRecord.js';

const WHOLE_STAGE_CODEGEN = 'WholeStageCodegen';
const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

/** Java's String.trim: strips chars <= U+0020 from both ends (not Unicode whitespace). */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(start, end);
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSS'GMT'` in UTC, as Spark's JacksonMessageWriter writes dates. */
export function formatSparkGmtDate(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return '1970-01-01T00:00:00.000GMT';
  return d.toISOString().slice(0, 23) + 'GMT';
}

/** "WholeStageCodegen (7)" → 7; undefined where Spark's substring/toLong fails. */
export function wholeStageCodegenId(clusterName: string): number | undefined {
  const begin = `${WHOLE_STAGE_CODEGEN} (`.length;
  const end = clusterName.length - 1;
  if (end < begin) return undefined;
  const text = clusterName.slice(begin, end);
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const v = BigInt(text);
  return v >= LONG_MIN && v <= LONG_MAX ? Number(v) : undefined;
}

function codegenIds(nodes: readonly SqlPlanGraphNode[]): Map<number, number | undefined> {
  const ids = new Map<number, number | undefined>();
  for (const n of nodes) {
    const name = javaTrim(n.name);
    if (!name.startsWith(WHOLE_STAGE_CODEGEN) || !n.cluster) continue;
    const id = wholeStageCodegenId(name);
    for (const child of n.cluster) ids.set(child.id, id);
  }
  return ids;
}

/**
 * SqlResource.printableMetrics: every node with the metrics that have a value, highest node id first; Spark 4.x
 * adds each node's `desc` (the plan node's simpleString).
 */
function printableNodes(graph: SqlPlanGraph, metricValues: Readonly<Record<string, string>>, spark4: boolean): Record<string, unknown>[] {
  const nodes = allPlanNodes(graph);
  const codegen = codegenIds(nodes);
  const out = nodes.map((node) => {
    const metrics: { name: string; value: string }[] = [];
    for (const m of node.metrics) {
      const v = metricValues[String(m.accumulatorId)];
      if (v === undefined) continue;
      metrics.push({ name: javaTrim(m.name), value: v.startsWith('\n') ? v.slice(1) : v });
    }
    const json: Record<string, unknown> = { nodeId: node.id, nodeName: javaTrim(node.name) };
    const wscg = codegen.get(node.id);
    if (wscg !== undefined) json.wholeStageCodegenId = wscg;
    json.metrics = metrics;
    if (spark4) json.desc = node.desc;
    return json;
  });
  return out.sort((a, b) => (b.nodeId as number) - (a.nodeId as number));
}

export function toExecutionData(
  rec: SqlExecutionRecord,
  opts: { details: boolean; planDescription: boolean; now: number; spark4?: boolean },
): Record<string, unknown> {
  const running: number[] = [];
  const succeeded: number[] = [];
  const failed: number[] = [];
  for (const { jobId, status } of rec.jobs) {
    if (status === 'RUNNING') running.push(jobId);
    else if (status === 'SUCCEEDED') succeeded.push(jobId);
    else if (status === 'FAILED') failed.push(jobId);
  }
  const out: Record<string, unknown> = { id: rec.executionId, status: rec.status };
  if (rec.description !== null) out.description = rec.description;
  const plan = opts.planDescription ? rec.physicalPlanDescription : '';
  if (plan !== null) out.planDescription = plan;
  out.submissionTime = formatSparkGmtDate(rec.submissionTime);
  out.duration = (rec.completionTime ?? opts.now) - rec.submissionTime;
  out.runningJobIds = running;
  out.successJobIds = succeeded;
  out.failedJobIds = failed;
  out.nodes = opts.details && rec.graph ? printableNodes(rec.graph, rec.metricValues, opts.spark4 === true) : [];
  out.edges = opts.details && rec.graph ? rec.graph.edges.map((e) => ({ fromId: e.fromId, toId: e.toId })) : [];
  if (opts.spark4) {
    // Spark 4.x's ExecutionData: null fields (no queryId in the log, no end event yet) are left out.
    if (rec.queryId != null) out.queryId = rec.queryId;
    if (rec.errorMessage !== null) out.errorMessage = rec.errorMessage;
    out.rootExecutionId = rec.rootExecutionId;
    out.modifiedConfigs = rec.modifiedConfigs;
  }
  return out;
}
