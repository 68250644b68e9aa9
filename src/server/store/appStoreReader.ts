import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { TaskTableSort } from '../../api/console/stageTasks.js';
import type { Json } from '../status/eventJson.js';
import type { StoredStage } from '../status/restViews.js';
import type { SummaryColumns } from '../status/taskSummary.js';
import { METRIC_COUNT } from '../status/taskMetrics.js';
import { openAppDb } from './appDb.js';
import { TASK_SORT_TERMS } from './taskSortColumns.js';
import type { PooledStore, StorePool } from './storePool.js';

export interface TaskQuery {
  offset: number;
  length: number;
  order: TaskTableSort;
  descending: boolean;
  statuses: string[];
  /** Console task table: a case-insensitive substring of the task's id, index, attempt, executor, host, status, locality or error. */
  search?: string | undefined;
}

/** task_id, idx, attempt, executor_id, host, status, speculative, launch_time, duration, result_fetch_start, metrics */
export type TimelineRow = [number, number, number, string, string, string, number, number, number, number, Buffer | null];

interface LineColumns {
  line_file: number | null;
  line_offset: number | null;
  line_length: number | null;
}

export interface StoredTaskRow {
  task_id: number;
  executor_id: string;
  raw: string;
  duration: number;
}

export interface DiagnosticTaskRow {
  taskId: number;
  index: number;
  executorId: string;
  duration: number;
  inputBytes: number;
  shuffleReadBytes: number;
}

export interface FailedTaskRow {
  taskId: number;
  stageId: number;
  stageAttempt: number;
  index: number;
  executorId: string;
  host: string;
  launchTime: number;
  duration: number;
  error: string;
}

/**
 * Why a store cannot answer: `damaged` (unreadable, corrupt or deleted: rebuild it), `stale` (the log its task
 * lines point into has changed: replay again), `unavailable` (descriptors exhausted, closed: retry later).
 */
export type StoreProblem = 'damaged' | 'stale' | 'unavailable';

export class StoreProblemError extends Error {
  constructor(
    readonly problem: StoreProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface StoreReaderOptions {
  /** Bounds how many stores are open at once; without one the store stays open until close(). */
  pool?: StorePool;
  /** Turns a problem into the error the caller gets, and lets the owner rebuild the store. */
  onProblem?: (reader: AppStoreReader, error: StoreProblemError) => Error;
}

const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB|CANTOPEN)/;
const TRANSIENT_ERRNO = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'EACCES', 'EPERM', 'EIO']);

/**
 * Opens a log file that task lines point into; undefined when it is gone. A finished application's
 * `X.inprogress` is renamed to `X` by Spark, with the same bytes: until the next scan says so, look there.
 */
function openLogFile(file: string): number | undefined {
  for (const candidate of file.endsWith('.inprogress') ? [file, file.slice(0, -'.inprogress'.length)] : [file]) {
    try {
      return fs.openSync(candidate, 'r');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new StoreProblemError('unavailable', `the event log of this application cannot be read right now (${code})`);
      }
    }
  }
  return undefined;
}

function prepareAll(db: Database.Database) {
  return {
    meta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    jobs: db.prepare('SELECT json FROM jobs ORDER BY job_id DESC'),
    job: db.prepare('SELECT json FROM jobs WHERE job_id = ?'),
    stages: db.prepare('SELECT json FROM stages ORDER BY stage_id DESC, attempt_id DESC'),
    stageData: db.prepare('SELECT status, data FROM stages ORDER BY stage_id DESC, attempt_id DESC'),
    stageAttempts: db.prepare('SELECT json FROM stages WHERE stage_id = ? ORDER BY attempt_id'),
    stage: db.prepare('SELECT json FROM stages WHERE stage_id = ? AND attempt_id = ?'),
    executors: db.prepare('SELECT json FROM executors'),
    rdds: db.prepare('SELECT json FROM rdds ORDER BY rdd_id'),
    rdd: db.prepare('SELECT json FROM rdds WHERE rdd_id = ?'),
    sqlAll: db.prepare('SELECT json FROM sql_executions ORDER BY execution_id LIMIT ? OFFSET ?'),
    sql: db.prepare('SELECT json FROM sql_executions WHERE execution_id = ?'),
    summaryRows: db.prepare(
      'SELECT status, duration, launch_time, result_fetch_start, metrics FROM tasks WHERE stage_id = ? AND stage_attempt = ?',
    ),
    timelineRows: db.prepare(
      `SELECT task_id, idx, attempt, executor_id, host, status, speculative, launch_time, duration, result_fetch_start, metrics
       FROM tasks WHERE stage_id = ? AND stage_attempt = ? ORDER BY task_id`,
    ),
  };
}

/** The task columns the search looks in (the text the task table shows for them). */
const SEARCHED_COLUMNS = ['CAST(task_id AS TEXT)', 'CAST(idx AS TEXT)', 'CAST(attempt AS TEXT)', 'executor_id', 'host', 'status', 'locality', 'error'];

/** The columns a task page reads (TaskData itself is rebuilt from the task's event line). */
const TASK_PAGE_COLUMNS = 'task_id, executor_id, duration, line_file, line_offset, line_length';

/**
 * The WHERE clause of a stage attempt's tasks, with Spark's status filter and the task table's search: a
 * case-insensitive substring of any searched column (LIKE, with the search's own % and _ taken literally).
 */
function taskFilter(stageId: number, attemptId: number, statuses: readonly string[], search: string | undefined): { where: string; args: unknown[] } {
  const where = ['stage_id = ?', 'stage_attempt = ?'];
  const args: unknown[] = [stageId, attemptId];
  if (statuses.length > 0) {
    where.push(`status IN (${statuses.map(() => '?').join(',')})`);
    args.push(...statuses);
  }
  if (search !== undefined && search !== '') {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(`(${SEARCHED_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    for (let i = 0; i < SEARCHED_COLUMNS.length; i++) args.push(pattern);
  }
  return { where: where.join(' AND '), args };
}

type Handle = { db: Database.Database; stmts: ReturnType<typeof prepareAll> };

/**
 * Read-only view of one app database, used on request threads. The database is opened on first use and may
 * be closed by its pool at any time between calls (it reopens on the next one); every failure of the store
 * itself comes out as a StoreProblemError (through onProblem), never as a raw SQLite error.
 */
export class AppStoreReader implements PooledStore {
  private handle: Handle | undefined;
  private closed = false;
  /**
   * Where file #0 of a single-file log is now (set by the catalog from the index row): a log renamed from
   * `X.inprogress` to `X` is still the file the stored line offsets point into.
   */
  singleLogPath: string | undefined;

  constructor(
    readonly file: string,
    private readonly options: StoreReaderOptions = {},
  ) {}

  private get h(): Handle {
    if (this.closed) throw new StoreProblemError('unavailable', 'this store was replaced; retry');
    if (!this.handle) this.handle = this.openHandle();
    this.options.pool?.touch(this);
    return this.handle;
  }

  private openHandle(): Handle {
    const open = (): Handle => {
      const db = openAppDb(this.file, 'read');
      try {
        // Preparing reads the schema: a truncated, overwritten or foreign file fails here, not mid-request.
        return { db, stmts: prepareAll(db) };
      } catch (err) {
        db.close();
        throw err;
      }
    };
    try {
      return open();
    } catch (err) {
      if (!fs.existsSync(this.file)) throw new StoreProblemError('damaged', 'the store of this application is missing');
      if ((err as { code?: string }).code === 'SQLITE_CANTOPEN' && this.options.pool) {
        // Most likely out of descriptors (EMFILE): give half of the pool's back and try once more.
        this.options.pool.trim(Math.floor(this.options.pool.size / 2), this);
        try {
          return open();
        } catch {
          throw new StoreProblemError('unavailable', 'the store of this application cannot be opened right now (too many open files?)');
        }
      }
      // Any other failure to open or read the schema (empty, truncated or foreign file) is damage.
      const e = this.classify(err);
      throw e instanceof StoreProblemError ? e : new StoreProblemError('damaged', 'the store of this application is damaged');
    }
  }

  /** Closes the database (pool eviction); the next call reopens it. */
  release(): void {
    this.handle?.db.close();
    this.handle = undefined;
    this.options.pool?.released(this);
  }

  private classify(err: unknown): Error {
    if (err instanceof StoreProblemError) return err;
    const code = String((err as { code?: unknown }).code ?? '');
    if (TRANSIENT_ERRNO.has(code)) return new StoreProblemError('unavailable', `the store of this application cannot be read right now (${code})`);
    if (DAMAGE_CODES.test(code) || /^SQLITE_IOERR/.test(code)) {
      this.release();
      return fs.existsSync(this.file) ? new StoreProblemError('damaged', `the store of this application is damaged (${code})`)
        : new StoreProblemError('damaged', 'the store of this application is missing');
    }
    return err as Error;
  }

  /** Runs a read; a failure of the store itself becomes the owner's error (and maybe a rebuild). */
  private use<T>(read: (h: Handle) => T): T {
    try {
      return read(this.h);
    } catch (err) {
      const e = this.classify(err);
      throw e instanceof StoreProblemError && this.options.onProblem ? this.options.onProblem(this, e) : e;
    }
  }

  /** Reports that a stored line no longer matches the log (for callers that parse lines). */
  stale(): Error {
    const e = new StoreProblemError('stale', 'the event log changed since it was replayed; it is being replayed again, retry shortly');
    return this.options.onProblem ? this.options.onProblem(this, e) : e;
  }

  meta<T = Json>(key: string): T | undefined {
    return this.use((h) => {
      const r = h.stmts.meta.get(key) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as T) : undefined;
    });
  }

  jobs(): Json[] {
    return this.use((h) => (h.stmts.jobs.all() as { json: string }[]).map((r) => JSON.parse(r.json)));
  }

  job(jobId: number): Json | undefined {
    return this.use((h) => {
      const r = h.stmts.job.get(jobId) as { json: string } | undefined;
      return r ? JSON.parse(r.json) : undefined;
    });
  }

  /** All stage attempts, newest first ((stageId, attemptId) descending, as Spark lists them). */
  stages(): StoredStage[] {
    return this.use((h) => (h.stmts.stages.all() as { json: string }[]).map((r) => JSON.parse(r.json)));
  }

  /** Every attempt's serialised StageData (no details), newest first, with its status for filtering. */
  stageDataJson(): { status: string; data: string }[] {
    return this.use((h) => h.stmts.stageData.all() as { status: string; data: string }[]);
  }

  /** Serialised JobData of every job, newest first. */
  jobsJson(): string[] {
    return this.use((h) => (h.stmts.jobs.all() as { json: string }[]).map((r) => r.json));
  }

  stageAttempts(stageId: number): StoredStage[] {
    return this.use((h) => (h.stmts.stageAttempts.all(stageId) as { json: string }[]).map((r) => JSON.parse(r.json)));
  }

  stage(stageId: number, attemptId: number): StoredStage | undefined {
    return this.use((h) => {
      const r = h.stmts.stage.get(stageId, attemptId) as { json: string } | undefined;
      return r ? JSON.parse(r.json) : undefined;
    });
  }

  executors(): Json[] {
    return this.use((h) => (h.stmts.executors.all() as { json: string }[]).map((r) => JSON.parse(r.json)));
  }

  rdds(): Json[] {
    return this.use((h) => (h.stmts.rdds.all() as { json: string }[]).map((r) => JSON.parse(r.json)));
  }

  rdd(rddId: number): Json | undefined {
    return this.use((h) => {
      const r = h.stmts.rdd.get(rddId) as { json: string } | undefined;
      return r ? JSON.parse(r.json) : undefined;
    });
  }

  sqlExecutions(offset: number, length: number): Json[] {
    return this.use((h) => (h.stmts.sqlAll.all(length, offset) as { json: string }[]).map((r) => JSON.parse(r.json)));
  }

  sqlExecution(id: number): Json | undefined {
    return this.use((h) => {
      const r = h.stmts.sql.get(id) as { json: string } | undefined;
      return r ? JSON.parse(r.json) : undefined;
    });
  }

  taskCount(stageId: number, attemptId: number, statuses: string[] = [], search?: string): number {
    const { where, args } = taskFilter(stageId, attemptId, statuses, search);
    return this.use((h) => (h.db.prepare(`SELECT COUNT(*) AS n FROM tasks WHERE ${where}`).get(...args) as { n: number }).n);
  }

  /**
   * One page of an attempt's tasks: an index walk (every sort key has an index, taskSortColumns.ts). Ties are
   * broken by task id in the sort direction, which is the order Spark's KV-store indexes produce.
   */
  tasks(stageId: number, attemptId: number, q: TaskQuery): StoredTaskRow[] {
    const { where, args } = taskFilter(stageId, attemptId, q.statuses, q.search);
    const dir = q.descending ? 'DESC' : 'ASC';
    // With a search, `+term` keeps SQLite from walking the sort index with a row lookup per task to find a few
    // rare matches (seconds at 200k tasks): one sequential scan, then the matches are sorted.
    const searching = q.search !== undefined && q.search !== '';
    const order = [...TASK_SORT_TERMS[q.order], 'task_id'].map((t) => `${searching ? '+' : ''}${t} ${dir}`).join(', ');
    return this.taskPage(`SELECT ${TASK_PAGE_COLUMNS} FROM tasks WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...args, q.length, q.offset]);
  }

  /**
   * Up to `limit` tasks of one stage attempt after task `afterTaskId`, in task-id order: the pages of an answer
   * that holds all of a stage's tasks and is streamed (each page a seek on the primary key, not an offset walk).
   */
  tasksAfter(stageId: number, attemptId: number, afterTaskId: number, limit: number, statuses: readonly string[]): StoredTaskRow[] {
    const { where, args } = taskFilter(stageId, attemptId, statuses, undefined);
    return this.taskPage(`SELECT ${TASK_PAGE_COLUMNS} FROM tasks WHERE ${where} AND task_id > ? ORDER BY task_id LIMIT ?`, [...args, afterTaskId, limit]);
  }

  /** A page of task rows with their event lines. */
  private taskPage(pageSql: string, args: unknown[]): StoredTaskRow[] {
    // The join keeps the page's order: SQLite scans the ordered subquery as the outer loop.
    const sql = `SELECT p.*, l.raw FROM (${pageSql}) p LEFT JOIN task_lines l ON l.task_id = p.task_id`;
    return this.use((h) => this.resolveLines(h.db.prepare(sql).all(...args) as (StoredTaskRow & LineColumns)[]));
  }

  /**
   * Reads back, in place, the lines of tasks that were stored by reference into an uncompressed log. The log
   * may have shrunk or been rewritten since: a short read or a range that is not one JSON object means the
   * store is stale (never a buffer with bytes that were not read).
   */
  private resolveLines(rows: (StoredTaskRow & LineColumns)[]): StoredTaskRow[] {
    const fds = new Map<number, number>();
    const stale = () => new StoreProblemError('stale', 'the event log changed since it was replayed; it is being replayed again, retry shortly');
    try {
      for (const r of rows) {
        if (r.raw !== null && r.raw !== undefined) continue;
        if (r.line_file === null || r.line_length === null || r.line_offset === null) throw stale();
        let fd = fds.get(r.line_file);
        if (fd === undefined) {
          const file = r.line_file === 0 && this.singleLogPath !== undefined ? this.singleLogPath : this.logFiles().get(r.line_file);
          if (!file) throw stale();
          fd = openLogFile(file);
          if (fd === undefined) throw stale();
          fds.set(r.line_file, fd);
        }
        const buf = Buffer.alloc(r.line_length);
        const n = fs.readSync(fd, buf, 0, r.line_length, r.line_offset);
        let text = buf.toString('utf8');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (text.endsWith('\r')) text = text.slice(0, -1);
        if (n !== r.line_length || !text.trimStart().startsWith('{') || !text.trimEnd().endsWith('}')) throw stale();
        r.raw = text;
      }
    } finally {
      for (const fd of fds.values()) fs.closeSync(fd);
    }
    return rows;
  }

  private logFilesCache: Map<number, string> | undefined;
  private logFiles(): Map<number, string> {
    this.logFilesCache ??= new Map((this.meta<{ index: number; path: string }[]>('logFiles') ?? []).map((f) => [f.index, f.path]));
    return this.logFilesCache;
  }

  /**
   * Every stored task of an attempt with the values taskSummary needs, column by column (one typed array per
   * metric), without parsing event lines or allocating an object per task.
   */
  summaryColumns(stageId: number, attemptId: number): SummaryColumns {
    const rows = this.use((h) => h.stmts.summaryRows.raw().all(stageId, attemptId) as [string, number, number, number, Buffer | null][]);
    const n = rows.length;
    const cols: SummaryColumns = {
      count: n,
      success: new Uint8Array(n),
      hasMetrics: new Uint8Array(n),
      duration: new Float64Array(n),
      launchTime: new Float64Array(n),
      resultFetchStart: new Float64Array(n),
      metrics: Array.from({ length: METRIC_COUNT }, () => new Float64Array(n)),
    };
    for (let i = 0; i < n; i++) {
      const [status, duration, launch, fetch, blob] = rows[i]!;
      cols.success[i] = status === 'SUCCESS' ? 1 : 0;
      cols.duration[i] = duration;
      cols.launchTime[i] = launch;
      cols.resultFetchStart[i] = fetch;
      if (blob) {
        cols.hasMetrics[i] = 1;
        for (let m = 0; m < METRIC_COUNT; m++) cols.metrics[m]![i] = blob.readDoubleLE(m * 8);
      }
    }
    return cols;
  }

  /** The columns of a stage attempt's task timeline, straight from the indexed table (no event lines). */
  timelineRows(stageId: number, attemptId: number): TimelineRow[] {
    return this.use((h) => h.stmts.timelineRows.raw().all(stageId, attemptId) as TimelineRow[]);
  }

  /** Successful tasks of a stage attempt: count, longest, and Σ (duration − run time), from the task table. */
  successStats(stageId: number, attemptId: number): { count: number; maxMs: number; overheadMs: number } {
    return this.use((h) => {
      const r = h.db
        .prepare(
          `SELECT COUNT(*) AS count, coalesce(MAX(duration), 0) AS maxMs, coalesce(SUM(MAX(duration - MAX(run_time, 0), 0)), 0) AS overheadMs
           FROM tasks WHERE stage_id = ? AND stage_attempt = ? AND status = 'SUCCESS'`,
        )
        .get(stageId, attemptId) as { count: number; maxMs: number; overheadMs: number };
      return r;
    });
  }

  /** The value at `offset` of a successful-task column in ascending order (a median with offset = ⌊(n−1)/2⌋). */
  successColumnAt(stageId: number, attemptId: number, column: 'duration' | 'input_bytes' | 'shuffle_read_bytes', offset: number): number {
    return this.use((h) => {
      const r = h.db
        .prepare(
          `SELECT coalesce(${column}, 0) AS v FROM tasks WHERE stage_id = ? AND stage_attempt = ? AND status = 'SUCCESS'
           ORDER BY ${column} LIMIT 1 OFFSET ?`,
        )
        .get(stageId, attemptId, offset) as { v: number } | undefined;
      return r?.v ?? 0;
    });
  }

  /** The slowest successful tasks of a stage attempt, slowest first. */
  slowestTasks(stageId: number, attemptId: number, limit: number): DiagnosticTaskRow[] {
    return this.use(
      (h) =>
        h.db
          .prepare(
            `SELECT task_id AS taskId, idx AS "index", executor_id AS executorId, duration,
               coalesce(input_bytes, 0) AS inputBytes, coalesce(shuffle_read_bytes, 0) AS shuffleReadBytes
             FROM tasks WHERE stage_id = ? AND stage_attempt = ? AND status = 'SUCCESS' ORDER BY duration DESC, task_id LIMIT ?`,
          )
          .all(stageId, attemptId, limit) as DiagnosticTaskRow[],
    );
  }

  /**
   * Per stage attempt, the largest input and shuffle-read partition and a task that read it: one pass over the
   * task table per column (SQLite answers a bare column next to MAX() from the row holding the maximum).
   */
  partitionMaxima(): { stageId: number; attemptId: number; maxInputBytes: number; maxInputTaskId: number; maxShuffleReadBytes: number; maxShuffleReadTaskId: number }[] {
    return this.use((h) => {
      const max = (column: 'input_bytes' | 'shuffle_read_bytes') =>
        h.db
          .prepare(
            `SELECT stage_id AS stageId, stage_attempt AS attemptId, MAX(coalesce(${column}, 0)) AS bytes, task_id AS taskId
             FROM tasks GROUP BY stage_id, stage_attempt`,
          )
          .all() as { stageId: number; attemptId: number; bytes: number; taskId: number }[];
      const shuffle = new Map(max('shuffle_read_bytes').map((r) => [`${r.stageId}.${r.attemptId}`, r]));
      return max('input_bytes').map((r) => {
        const s = shuffle.get(`${r.stageId}.${r.attemptId}`);
        return { stageId: r.stageId, attemptId: r.attemptId, maxInputBytes: r.bytes, maxInputTaskId: r.taskId, maxShuffleReadBytes: s?.bytes ?? 0, maxShuffleReadTaskId: s?.taskId ?? -1 };
      });
    });
  }

  /** What a run did, summed in SQLite over its stage attempts and jobs (no document is parsed in JS). */
  runTotals(): { inputBytes: number; outputBytes: number; shuffleReadBytes: number; shuffleWriteBytes: number; taskTimeMs: number; failedTasks: number; failedStages: number; failedJobs: number; executors: number } {
    return this.use((h) => {
      const stages = h.db
        .prepare(
          `SELECT coalesce(SUM(json_extract(data, '$.inputBytes')), 0) AS inputBytes, coalesce(SUM(json_extract(data, '$.outputBytes')), 0) AS outputBytes,
             coalesce(SUM(json_extract(data, '$.shuffleReadBytes')), 0) AS shuffleReadBytes, coalesce(SUM(json_extract(data, '$.shuffleWriteBytes')), 0) AS shuffleWriteBytes,
             coalesce(SUM(json_extract(data, '$.executorRunTime')), 0) AS taskTimeMs, coalesce(SUM(json_extract(data, '$.numFailedTasks')), 0) AS failedTasks,
             coalesce(SUM(status = 'FAILED'), 0) AS failedStages
           FROM stages`,
        )
        .get() as { inputBytes: number; outputBytes: number; shuffleReadBytes: number; shuffleWriteBytes: number; taskTimeMs: number; failedTasks: number; failedStages: number };
      const failedJobs = (h.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE json_extract(json, '$.status') = 'FAILED'`).get() as { n: number }).n;
      const executors = (h.db.prepare(`SELECT COUNT(*) AS n FROM executors WHERE executor_id <> 'driver'`).get() as { n: number }).n;
      return { ...stages, failedJobs, executors };
    });
  }

  /** Failed tasks in task id order (at most `limit`), with the total count of failed tasks. */
  failedTasks(limit: number): { total: number; rows: FailedTaskRow[] } {
    return this.use((h) => {
      const total = (h.db.prepare("SELECT COUNT(*) AS n FROM tasks WHERE status = 'FAILED'").get() as { n: number }).n;
      const rows = h.db
        .prepare(
          `SELECT task_id AS taskId, stage_id AS stageId, stage_attempt AS stageAttempt, idx AS "index", executor_id AS executorId,
             host, launch_time AS launchTime, duration, coalesce(error, '') AS error
           FROM tasks WHERE status = 'FAILED' ORDER BY task_id LIMIT ?`,
        )
        .all(limit) as FailedTaskRow[];
      return { total, rows };
    });
  }

  close(): void {
    this.release();
    this.closed = true;
  }
}
