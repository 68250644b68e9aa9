import Database from 'better-sqlite3';
import type { Json } from '../status/eventJson.js';
import type { TaskRow, TaskSink } from '../status/taskSink.js';
import { METRIC_COUNT } from '../status/taskMetrics.js';
import { METRIC_COLUMN_NAMES, TASK_SORT_INDEX_DDL, metricSortValues, storedExecutorRank } from './taskSortColumns.js';

/**
 * One SQLite file per application attempt. Tasks live in an indexed table (sorting and paging a stage's
 * million tasks is a query); every other entity is one JSON document per row, written at fold checkpoints.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (job_id INTEGER PRIMARY KEY, json TEXT NOT NULL);
-- data: the REST StageData without details, pre-serialised so a stage list is a string join, not a parse.
CREATE TABLE IF NOT EXISTS stages (stage_id INTEGER NOT NULL, attempt_id INTEGER NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (stage_id, attempt_id));
CREATE TABLE IF NOT EXISTS executors (executor_id TEXT PRIMARY KEY, is_active INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rdds (rdd_id INTEGER PRIMARY KEY, cached INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sql_executions (execution_id INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
  task_id INTEGER PRIMARY KEY,
  stage_id INTEGER NOT NULL,
  stage_attempt INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  launch_time INTEGER NOT NULL,
  duration INTEGER NOT NULL,
  executor_id TEXT NOT NULL,
  host TEXT NOT NULL,
  status TEXT NOT NULL,
  locality TEXT NOT NULL,
  speculative INTEGER NOT NULL,
  result_fetch_start INTEGER NOT NULL,
  -- Sort keys of the task table (taskSortColumns.ts): the executor's place in the console's executor order, and
  -- each metric as Spark's store indexes it: -1 without metrics, -(v+1) for tasks that did not succeed.
  executor_rank INTEGER NOT NULL,
${METRIC_COLUMN_NAMES.map((c) => `  ${c} INTEGER NOT NULL,`).join('\n')}
  error TEXT,
  metrics BLOB,
  -- Where the task's event line is in an uncompressed log (else the line is in task_lines).
  line_file INTEGER,
  line_offset INTEGER,
  line_length INTEGER
);
CREATE INDEX IF NOT EXISTS tasks_by_stage ON tasks (stage_id, stage_attempt);
-- The event line a task's TaskData is rebuilt from; kept apart so scans and index builds over tasks stay narrow.
CREATE TABLE IF NOT EXISTS task_lines (task_id INTEGER PRIMARY KEY, raw TEXT NOT NULL);
`;

/** Secondary orderings, built once the first replay is done (cheaper than maintaining them row by row). */
const TASK_SORT_INDEXES = `
CREATE INDEX IF NOT EXISTS tasks_by_duration ON tasks (stage_id, stage_attempt, duration);
CREATE INDEX IF NOT EXISTS tasks_by_completion ON tasks (stage_id, stage_attempt, (launch_time + duration));
${TASK_SORT_INDEX_DDL}
`;

/**
 * `bulk` is for a from-scratch replay into a file nobody reads yet: no journal and no syncs (3× faster on big
 * logs). A crash mid-replay leaves an orphan file that is never served and is replayed again.
 */
export function openAppDb(file: string, mode: 'read' | 'bulk' | 'live'): Database.Database {
  const db = new Database(file, { readonly: mode === 'read', fileMustExist: mode === 'read' });
  if (mode === 'bulk') {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
  } else if (mode === 'live') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
  }
  db.pragma('cache_size = -32000');
  return db;
}

/** Ends bulk mode: from now on readers and an appending writer share the file. */
export function switchToLiveMode(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}

/** Writes fold output into an app database; callers batch calls inside begin()/commit(). */
export class AppDbWriter implements TaskSink {
  private readonly insertTask;
  private readonly insertLine;
  private readonly putJob;
  private readonly delJob;
  private readonly putStage;
  private readonly delStage;
  private readonly putExecutor;
  private readonly delExecutor;
  private readonly putRdd;
  private readonly delRdd;
  private readonly putSql;
  private readonly delSql;
  private readonly putMeta;
  private readonly oldest;
  private readonly stageTaskIds;
  private readonly delTask;
  private readonly delLine;
  private inTx = false;
  /** Whether any line was stored in task_lines (compressed logs); saves a delete per task otherwise. */
  private hasLines = false;

  constructor(readonly db: Database.Database) {
    this.insertTask = db.prepare(
      `INSERT OR REPLACE INTO tasks (task_id, stage_id, stage_attempt, idx, attempt, launch_time, duration, executor_id, host, status,
        locality, speculative, result_fetch_start, executor_rank, ${METRIC_COLUMN_NAMES.join(', ')}, error, metrics,
        line_file, line_offset, line_length)
       VALUES (${new Array(19 + METRIC_COLUMN_NAMES.length).fill('?').join(', ')})`,
    );
    this.insertLine = db.prepare('INSERT OR REPLACE INTO task_lines (task_id, raw) VALUES (?, ?)');
    this.putJob = db.prepare('INSERT OR REPLACE INTO jobs (job_id, json) VALUES (?, ?)');
    this.delJob = db.prepare('DELETE FROM jobs WHERE job_id = ?');
    this.putStage = db.prepare('INSERT OR REPLACE INTO stages (stage_id, attempt_id, status, data, json) VALUES (?, ?, ?, ?, ?)');
    this.delStage = db.prepare('DELETE FROM stages WHERE stage_id = ? AND attempt_id = ?');
    this.putExecutor = db.prepare('INSERT OR REPLACE INTO executors (executor_id, is_active, json) VALUES (?, ?, ?)');
    this.delExecutor = db.prepare('DELETE FROM executors WHERE executor_id = ?');
    this.putRdd = db.prepare('INSERT OR REPLACE INTO rdds (rdd_id, cached, json) VALUES (?, ?, ?)');
    this.delRdd = db.prepare('DELETE FROM rdds WHERE rdd_id = ?');
    this.putSql = db.prepare('INSERT OR REPLACE INTO sql_executions (execution_id, json) VALUES (?, ?)');
    this.delSql = db.prepare('DELETE FROM sql_executions WHERE execution_id = ?');
    this.putMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.oldest = db.prepare(
      `SELECT task_id FROM tasks WHERE stage_id = ? AND stage_attempt = ? ORDER BY launch_time + duration, task_id LIMIT ?`,
    ).pluck();
    this.stageTaskIds = db.prepare('SELECT task_id FROM tasks WHERE stage_id = ? AND stage_attempt = ?').pluck();
    this.delTask = db.prepare('DELETE FROM tasks WHERE task_id = ?');
    this.delLine = db.prepare('DELETE FROM task_lines WHERE task_id = ?');
  }

  begin(): void {
    if (!this.inTx) {
      this.db.exec('BEGIN');
      this.inTx = true;
    }
  }

  commit(): void {
    if (this.inTx) {
      this.db.exec('COMMIT');
      this.inTx = false;
    }
  }

  put(row: TaskRow): void {
    const m = row.metrics;
    this.insertTask.run(
      row.taskId, row.stageId, row.stageAttempt, row.index, row.attempt, row.launchTime, row.duration, row.executorId, row.host,
      row.status, row.locality, row.speculative ? 1 : 0, row.resultFetchStart, storedExecutorRank(row),
      ...metricSortValues(row),
      row.errorMessage ?? null,
      m ? Buffer.from(m.buffer, m.byteOffset, METRIC_COUNT * 8) : null,
      row.lineRef?.fileIndex ?? null,
      row.lineRef?.offset ?? null,
      row.lineRef?.length ?? null,
    );
    if (row.raw !== undefined) {
      this.insertLine.run(row.taskId, row.raw);
      this.hasLines = true;
    }
    else if (this.hasLines) this.delLine.run(row.taskId);
  }

  deleteOldest(stageId: number, stageAttempt: number, count: number): number {
    const ids = this.oldest.all(stageId, stageAttempt, count) as number[];
    for (const id of ids) this.deleteTask(id);
    return ids.length;
  }

  deleteStage(stageId: number, stageAttempt: number): void {
    for (const id of this.stageTaskIds.all(stageId, stageAttempt) as number[]) this.deleteTask(id);
  }

  private deleteTask(id: number): void {
    this.delTask.run(id);
    this.delLine.run(id);
  }

  writeJob(job: Json): void {
    this.putJob.run(job.jobId, JSON.stringify(job));
  }
  removeJob(jobId: number): void {
    this.delJob.run(jobId);
  }
  writeStage(stageId: number, attemptId: number, status: string, doc: { data: unknown }): void {
    const data = JSON.stringify(doc.data);
    // The full document embeds the same StageData text instead of serialising it twice.
    const { data: _omit, ...rest } = doc;
    const full = `{"data":${data}${Object.keys(rest).length > 0 ? ',' + JSON.stringify(rest).slice(1) : '}'}`;
    this.putStage.run(stageId, attemptId, status, data, full);
  }
  removeStage(stageId: number, attemptId: number): void {
    this.delStage.run(stageId, attemptId);
  }
  writeExecutor(id: string, active: boolean, doc: Json): void {
    this.putExecutor.run(id, active ? 1 : 0, JSON.stringify(doc));
  }
  removeExecutor(id: string): void {
    this.delExecutor.run(id);
  }
  writeRdd(id: number, cached: boolean, doc: Json): void {
    this.putRdd.run(id, cached ? 1 : 0, JSON.stringify(doc));
  }
  removeRdd(id: number): void {
    this.delRdd.run(id);
  }
  writeSql(id: number, doc: unknown): void {
    this.putSql.run(id, JSON.stringify(doc));
  }
  removeSql(id: number): void {
    this.delSql.run(id);
  }
  writeMeta(key: string, value: unknown): void {
    this.putMeta.run(key, JSON.stringify(value));
  }

  buildSortIndexes(): void {
    this.db.exec(TASK_SORT_INDEXES);
  }
}
