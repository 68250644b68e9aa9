import { parseSparkDate } from '../../api/spark/sparkDate.js';
import type { Json } from '../status/eventJson.js';
import type { AppStoreReader, FailedTaskRow } from '../store/appStoreReader.js';
import { parseMemoryMiB } from '../status/computeUsage.js';
import { allPlanNodes } from '../status/sql/planGraph.js';
import type { SqlExecutionRecord } from '../status/sql/sqlRecord.js';
import type { DiagnosticsInput, ExecutorFacts, SqlNodeFacts, StageFacts, StageTaskStats } from './diagnosticsInput.js';
import { sqlMetricTotal } from './sqlMetricValue.js';
import { FAILED_TASKS_READ, SKEWED_TASKS_SHOWN, SQL_EXECUTIONS_READ, THRESHOLDS } from './thresholds.js';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const date = (v: unknown): number | undefined => (typeof v === 'string' ? parseSparkDate(v) : undefined);

function stageFacts(d: Json): StageFacts {
  const f: StageFacts = {
    stageId: num(d.stageId),
    attemptId: num(d.attemptId),
    name: String(d.name ?? ''),
    status: String(d.status ?? ''),
    numTasks: num(d.numTasks),
    executorRunTime: num(d.executorRunTime),
    jvmGcTime: num(d.jvmGcTime),
    memoryBytesSpilled: num(d.memoryBytesSpilled),
    diskBytesSpilled: num(d.diskBytesSpilled),
  };
  if (typeof d.failureReason === 'string') f.failureReason = d.failureReason;
  const submitted = date(d.submissionTime);
  const completed = date(d.completionTime);
  if (submitted !== undefined) f.submissionTime = submitted;
  if (completed !== undefined) f.completionTime = completed;
  return f;
}

function executorFacts(e: Json): ExecutorFacts {
  const f: ExecutorFacts = {
    id: String(e.id ?? ''),
    host: String(e.hostPort ?? '').replace(/:\d+$/, ''),
    totalCores: num(e.totalCores),
    addTime: date(e.addTime) ?? 0,
    totalDuration: num(e.totalDuration),
    totalGcTime: num(e.totalGCTime),
  };
  const removed = date(e.removeTime);
  if (removed !== undefined) f.removeTime = removed;
  if (typeof e.removeReason === 'string') f.removeReason = e.removeReason;
  const heap = (e.peakMemoryMetrics as Json | undefined)?.JVMHeapMemory;
  // A running JVM always holds some heap: 0 (or Spark's -1) means the log has no peaks, as 2.x logs do not.
  if (typeof heap === 'number' && heap > 0) f.peakJvmHeapBytes = heap;
  return f;
}

/**
 * Duration statistics of a stage attempt's successful tasks, by indexed queries: a count, the max, a median by
 * offset on the duration index, and (only where skew is possible) the slowest tasks and the input and
 * shuffle-read medians. No task row is loaded beyond those.
 */
function taskStats(store: AppStoreReader, s: StageFacts): StageTaskStats {
  const { count, maxMs, overheadMs } = store.successStats(s.stageId, s.attemptId);
  const mid = Math.floor((count - 1) / 2);
  const medianMs = count > 0 ? store.successColumnAt(s.stageId, s.attemptId, 'duration', mid) : 0;
  const stats: StageTaskStats = { stageId: s.stageId, attemptId: s.attemptId, count, medianMs, maxMs, overheadMs, slowest: [], medianInputBytes: 0, medianShuffleReadBytes: 0 };
  if (count > 0 && maxMs > THRESHOLDS.skewMinMaxMs && maxMs > THRESHOLDS.skewRatio * medianMs) {
    stats.slowest = store.slowestTasks(s.stageId, s.attemptId, SKEWED_TASKS_SHOWN);
    stats.medianInputBytes = store.successColumnAt(s.stageId, s.attemptId, 'input_bytes', mid);
    stats.medianShuffleReadBytes = store.successColumnAt(s.stageId, s.attemptId, 'shuffle_read_bytes', mid);
  }
  return stats;
}

/** Plan nodes the file and broadcast rules read: scans, writes and broadcast exchanges, with parsed metrics. */
const SQL_NODE = /^(Scan|FileScan|BatchScan|BroadcastExchange|Execute InsertInto|InsertInto|Execute .*Write|WriteFiles|AppendData|OverwriteByExpression|OverwritePartitionsDynamic)/;

function sqlNodeFacts(records: SqlExecutionRecord[]): SqlNodeFacts[] {
  const out: SqlNodeFacts[] = [];
  for (const rec of records) {
    if (!rec.graph) continue;
    for (const node of allPlanNodes(rec.graph)) {
      if (!SQL_NODE.test(node.name.trim())) continue;
      const metrics: Record<string, number> = {};
      for (const m of node.metrics) {
        const shown = rec.metricValues[String(m.accumulatorId)];
        const v = shown === undefined ? undefined : sqlMetricTotal(shown);
        if (v !== undefined) metrics[m.name.trim()] = v;
      }
      out.push({ executionId: rec.executionId, description: rec.description ?? '', nodeId: node.id, nodeName: node.name.trim(), metrics });
    }
  }
  return out;
}

/** `spark.executor.memory` in bytes from the stored environment, when set and readable. */
function executorMemoryBytes(store: AppStoreReader): number | undefined {
  const env = store.meta<{ sparkProperties?: [string, string][] }>('environment');
  const text = env?.sparkProperties?.find(([k]) => k === 'spark.executor.memory')?.[1];
  const mib = parseMemoryMiB(text);
  return mib === undefined ? undefined : mib * 1024 * 1024;
}

export interface CollectedInput {
  input: DiagnosticsInput;
  failedTasksTotal: number;
}

/** The last time the log shows: executors added or removed, stages submitted or completed, tasks ended. */
function lastSeen(appStart: number, stages: StageFacts[], executors: ExecutorFacts[], failed: FailedTaskRow[]): number {
  let t = appStart;
  for (const s of stages) t = Math.max(t, s.submissionTime ?? 0, s.completionTime ?? 0);
  for (const e of executors) t = Math.max(t, e.addTime, e.removeTime ?? 0);
  for (const f of failed) t = Math.max(t, f.launchTime + f.duration);
  return t;
}

/**
 * Gathers what the rules read from an application's store. `appEnd` is its end; for an attempt that has not
 * ended (running, or crashed without an end) it is the last time its log shows.
 */
export function collectInput(store: AppStoreReader, appStart: number, appEnd: number | undefined): CollectedInput {
  const stages = store.stages().map((s) => stageFacts(s.data));
  const executors = store.executors().map(executorFacts);
  const failed = store.failedTasks(FAILED_TASKS_READ);
  const memory = executorMemoryBytes(store);
  return {
    input: {
      appStart,
      appEnd: appEnd ?? lastSeen(appStart, stages, executors, failed.rows),
      stages,
      taskStats: stages.map((s) => taskStats(store, s)),
      executors,
      failedTasks: failed.rows,
      partitionMaxima: store.partitionMaxima(),
      ...(memory !== undefined ? { executorMemoryBytes: memory } : {}),
      sqlNodes: sqlNodeFacts(store.sqlExecutions(0, SQL_EXECUTIONS_READ) as unknown as SqlExecutionRecord[]),
    },
    failedTasksTotal: failed.total,
  };
}
