/**
 * The SQL part of the state fold: Spark 3.5's SQLAppStatusListener as the History Server runs it while
 * replaying a log (no periodic live flushes; one flush at the end, which `all()`/`takeDirty()` stand for).
 *
 * Model, mirroring Spark:
 * - `live` = liveExecutions: executions still waiting for their end event or for job-end events;
 * - `stored` = the SQLExecutionUIData rows in the KV store, written at job start, at execution end and when an
 *   execution is complete (end event plus every job end); `graphs` = the SparkPlanGraphWrapper rows, written at
 *   execution start and at every adaptive plan update;
 * - `stageMetrics` = per-stage task metric arrays, dropped once no live execution references the stage.
 * Records handed out present a live execution as Spark's end-of-replay flush would store it (metrics aggregated
 * so far) and a finished one exactly as stored.
 */
import { buildPlanGraph, graphMetrics, parsePlanMetrics, type SqlPlanGraph, type SqlPlanMetric } from './planGraph.js';
import { stringValue } from './metricFormat.js';
import { scalaIterationOrder } from './scalaOrder.js';
import { asArray, asBool, asObject, optInt, optNumber, optString, parseLongValue, stringRecord } from './sqlJson.js';
import { sqlExecutionStatus, type SqlExecutionRecord, type SqlJobStatus } from './sqlRecord.js';
import { StageMetrics, UNKNOWN_INDEX } from './stageMetrics.js';

export type { SqlExecutionRecord, SqlExecutionStatus, SqlJobRef, SqlJobStatus } from './sqlRecord.js';

export interface SqlFoldOptions {
  /** spark.sql.ui.retainedExecutions (default 1000). */
  retainedExecutions: number;
}

const DEFAULT_OPTIONS: SqlFoldOptions = { retainedExecutions: 1000 };
const EXECUTION_ID_KEY = 'spark.sql.execution.id';

/** Thrown for an event Spark's listener would fail on; handle() counts and skips it. */
class MalformedEvent extends Error {}

function safeId(n: number | undefined): number | undefined {
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

function required<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new MalformedEvent(what);
  return v;
}

/** LiveExecutionData, and (as an immutable copy) the stored SQLExecutionUIData. */
class ExecutionState {
  rootExecutionId = -1;
  description: string | null = null;
  details: string | null = null;
  physicalPlanDescription: string | null = null;
  queryId: string | null = null;
  modifiedConfigs: Record<string, string> = {};
  /** Replaced, never mutated in place, so snapshots may share it. */
  metrics: SqlPlanMetric[] = [];
  submissionTime = -1;
  completionTime: number | null = null;
  errorMessage: string | null = null;
  jobs = new Map<number, SqlJobStatus>();
  stages = new Set<number>();
  driverAccumUpdates: Array<[number, number]> = [];
  /** Set once the execution ended; while null, values are aggregated on demand. */
  metricsValues: Map<number, string> | null = null;
  /** Job ends plus the execution end seen; the execution is complete at jobs.size + 1. */
  endEvents = 0;
  /** LiveEntity.lastWriteTime != -1: only an object's first write checks the retention trigger. */
  written = false;

  constructor(readonly executionId: number) {}

  snapshot(): ExecutionState {
    const s = new ExecutionState(this.executionId);
    s.rootExecutionId = this.rootExecutionId;
    s.description = this.description;
    s.details = this.details;
    s.physicalPlanDescription = this.physicalPlanDescription;
    s.queryId = this.queryId;
    s.modifiedConfigs = this.modifiedConfigs;
    s.metrics = this.metrics;
    s.submissionTime = this.submissionTime;
    s.completionTime = this.completionTime;
    s.errorMessage = this.errorMessage;
    s.jobs = new Map(this.jobs);
    s.stages = new Set(this.stages);
    s.metricsValues = this.metricsValues;
    return s;
  }
}

function metricTypeMap(metrics: readonly SqlPlanMetric[]): Map<number, string> {
  const m = new Map<number, string>();
  for (const metric of metrics) m.set(metric.accumulatorId, metric.metricType);
  return m;
}

export class SqlFold {
  private readonly opts: SqlFoldOptions;
  private readonly live = new Map<number, ExecutionState>();
  private readonly stageMetrics = new Map<number, StageMetrics>();
  private readonly stored = new Map<number, ExecutionState>();
  private readonly graphs = new Map<number, SqlPlanGraph>();
  private readonly dirty = new Set<number>();
  private readonly removed = new Set<number>();
  private malformed = 0;

  constructor(opts?: Partial<SqlFoldOptions>) {
    this.opts = { ...DEFAULT_OPTIONS, ...opts };
  }

  /** Events skipped because they could not be folded (Spark's listener would have thrown on them). */
  get malformedEvents(): number {
    return this.malformed;
  }

  handle(event: Record<string, any>): void {
    try {
      this.dispatch(event);
    } catch {
      this.malformed++;
    }
  }

  takeDirty(): SqlExecutionRecord[] {
    this.flushRetention();
    const ids = Array.from(this.dirty)
      .filter((id) => this.live.has(id) || this.stored.has(id))
      .sort((a, b) => a - b);
    this.dirty.clear();
    return ids.map((id) => this.record(id)!);
  }

  all(): SqlExecutionRecord[] {
    this.flushRetention();
    const ids = new Set<number>([...this.stored.keys(), ...this.live.keys()]);
    return Array.from(ids)
      .sort((a, b) => a - b)
      .map((id) => this.record(id)!);
  }

  takeRemoved(): number[] {
    this.flushRetention();
    const ids = Array.from(this.removed).sort((a, b) => a - b);
    this.removed.clear();
    return ids;
  }

  // ---------------------------------------------------------------------------------------------- dispatch

  private dispatch(event: Record<string, any>): void {
    const type = event?.Event;
    if (typeof type !== 'string') return;
    switch (type) {
      case 'SparkListenerJobStart':
        return this.onJobStart(event);
      case 'SparkListenerJobEnd':
        return this.onJobEnd(event);
      case 'SparkListenerStageSubmitted':
        return this.onStageSubmitted(event);
      case 'SparkListenerTaskStart':
        return this.onTaskStart(event);
      case 'SparkListenerTaskEnd':
        return this.onTaskEnd(event);
      case 'SparkListenerExecutorMetricsUpdate':
        return this.onExecutorMetricsUpdate(event);
    }
    // SQL events are logged under their class name, org.apache.spark.sql.execution.ui.*.
    switch (type.slice(type.lastIndexOf('.') + 1)) {
      case 'SparkListenerSQLExecutionStart':
        return this.onExecutionStart(event);
      case 'SparkListenerSQLAdaptiveExecutionUpdate':
        return this.onAdaptiveExecutionUpdate(event);
      case 'SparkListenerSQLAdaptiveSQLMetricUpdates':
        return this.onAdaptiveSQLMetricUpdates(event);
      case 'SparkListenerSQLExecutionEnd':
        return this.onExecutionEnd(event);
      case 'SparkListenerDriverAccumUpdates':
        return this.onDriverAccumUpdates(event);
    }
  }

  // ---------------------------------------------------------------------------------------------- core events

  private onJobStart(e: Record<string, any>): void {
    const raw = asObject(e.Properties)?.[EXECUTION_ID_KEY];
    if (raw === undefined || raw === null) return; // not a SQL job
    // An id beyond ±2^53 is not exact in a number (nor storable as a key): the event is skipped and counted.
    const executionId = required(safeId(parseLongValue(raw)), 'execution id');
    const jobId = required(optInt(e['Job ID']), 'Job ID');

    const exec = this.live.get(executionId) ?? this.restoreFromStore(executionId) ?? this.getOrCreate(executionId);

    // Stage trackers only know the accumulators the plan had when the job started.
    const accumTypes = metricTypeMap(exec.metrics);
    if (accumTypes.size > 0) {
      for (const raw of asArray(e['Stage Infos'])) {
        const info = asObject(raw);
        const stageId = info ? optInt(info['Stage ID']) : undefined;
        if (stageId === undefined) continue;
        const numTasks = optInt(info!['Number of Tasks']) ?? 0;
        this.stageMetrics.set(stageId, new StageMetrics(stageId, 0, numTasks, accumTypes));
      }
    }

    exec.jobs.set(jobId, 'RUNNING');
    for (const s of asArray(e['Stage IDs'])) {
      const stageId = optInt(s);
      if (stageId !== undefined) exec.stages.add(stageId);
    }
    this.update(exec, true);
  }

  private onJobEnd(e: Record<string, any>): void {
    const jobId = required(optInt(e['Job ID']), 'Job ID');
    const result = asObject(e['Job Result'])?.Result;
    const status: SqlJobStatus = result === 'JobSucceeded' ? 'SUCCEEDED' : 'FAILED';
    for (const exec of Array.from(this.live.values())) {
      if (!exec.jobs.has(jobId)) continue;
      exec.jobs.set(jobId, status);
      exec.endEvents++;
      this.update(exec);
    }
  }

  private onStageSubmitted(e: Record<string, any>): void {
    const info = asObject(e['Stage Info']);
    if (!info) return;
    const stageId = required(optInt(info['Stage ID']), 'Stage ID');
    if (!this.isSqlStage(stageId)) return;
    const attemptId = optInt(info['Stage Attempt ID']) ?? 0;
    const stage = this.stageMetrics.get(stageId);
    if (stage && stage.attemptId !== attemptId) {
      // A new attempt starts from empty metrics.
      this.stageMetrics.set(stageId, new StageMetrics(stageId, attemptId, stage.numTasks, stage.accumIdsToMetricType));
      this.markStageDirty(stageId);
    }
  }

  private onTaskStart(e: Record<string, any>): void {
    const stage = this.stageMetrics.get(optInt(e['Stage ID']) ?? -1);
    if (!stage || stage.attemptId !== (optInt(e['Stage Attempt ID']) ?? 0)) return;
    const info = asObject(e['Task Info']);
    const taskId = info ? optInt(info['Task ID']) : undefined;
    const index = info ? optInt(info.Index) : undefined;
    if (taskId !== undefined && index !== undefined) stage.registerTask(taskId, index);
  }

  private onTaskEnd(e: Record<string, any>): void {
    const stageId = optInt(e['Stage ID']);
    if (stageId === undefined) return;
    const stage = this.stageMetrics.get(stageId);
    // Without a tracker nothing would be recorded, whether or not the stage is a SQL stage.
    if (!stage || !this.isSqlStage(stageId)) return;
    if (stage.attemptId !== (optInt(e['Stage Attempt ID']) ?? 0)) return;
    const info = required(asObject(e['Task Info']), 'Task Info');
    const taskId = required(optInt(info['Task ID']), 'Task ID');
    const index = required(optInt(info.Index), 'Index');
    // TaskInfo.successful: finished (a non-zero finish time), neither failed nor killed.
    const finished = (optNumber(info['Finish Time']) ?? 0) !== 0;
    const successful = finished && !asBool(info.Failed) && !asBool(info.Killed);
    const ok = stage.updateTaskMetrics(taskId, index, successful, info.Accumulables);
    this.markStageDirty(stageId);
    if (!ok) throw new MalformedEvent('task accumulator update');
  }

  private onExecutorMetricsUpdate(e: Record<string, any>): void {
    let ok = true;
    for (const raw of asArray(e['Metrics Updated'])) {
      const u = asObject(raw);
      if (!u) continue;
      const stageId = optInt(u['Stage ID']);
      const taskId = optInt(u['Task ID']);
      if (stageId === undefined || taskId === undefined) continue;
      const stage = this.stageMetrics.get(stageId);
      if (!stage || stage.attemptId !== (optInt(u['Stage Attempt ID']) ?? 0)) continue;
      // Spark stops at the first update it cannot fold.
      ok = stage.updateTaskMetrics(taskId, UNKNOWN_INDEX, false, u['Accumulator Updates']);
      this.markStageDirty(stageId);
      if (!ok) break;
    }
    if (!ok) throw new MalformedEvent('executor accumulator update');
  }

  // ---------------------------------------------------------------------------------------------- SQL events

  private onExecutionStart(e: Record<string, any>): void {
    const executionId = required(optInt(e.executionId), 'executionId');
    const graph = buildPlanGraph(e.sparkPlanInfo);
    this.writeGraph(executionId, graph);

    const exec = this.getOrCreate(executionId);
    exec.rootExecutionId = optInt(e.rootExecutionId) ?? executionId;
    exec.description = optString(e.description);
    exec.details = optString(e.details);
    exec.physicalPlanDescription = optString(e.physicalPlanDescription);
    exec.queryId = optString(e.queryId);
    exec.modifiedConfigs = stringRecord(e.modifiedConfigs);
    exec.metrics = graphMetrics(graph);
    exec.submissionTime = optNumber(e.time) ?? 0;
    this.update(exec);
  }

  private onAdaptiveExecutionUpdate(e: Record<string, any>): void {
    const executionId = required(optInt(e.executionId), 'executionId');
    const graph = buildPlanGraph(e.sparkPlanInfo);
    this.writeGraph(executionId, graph);

    const exec = this.getOrCreate(executionId);
    exec.physicalPlanDescription = optString(e.physicalPlanDescription);
    // Appended, not replaced: metrics of stages that already ran keep their types.
    exec.metrics = exec.metrics.concat(graphMetrics(graph));
    this.update(exec);
  }

  private onAdaptiveSQLMetricUpdates(e: Record<string, any>): void {
    const executionId = required(optInt(e.executionId), 'executionId');
    const exec = this.getOrCreate(executionId);
    exec.metrics = exec.metrics.concat(parsePlanMetrics(e.sqlPlanMetrics));
    this.update(exec);
  }

  private onExecutionEnd(e: Record<string, any>): void {
    const executionId = required(optInt(e.executionId), 'executionId');
    const exec = this.live.get(executionId);
    if (!exec) return;
    exec.completionTime = optNumber(e.time) ?? 0;
    exec.errorMessage = optString(e.errorMessage);
    this.update(exec);
    // Spark does the rest asynchronously; in a replay the effect is the same as doing it right away.
    exec.metricsValues = this.aggregateMetrics(exec);
    this.removeStaleMetricsData(exec);
    exec.endEvents++;
    this.update(exec, true);
  }

  private onDriverAccumUpdates(e: Record<string, any>): void {
    const executionId = required(optInt(e.executionId), 'executionId');
    const exec = this.live.get(executionId);
    if (!exec) return;
    for (const raw of asArray(e.accumUpdates)) {
      // A Scala tuple: [id, value]; also accept {"_1": id, "_2": value}.
      const pair = Array.isArray(raw) ? raw : [asObject(raw)?._1, asObject(raw)?._2];
      const id = optInt(pair[0]);
      const value = parseLongValue(pair[1]);
      if (id !== undefined && value !== undefined) exec.driverAccumUpdates.push([id, value]);
    }
    this.update(exec);
  }

  // ---------------------------------------------------------------------------------------------- state

  private getOrCreate(executionId: number): ExecutionState {
    let exec = this.live.get(executionId);
    if (!exec) {
      exec = new ExecutionState(executionId);
      this.live.set(executionId, exec);
    }
    return exec;
  }

  /** A job of an execution that already finished: Spark revives it from the store rather than starting over. */
  private restoreFromStore(executionId: number): ExecutionState | undefined {
    const stored = this.stored.get(executionId);
    if (!stored) return undefined;
    const exec = stored.snapshot();
    exec.endEvents = exec.jobs.size + 1;
    exec.written = false;
    this.live.set(executionId, exec);
    return exec;
  }

  private update(exec: ExecutionState, force = false): void {
    this.dirty.add(exec.executionId);
    if (exec.endEvents >= exec.jobs.size + 1) {
      this.write(exec);
      this.removeStaleMetricsData(exec);
      if (this.live.get(exec.executionId) === exec) this.live.delete(exec.executionId);
    } else if (force) {
      this.write(exec);
    }
  }

  private write(exec: ExecutionState): void {
    this.stored.set(exec.executionId, exec.snapshot());
    this.removed.delete(exec.executionId);
    this.dirty.add(exec.executionId);
    if (!exec.written) {
      exec.written = true;
      this.cleanupExecutions(this.stored.size);
    }
  }

  private writeGraph(executionId: number, graph: SqlPlanGraph): void {
    this.graphs.set(executionId, graph);
    this.dirty.add(executionId);
  }

  /** Drops stage trackers no other live execution references. */
  private removeStaleMetricsData(exec: ExecutionState): void {
    const active = new Set<number>();
    for (const other of this.live.values()) if (other !== exec) for (const s of other.stages) active.add(s);
    for (const stageId of Array.from(this.stageMetrics.keys())) if (!active.has(stageId)) this.stageMetrics.delete(stageId);
  }

  private isSqlStage(stageId: number): boolean {
    for (const exec of this.live.values()) if (exec.stages.has(stageId)) return true;
    return false;
  }

  private markStageDirty(stageId: number): void {
    for (const exec of this.live.values()) if (exec.stages.has(stageId)) this.dirty.add(exec.executionId);
  }

  /**
   * The retention trigger (SQLAppStatusListener.cleanupExecutions): beyond the limit, delete the finished
   * executions with the oldest completion time (ties: lowest id), never running ones.
   */
  private cleanupExecutions(count: number): void {
    const toDelete = count - this.opts.retainedExecutions;
    if (toDelete <= 0) return;
    const finished = Array.from(this.stored.values())
      .filter((s) => s.completionTime !== null && s.completionTime >= 0)
      .sort((a, b) => a.completionTime! - b.completionTime! || a.executionId - b.executionId)
      .slice(0, toDelete);
    for (const s of finished) {
      const id = s.executionId;
      this.stored.delete(id);
      this.graphs.delete(id);
      if (this.live.has(id)) {
        // Still tracked live: Spark writes it again later (the graph stays gone).
        this.dirty.add(id);
      } else {
        this.dirty.delete(id);
        this.removed.add(id);
      }
    }
  }

  /**
   * Spark's end-of-replay flush writes every live execution; an execution written for the first time there
   * checks the retention trigger. Executions not yet written are running ones, so they only add to the count.
   */
  private flushRetention(): void {
    let pending = 0;
    for (const exec of this.live.values()) if (!exec.written && !this.stored.has(exec.executionId)) pending++;
    if (pending > 0) this.cleanupExecutions(this.stored.size + pending);
  }

  // ---------------------------------------------------------------------------------------------- metrics

  /** SQLAppStatusListener.aggregateMetrics; pure (an ended execution returns its fixed values). */
  private aggregateMetrics(exec: ExecutionState): Map<number, string> {
    if (exec.metricsValues !== null) return exec.metricsValues;
    const metricTypes = metricTypeMap(exec.metrics);
    const stages: StageMetrics[] = [];
    for (const stageId of scalaIterationOrder(exec.stages)) {
      const s = this.stageMetrics.get(stageId);
      if (s) stages.push(s);
    }

    const taskValues = new Map<number, Float64Array[]>();
    for (const stage of stages) {
      for (const [id, values] of stage.metricValues()) {
        if (!metricTypes.has(id)) continue;
        const list = taskValues.get(id);
        if (list) list.push(values);
        else taskValues.set(id, [values]);
      }
    }

    // [value, stageId, attemptId, taskId] of the largest task value over all stages; the first stage wins ties.
    const maxFromStages = new Map<number, number[]>();
    for (const stage of stages) {
      for (const [id, value, taskId] of stage.maxMetricValues()) {
        if (!metricTypes.has(id)) continue;
        const current = maxFromStages.get(id);
        if (!current || value > current[0]!) maxFromStages.set(id, [value, stage.stageId, stage.attemptId, taskId]);
      }
    }

    const driverValues = new Map<number, number[]>();
    for (const [id, value] of exec.driverAccumUpdates) {
      if (!metricTypes.has(id)) continue;
      // A driver value above every task value makes the display say "(driver)".
      const max = maxFromStages.get(id);
      if (max && value > max[0]!) maxFromStages.delete(id);
      const list = driverValues.get(id);
      if (list) list.push(value);
      else driverValues.set(id, [value]);
    }

    const out = new Map<number, string>();
    for (const id of new Set([...taskValues.keys(), ...driverValues.keys()])) {
      const chunks = taskValues.get(id) ?? [];
      const driver = driverValues.get(id) ?? [];
      let length = driver.length;
      for (const c of chunks) length += c.length;
      const all = new Float64Array(length);
      let offset = 0;
      for (const c of chunks) {
        all.set(c, offset);
        offset += c.length;
      }
      all.set(driver, offset);
      const text = stringValue(metricTypes.get(id)!, all, maxFromStages.get(id) ?? []);
      if (text !== undefined) out.set(id, text);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------- records

  private record(executionId: number): SqlExecutionRecord | undefined {
    const live = this.live.get(executionId);
    const exec = live ?? this.stored.get(executionId);
    if (!exec) return undefined;
    const metricValues = live ? this.aggregateMetrics(live) : exec.metricsValues;
    const jobs = scalaIterationOrder(exec.jobs.keys()).map((jobId) => ({ jobId, status: exec.jobs.get(jobId)! }));
    const values: Record<string, string> = {};
    if (metricValues) for (const [id, v] of metricValues) values[String(id)] = v;
    return {
      executionId,
      rootExecutionId: exec.rootExecutionId,
      description: exec.description,
      details: exec.details,
      physicalPlanDescription: exec.physicalPlanDescription,
      queryId: exec.queryId,
      modifiedConfigs: { ...exec.modifiedConfigs },
      submissionTime: exec.submissionTime,
      completionTime: exec.completionTime,
      errorMessage: exec.errorMessage,
      status: sqlExecutionStatus(exec.errorMessage, exec.completionTime, exec.jobs.values()),
      jobs,
      stageIds: scalaIterationOrder(exec.stages),
      metricValues: values,
      graph: this.graphs.get(executionId) ?? null,
    };
  }
}
