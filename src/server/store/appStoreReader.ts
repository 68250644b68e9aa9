import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Json } from '../status/eventJson.js';
import type { StoredStage } from '../status/restViews.js';
import type { SummaryColumns } from '../status/taskSummary.js';
import { METRIC_COUNT } from '../status/taskMetrics.js';
import { openAppDb } from './appDb.js';

export type TaskOrder = 'id' | 'runtime-asc' | 'runtime-desc' | 'index' | 'launch' | 'duration' | 'gc' | 'input' | 'shuffleRead' | 'shuffleWrite' | 'status' | 'executor' | 'host' | 'error';

/** Columns the console's task table may sort on; Spark's own sorts are id and run time. */
const ORDER_COLUMNS: Record<TaskOrder, string> = {
  id: 'task_id',
  'runtime-asc': 'run_time',
  'runtime-desc': 'run_time',
  index: 'idx',
  launch: 'launch_time',
  duration: 'duration',
  gc: 'gc_time',
  input: 'input_bytes',
  shuffleRead: 'shuffle_read_bytes',
  shuffleWrite: 'shuffle_write_bytes',
  status: 'status',
  executor: 'executor_id',
  host: 'host',
  error: 'error',
};

export interface TaskQuery {
  offset: number;
  length: number;
  order: TaskOrder;
  descending: boolean;
  statuses: string[];
  /** Console extras: restrict to one executor, or a substring of the error text. */
  executorId?: string;
  errorContains?: string;
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

/** Read-only view of one app database, used on request threads. */
export class AppStoreReader {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(readonly file: string) {
    this.db = openAppDb(file, 'read');
    this.stmts = {
      meta: this.db.prepare('SELECT value FROM meta WHERE key = ?'),
      jobs: this.db.prepare('SELECT json FROM jobs ORDER BY job_id DESC'),
      job: this.db.prepare('SELECT json FROM jobs WHERE job_id = ?'),
      stages: this.db.prepare('SELECT json FROM stages ORDER BY stage_id DESC, attempt_id DESC'),
      stageData: this.db.prepare('SELECT status, data FROM stages ORDER BY stage_id DESC, attempt_id DESC'),
      stageAttempts: this.db.prepare('SELECT json FROM stages WHERE stage_id = ? ORDER BY attempt_id'),
      stage: this.db.prepare('SELECT json FROM stages WHERE stage_id = ? AND attempt_id = ?'),
      executors: this.db.prepare('SELECT json FROM executors'),
      rdds: this.db.prepare('SELECT json FROM rdds ORDER BY rdd_id'),
      rdd: this.db.prepare('SELECT json FROM rdds WHERE rdd_id = ?'),
      sqlAll: this.db.prepare('SELECT json FROM sql_executions ORDER BY execution_id LIMIT ? OFFSET ?'),
      sql: this.db.prepare('SELECT json FROM sql_executions WHERE execution_id = ?'),
      summaryRows: this.db.prepare(
        'SELECT status, duration, launch_time, result_fetch_start, metrics FROM tasks WHERE stage_id = ? AND stage_attempt = ?',
      ),
      taskCount: this.db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE stage_id = ? AND stage_attempt = ?'),
      timelineRows: this.db.prepare(
        `SELECT task_id, idx, attempt, executor_id, host, status, speculative, launch_time, duration, result_fetch_start, metrics
         FROM tasks WHERE stage_id = ? AND stage_attempt = ? ORDER BY task_id`,
      ),
    };
  }

  meta<T = Json>(key: string): T | undefined {
    const r = this.stmts.meta.get(key) as { value: string } | undefined;
    return r ? (JSON.parse(r.value) as T) : undefined;
  }

  jobs(): Json[] {
    return (this.stmts.jobs.all() as { json: string }[]).map((r) => JSON.parse(r.json));
  }

  job(jobId: number): Json | undefined {
    const r = this.stmts.job.get(jobId) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : undefined;
  }

  /** All stage attempts, newest first ((stageId, attemptId) descending, as Spark lists them). */
  stages(): StoredStage[] {
    return (this.stmts.stages.all() as { json: string }[]).map((r) => JSON.parse(r.json));
  }

  /** Every attempt's serialised StageData (no details), newest first, with its status for filtering. */
  stageDataJson(): { status: string; data: string }[] {
    return this.stmts.stageData.all() as { status: string; data: string }[];
  }

  /** Serialised JobData of every job, newest first. */
  jobsJson(): string[] {
    return (this.stmts.jobs.all() as { json: string }[]).map((r) => r.json);
  }

  stageAttempts(stageId: number): StoredStage[] {
    return (this.stmts.stageAttempts.all(stageId) as { json: string }[]).map((r) => JSON.parse(r.json));
  }

  stage(stageId: number, attemptId: number): StoredStage | undefined {
    const r = this.stmts.stage.get(stageId, attemptId) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : undefined;
  }

  executors(): Json[] {
    return (this.stmts.executors.all() as { json: string }[]).map((r) => JSON.parse(r.json));
  }

  rdds(): Json[] {
    return (this.stmts.rdds.all() as { json: string }[]).map((r) => JSON.parse(r.json));
  }

  rdd(rddId: number): Json | undefined {
    const r = this.stmts.rdd.get(rddId) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : undefined;
  }

  sqlExecutions(offset: number, length: number): Json[] {
    return (this.stmts.sqlAll.all(length, offset) as { json: string }[]).map((r) => JSON.parse(r.json));
  }

  sqlExecution(id: number): Json | undefined {
    const r = this.stmts.sql.get(id) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : undefined;
  }

  taskCount(stageId: number, attemptId: number, statuses: string[] = []): number {
    if (statuses.length === 0) return (this.stmts.taskCount.get(stageId, attemptId) as { n: number }).n;
    const marks = statuses.map(() => '?').join(',');
    const r = this.db
      .prepare(`SELECT COUNT(*) AS n FROM tasks WHERE stage_id = ? AND stage_attempt = ? AND status IN (${marks})`)
      .get(stageId, attemptId, ...statuses) as { n: number };
    return r.n;
  }

  /**
   * One page of an attempt's tasks. Ties are broken by task id in the sort direction, which is the order
   * Spark's KV-store indexes produce.
   */
  tasks(stageId: number, attemptId: number, q: TaskQuery): StoredTaskRow[] {
    const where = ['stage_id = ?', 'stage_attempt = ?'];
    const args: unknown[] = [stageId, attemptId];
    if (q.statuses.length > 0) {
      where.push(`status IN (${q.statuses.map(() => '?').join(',')})`);
      args.push(...q.statuses);
    }
    if (q.executorId !== undefined) {
      where.push('executor_id = ?');
      args.push(q.executorId);
    }
    if (q.errorContains !== undefined && q.errorContains !== '') {
      where.push("instr(lower(coalesce(error, '')), lower(?)) > 0");
      args.push(q.errorContains);
    }
    const dir = q.descending ? 'DESC' : 'ASC';
    const column = ORDER_COLUMNS[q.order];
    const order = column === 'task_id' ? `task_id ${dir}` : `${column} ${dir}, task_id ${dir}`;
    const page = `SELECT task_id, executor_id, duration, line_file, line_offset, line_length FROM tasks
      WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`;
    // The join keeps the page's order: SQLite scans the ordered subquery as the outer loop.
    const sql = `SELECT p.*, l.raw FROM (${page}) p LEFT JOIN task_lines l ON l.task_id = p.task_id`;
    const rows = this.db.prepare(sql).all(...args, q.length, q.offset) as (StoredTaskRow & LineColumns)[];
    return this.resolveLines(rows);
  }

  /** Reads back, in place, the lines of tasks that were stored by reference into an uncompressed log. */
  private resolveLines(rows: (StoredTaskRow & LineColumns)[]): StoredTaskRow[] {
    const fds = new Map<number, number>();
    try {
      for (const r of rows) {
        if (r.raw !== null && r.raw !== undefined) continue;
        if (r.line_file === null) throw new Error(`task ${r.task_id} has no stored event line`);
        let fd = fds.get(r.line_file);
        if (fd === undefined) {
          const file = this.logFiles().get(r.line_file);
          if (!file) throw new Error(`log file #${r.line_file} of this application is not known`);
          fd = fs.openSync(file, 'r');
          fds.set(r.line_file, fd);
        }
        const buf = Buffer.allocUnsafe(r.line_length!);
        fs.readSync(fd, buf, 0, r.line_length!, r.line_offset!);
        let text = buf.toString('utf8');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (text.endsWith('\r')) text = text.slice(0, -1);
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
    const rows = this.stmts.summaryRows.raw().all(stageId, attemptId) as [string, number, number, number, Buffer | null][];
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
    return this.stmts.timelineRows.raw().all(stageId, attemptId) as TimelineRow[];
  }

  close(): void {
    this.db.close();
  }
}
