import type {
  ApplicationsQuery,
  JobsQuery,
  SqlExecutionQuery,
  SqlListQuery,
  StageQuery,
  StagesQuery,
  TaskListQuery,
  TaskSummaryQuery,
} from '../../api/spark/queries.js';
import type { Json } from '../status/eventJson.js';
import type { StoredStage } from '../status/restViews.js';
import { toExecutionData } from '../status/sql/executionData.js';
import type { SqlExecutionRecord } from '../status/sql/sqlRecord.js';
import { taskDataFromStored } from '../status/taskData.js';
import { executorMetricsDistributions, taskMetricDistributions } from '../status/taskSummary.js';
import type { AppStoreReader, StoredTaskRow } from '../store/appStoreReader.js';
import { sparkErrors } from '../../api/spark/errors.js';
import { notFound } from './apiError.js';
import type { ResolvedAttempt } from './appCatalog.js';
import { type AppEntry, applicationInfoJson, attemptInfoJson, filterApplications } from './appListing.js';
import type { CatalogView } from './catalogView.js';
import { maskAccessIds, redactPairs } from './redaction.js';
import { isSpark4Log } from './sparkRelease.js';
import { StreamedJson } from './streamedJson.js';

/**
 * Answers with more tasks than this are streamed a page of this many tasks at a time (smaller ones are built
 * whole, and a finished app's are cached). A page of TaskData is ~0.5 MB: a few ms of the event loop.
 */
const TASK_PAGE = 500;

/** An answer that is already JSON text (stored documents joined), sent without a parse/stringify round trip. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Spark's defaults for the application list's date window (2010-01-01 and 3000-01-01, GMT). */
const DEFAULT_MIN_DATE = Date.UTC(2010, 0, 1);
const DEFAULT_MAX_DATE = Date.UTC(3000, 0, 1);

/** The Spark version this server answers as (VersionResource). */
export const SPARK_API_VERSION = '3.5.1';

const byKey = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Spark's /api/v1 resources over the replayed stores: the same answers as the History Server's
 * ApplicationListResource, OneApplicationResource, StagesResource, SqlResource, … for the same logs.
 */
export class SparkApi {
  private readonly quantileCache = new Map<string, Json | undefined>();
  /** The unfiltered list as JSON text, per (filtered) application list: callers who see the same share it. */
  private readonly listCache = new WeakMap<AppEntry[], string>();

  constructor(private readonly redaction: RegExp) {}

  applications(view: CatalogView, q: ApplicationsQuery): Json[] | RawJson {
    const all = view.applications();
    const unfiltered = q.status.length === 0 && q.limit === undefined && q.minDate === DEFAULT_MIN_DATE && q.maxDate === DEFAULT_MAX_DATE &&
      q.minEndDate === DEFAULT_MIN_DATE && q.maxEndDate === DEFAULT_MAX_DATE;
    if (unfiltered) {
      // The whole list is what tools poll: serialise it once per catalog rebuild. (With the default
      // maxEndDate in the year 3000, the "running apps pass if maxEndDate is in the future" rule always holds.)
      let text = this.listCache.get(all);
      if (text === undefined) this.listCache.set(all, (text = JSON.stringify(all.map(applicationInfoJson))));
      return new RawJson(text);
    }
    const apps = filterApplications(all, {
      statuses: q.status.map((s) => (s === 'COMPLETED' ? 'completed' : 'running')),
      minDate: q.minDate,
      maxDate: q.maxDate,
      minEndDate: q.minEndDate,
      maxEndDate: q.maxEndDate,
      limit: q.limit ?? Number.MAX_SAFE_INTEGER,
    });
    return apps.map(applicationInfoJson);
  }

  application(view: CatalogView, appId: string): Json {
    const app = view.application(appId);
    if (!app) throw notFound(sparkErrors.unknownApp(appId));
    return applicationInfoJson(app);
  }

  attempt(view: CatalogView, appId: string, attemptId: string): Json {
    const row = view.application(appId)?.attempts.find((a) => a.attemptId === attemptId);
    if (!row) throw notFound(sparkErrors.unknownAppAttempt(appId, attemptId));
    return attemptInfoJson(row);
  }

  jobs(a: ResolvedAttempt, q: JobsQuery): Json[] | RawJson {
    if (q.status.length === 0) return new RawJson(`[${a.store.jobsJson().join(',')}]`);
    const jobs = a.store.jobs();
    return q.status.length === 0 ? jobs : jobs.filter((j) => (q.status as string[]).includes(j.status));
  }

  job(a: ResolvedAttempt, jobId: number): Json {
    const job = a.store.job(jobId);
    if (!job) throw notFound(sparkErrors.unknownJob(jobId));
    return job;
  }

  stages(a: ResolvedAttempt, q: StagesQuery): RawJson | StreamedJson {
    const wanted = q.status as string[];
    if (!q.details && !q.withSummaries) {
      // The common case (Spark's stages page): stored StageData strings joined, nothing parsed.
      const rows = a.store.stageDataJson().filter((r) => wanted.length === 0 || wanted.includes(r.status));
      return new RawJson(`[${rows.map((r) => r.data).join(',')}]`);
    }
    // With tasks and summaries an answer can reach hundreds of MB: built and sent a stage (or a page of tasks) at a time.
    const stages = a.store.stages().filter((s) => (wanted.length === 0 || wanted.includes(s.data.status)) && !(q.details && q.taskStatus.length > 0 && tasksIn(s.data, q.taskStatus) === 0));
    const element = (s: (typeof stages)[number]) => this.stageData(a, s, q.details, q.taskStatus, q.withSummaries, q.quantiles);
    return StreamedJson.array(
      (function* () {
        for (const s of stages) yield element(s);
      })(),
    );
  }

  stageAttempts(a: ResolvedAttempt, stageId: number, q: StageQuery): Json[] | StreamedJson {
    const attempts = a.store.stageAttempts(stageId);
    if (attempts.length === 0) throw notFound(sparkErrors.unknownStage(stageId));
    const answers = attempts.map((s) => this.stageData(a, s, q.details, q.taskStatus, q.withSummaries, q.quantiles));
    return answers.some((x) => x instanceof StreamedJson) ? StreamedJson.array(answers) : (answers as Json[]);
  }

  stageAttempt(a: ResolvedAttempt, stageId: number, attemptId: number, q: StageQuery): Json | StreamedJson {
    const s = a.store.stage(stageId, attemptId);
    if (!s) {
      const all = a.store.stageAttempts(stageId);
      if (all.length === 0) throw notFound(sparkErrors.unknownStage(stageId));
      throw notFound(sparkErrors.unknownStageAttempt(stageId, all.map((x) => x.data.attemptId)));
    }
    return this.stageData(a, s, q.details, q.taskStatus, q.withSummaries, q.quantiles);
  }

  /**
   * StageData as AppStatusStore.stageWithDetails builds it: details, then the optional summaries. With more
   * than a page of tasks, the `tasks` map is streamed in place.
   */
  private stageData(a: ResolvedAttempt, s: StoredStage, details: boolean, taskStatus: string[], withSummaries: boolean, quantiles: number[]): Json | StreamedJson {
    const d = s.data;
    const out: Json = {};
    let streamed = false;
    for (const [k, v] of Object.entries(d)) {
      if (k === 'killedTasksSummary' && details) {
        out.tasks = this.taskMap(a, d.stageId, d.attemptId, taskStatus);
        streamed = out.tasks instanceof StreamedJson;
        out.executorSummary = s.executorSummary;
        if (s.speculationSummary) out.speculationSummary = s.speculationSummary;
      }
      if (k === 'isShufflePushEnabled' && withSummaries) {
        const dist = this.cachedDistributions(a, d.stageId, d.attemptId, quantiles);
        if (dist) out.taskMetricsDistributions = dist;
        const execDist = executorMetricsDistributions(Object.values(s.executorSummary), quantiles, isSpark4Log(a.row.sparkVersion));
        if (execDist) out.executorMetricsDistributions = execDist;
      }
      out[k] = v;
    }
    return streamed ? StreamedJson.withStreamedFields(out) : out;
  }

  /** Spark's `tasks` map of a stage attempt: task id → TaskData, in task-id order; streamed past one page. */
  private taskMap(a: ResolvedAttempt, stageId: number, attemptId: number, statuses: string[]): Json | StreamedJson {
    const logs = executorLogsLookup(a.store);
    const entry = (r: StoredTaskRow): [string, Json] => {
      const t = taskData(a, r, logs(r.executor_id));
      return [String(t.taskId), t];
    };
    // The first page is read now, so that a store that cannot answer still gets its status code.
    const first = a.store.tasksAfter(stageId, attemptId, Number.MIN_SAFE_INTEGER, TASK_PAGE, statuses);
    if (first.length < TASK_PAGE) return Object.fromEntries(first.map(entry));
    const rows = pageByPage(first, (previous) => a.store.tasksAfter(stageId, attemptId, previous[previous.length - 1]!.task_id, TASK_PAGE, statuses));
    return StreamedJson.object(
      (function* () {
        for (const r of rows) yield entry(r);
      })(),
    );
  }

  taskSummary(a: ResolvedAttempt, stageId: number, attemptId: number, q: TaskSummaryQuery): Json {
    const dist = this.cachedDistributions(a, stageId, attemptId, q.quantiles);
    if (!dist) throw notFound(sparkErrors.noTaskMetrics(stageId, attemptId));
    return dist;
  }

  /**
   * Task quantiles of an attempt, cached per store version as Spark caches them (CachedQuantile): a finished
   * stage's tasks no longer change, and a live one's cache key changes with every replay increment.
   */
  private cachedDistributions(a: ResolvedAttempt, stageId: number, attemptId: number, quantiles: number[]): Json | undefined {
    const key = `${a.row.dbFile}|${a.row.parsedSize}|${a.row.parsedMtime}|${stageId}|${attemptId}|${quantiles.join(',')}`;
    if (this.quantileCache.has(key)) return this.quantileCache.get(key);
    const dist = taskMetricDistributions(a.store.summaryColumns(stageId, attemptId), quantiles);
    if (this.quantileCache.size >= 256) this.quantileCache.delete(this.quantileCache.keys().next().value!);
    this.quantileCache.set(key, dist);
    return dist;
  }

  taskList(a: ResolvedAttempt, stageId: number, attemptId: number, q: TaskListQuery): Json[] | StreamedJson {
    const logs = executorLogsLookup(a.store);
    const page = (offset: number, length: number) =>
      a.store
        .tasks(stageId, attemptId, { offset, length, order: q.sortBy === 'ID' ? 'id' : 'duration', descending: q.sortBy === 'DECREASING_RUNTIME', statuses: q.status })
        .map((r) => taskData(a, r, logs(r.executor_id)));
    if (q.length <= TASK_PAGE) return page(q.offset, q.length);
    // Clients ask for all tasks with a huge length: past one page, the list is streamed. The first page is read
    // now, so that a store that cannot answer still gets its status code.
    const first = page(q.offset, TASK_PAGE);
    if (first.length < TASK_PAGE) return first;
    return StreamedJson.array(pageByPage(first, (_, read) => (read >= q.length ? [] : page(q.offset + read, Math.min(TASK_PAGE, q.length - read)))));
  }

  executors(a: ResolvedAttempt, activeOnly: boolean): Json[] {
    const all = a.store.executors().filter((x) => x.id !== 'fallback' && (!activeOnly || x.isActive));
    all.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    if (activeOnly) all.reverse();
    return all.map((x) => (x.id === 'driver' ? withDriverOverride(x, a) : x));
  }

  miscProcesses(a: ResolvedAttempt): Json[] {
    return a.store.meta<Json[]>('processes') ?? [];
  }

  rdds(a: ResolvedAttempt): Json[] {
    return a.store.rdds().filter((r) => r.numCachedPartitions > 0);
  }

  rdd(a: ResolvedAttempt, rddId: number): Json {
    const r = a.store.rdd(rddId);
    if (!r) throw notFound(sparkErrors.unknownRdd(rddId));
    return r;
  }

  environment(a: ResolvedAttempt): Json {
    const env = a.store.meta<Json>('environment');
    const profiles = a.store.meta<Json[]>('resourceProfiles') ?? [];
    const redact = (pairs: [string, string][] | undefined) => maskAccessIds(redactPairs(pairs ?? [], this.redaction)).sort(byKey);
    return {
      runtime: env?.runtime ?? { javaVersion: null, javaHome: null, scalaVersion: null },
      sparkProperties: redact(env?.sparkProperties),
      hadoopProperties: redact(env?.hadoopProperties),
      systemProperties: redact(env?.systemProperties),
      metricsProperties: redact(env?.metricsProperties),
      classpathEntries: [...((env?.classpathEntries as [string, string][]) ?? [])].sort(byKey),
      resourceProfiles: profiles,
    };
  }

  sqlList(a: ResolvedAttempt, q: SqlListQuery): Json[] {
    const now = Date.now();
    const spark4 = isSpark4Log(a.row.sparkVersion);
    return a.store
      .sqlExecutions(q.offset, q.length)
      .map((rec) => toExecutionData(rec as unknown as SqlExecutionRecord, { details: q.details, planDescription: q.planDescription, now, spark4 }));
  }

  sqlExecution(a: ResolvedAttempt, id: number, q: SqlExecutionQuery): Json {
    const rec = a.store.sqlExecution(id);
    if (!rec) throw notFound(sparkErrors.unknownSqlExecution(id));
    return toExecutionData(rec as unknown as SqlExecutionRecord, { details: q.details, planDescription: q.planDescription, now: Date.now(), spark4: isSpark4Log(a.row.sparkVersion) });
  }
}

/**
 * How many task attempts of a stage have one of `statuses` (all of them when none is given), from its counters:
 * StagesResource drops, with details and a taskStatus filter, stages that have none in those states.
 */
function tasksIn(stage: Json, statuses: string[]): number {
  const counts: Record<string, number> = {
    FAILED: stage.numFailedTasks,
    KILLED: stage.numKilledTasks,
    RUNNING: stage.numActiveTasks,
    SUCCESS: stage.numCompleteTasks,
    UNKNOWN: Math.max(0, stage.numTasks - stage.numFailedTasks - stage.numKilledTasks - stage.numActiveTasks - stage.numCompleteTasks),
  };
  const wanted = statuses.length === 0 ? Object.keys(counts) : statuses;
  return wanted.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/**
 * The rows of `first`, then of each next page until a short (or empty) one: a long answer is read a page at a
 * time, as the stream sending it is drained.
 */
function* pageByPage<T>(first: T[], next: (previous: T[], readSoFar: number) => T[]): Generator<T> {
  let page = first;
  let read = 0;
  for (;;) {
    yield* page;
    read += page.length;
    if (page.length < TASK_PAGE) return;
    page = next(page, read);
  }
}

/** TaskData from a task's stored line; a line that no longer parses means the log changed under the store. */
export function taskData(a: ResolvedAttempt, row: StoredTaskRow, executorLogs: Record<string, string>): Json {
  try {
    return taskDataFromStored(row, executorLogs);
  } catch (err) {
    if (err instanceof SyntaxError) throw a.store.stale();
    throw err;
  }
}

export function executorLogsLookup(store: AppStoreReader): (executorId: string) => Record<string, string> {
  let byId: Map<string, Record<string, string>> | undefined;
  return (id) => {
    byId ??= new Map(store.executors().map((x) => [x.id as string, (x.executorLogs as Record<string, string>) ?? {}]));
    return byId.get(id) ?? {};
  };
}

/** AppStatusStore.replaceExec (SPARK-37493): the driver's task time is the app's run time. */
function withDriverOverride(driver: Json, a: ResolvedAttempt): Json {
  const attempt = a.store.meta<Json>('attempt');
  if (!attempt) return driver;
  const end = attempt.completed ? attempt.endTime : -1;
  const totalDuration = end > 0 ? end - attempt.startTime : Date.now() - attempt.startTime;
  const gc = driver.peakMemoryMetrics?.TotalGCTime;
  return { ...driver, totalDuration, totalGCTime: gc ?? driver.totalGCTime };
}
