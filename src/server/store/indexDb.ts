import Database from 'better-sqlite3';
import type { AppUsage } from '../../api/console/usage.js';
import type { LogSource } from '../eventlog/discovery.js';
import type { AttemptSummary, ReplayStats } from '../ingest/ingestProtocol.js';
import type { LogPeek } from '../ingest/logPeek.js';

/** One row of the listing index: a log file (or rolling folder) and what its last replay found. */
export interface LogRow {
  key: string;
  root: string;
  path: string;
  layout: string;
  project: string | null;
  size: number;
  mtime: number;
  inProgress: boolean;
  state: 'pending' | 'ready' | 'error';
  error: string | null;
  dbFile: string | null;
  parsedSize: number;
  parsedMtime: number;
  parsedFiles: number;
  appId: string | null;
  attemptId: string | null;
  name: string | null;
  sparkUser: string | null;
  startTime: number;
  endTime: number;
  completed: boolean;
  sparkVersion: string | null;
  /** Spark 4.x: ExitCode of the application-end event, once a replay read it. */
  exitCode: number | null;
  lastUpdated: number;
  /** The latest time an event of the log carries, once a replay read it (-1 before, or when none does). */
  lastEventTime: number;
  failed: boolean;
  jobs: number;
  stats: ReplayStats | null;
  usage: AppUsage | null;
  /** `spark.hadoop.odps.project.name` of the application, when set. */
  odpsProject: string | null;
}

export type ScanState = Pick<
  LogRow,
  'key' | 'root' | 'path' | 'size' | 'mtime' | 'inProgress' | 'state' | 'error' | 'dbFile' | 'parsedSize' | 'parsedMtime' | 'parsedFiles' | 'appId'
>;

/**
 * The `logs` table, as the server creates it. Plain SQL that PostgreSQL also runs (test/access/postgresSchema.test.ts):
 * epoch milliseconds and byte sizes are BIGINT and file times DOUBLE PRECISION, since PostgreSQL's INTEGER is
 * 4 bytes and its REAL a 4-byte float; SQLite gives these names the same integer and real affinities.
 */
export const LOG_INDEX_SCHEMA = `
CREATE TABLE IF NOT EXISTS logs (
  key TEXT PRIMARY KEY,
  root TEXT NOT NULL,
  path TEXT NOT NULL,
  layout TEXT NOT NULL,
  project TEXT,
  size BIGINT NOT NULL,
  mtime DOUBLE PRECISION NOT NULL,
  in_progress INTEGER NOT NULL,
  state TEXT NOT NULL,
  error TEXT,
  db_file TEXT,
  parsed_size BIGINT NOT NULL DEFAULT -1,
  parsed_mtime DOUBLE PRECISION NOT NULL DEFAULT -1,
  parsed_files INTEGER NOT NULL DEFAULT 0,
  app_id TEXT,
  attempt_id TEXT,
  name TEXT,
  spark_user TEXT,
  start_time BIGINT NOT NULL DEFAULT -1,
  end_time BIGINT NOT NULL DEFAULT -1,
  completed INTEGER NOT NULL DEFAULT 0,
  spark_version TEXT,
  exit_code INTEGER,
  last_updated BIGINT NOT NULL DEFAULT 0,
  last_event_time BIGINT NOT NULL DEFAULT -1,
  failed INTEGER NOT NULL DEFAULT 0,
  jobs INTEGER NOT NULL DEFAULT 0,
  stats TEXT,
  usage TEXT,
  odps_project TEXT
);
CREATE INDEX IF NOT EXISTS logs_by_app ON logs (app_id);
CREATE INDEX IF NOT EXISTS logs_by_start ON logs (start_time);
CREATE INDEX IF NOT EXISTS logs_by_end ON logs (end_time);
CREATE INDEX IF NOT EXISTS logs_by_project ON logs (project, start_time);
`;

function toRow(r: any): LogRow {
  return {
    key: r.key,
    root: r.root,
    path: r.path,
    layout: r.layout,
    project: r.project,
    size: r.size,
    mtime: r.mtime,
    inProgress: r.in_progress === 1,
    state: r.state,
    error: r.error,
    dbFile: r.db_file,
    parsedSize: r.parsed_size,
    parsedMtime: r.parsed_mtime,
    parsedFiles: r.parsed_files,
    appId: r.app_id,
    attemptId: r.attempt_id,
    name: r.name,
    sparkUser: r.spark_user,
    startTime: r.start_time,
    endTime: r.end_time,
    completed: r.completed === 1,
    sparkVersion: r.spark_version,
    exitCode: r.exit_code ?? null,
    lastUpdated: r.last_updated,
    lastEventTime: r.last_event_time ?? -1,
    failed: r.failed === 1,
    jobs: r.jobs,
    stats: r.stats ? JSON.parse(r.stats) : null,
    usage: r.usage ? JSON.parse(r.usage) : null,
    odpsProject: r.odps_project ?? null,
  };
}

/** The listing index (index.db in the data dir): every known log and the listing fields of its attempt. */
/**
 * Version of what the stores hold (schemas of index.db and the app databases, and the fold's output). Bump it
 * whenever either changes, so an upgraded server replays logs instead of misreading old stores.
 */
export const STORE_VERSION = 9;

export class IndexDb {
  readonly db: Database.Database;
  /** True when this open found stores of another version and dropped them. */
  readonly storesInvalidated: boolean = false;
  private readonly stmts;

  constructor(file: string) {
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
    } catch (err) {
      // SQLite says only "unable to open database file": name the file, the operator has to fix its dir.
      throw new Error(`cannot open the index ${file} (is the data dir writable?): ${(err as Error).message}`, { cause: err });
    }
    this.db.pragma('synchronous = NORMAL');
    // Stores written by another version of the fold or schema are not reused: forget them, replay again.
    if (this.db.pragma('user_version', { simple: true }) !== STORE_VERSION) {
      this.db.exec('DROP TABLE IF EXISTS logs');
      this.db.pragma(`user_version = ${STORE_VERSION}`);
      this.storesInvalidated = true;
    }
    this.db.exec(LOG_INDEX_SCHEMA);
    this.stmts = {
      all: this.db.prepare('SELECT * FROM logs'),
      scanState: this.db.prepare(
        `SELECT key, root, path, size, mtime, in_progress, state, error, db_file, parsed_size, parsed_mtime, parsed_files, app_id FROM logs`,
      ),
      get: this.db.prepare('SELECT * FROM logs WHERE key = ?'),
      upsertSource: this.db.prepare(`
        INSERT INTO logs (key, root, path, layout, project, size, mtime, in_progress, state, error)
        VALUES (@key, @root, @path, @layout, @project, @size, @mtime, @inProgress, @state, @error)
        ON CONFLICT(key) DO UPDATE SET root = excluded.root, path = excluded.path, layout = excluded.layout,
          project = excluded.project, size = excluded.size, mtime = excluded.mtime, in_progress = excluded.in_progress`),
      summary: this.db.prepare(`
        UPDATE logs SET state = 'ready', error = @error, db_file = @dbFile, parsed_size = @parsedSize, parsed_mtime = @parsedMtime,
          parsed_files = @parsedFiles, app_id = @appId, attempt_id = @attemptId, name = @name, spark_user = @sparkUser,
          start_time = @startTime, end_time = @endTime, completed = @completed, spark_version = @sparkVersion,
          exit_code = @exitCode, last_updated = @lastUpdated, last_event_time = @lastEventTime, failed = @failed, jobs = @jobs, stats = @stats, usage = @usage, odps_project = @odpsProject
        WHERE key = @key`),
      peek: this.db.prepare(`
        UPDATE logs SET app_id = @appId, attempt_id = @attemptId, name = @name, spark_user = @sparkUser, start_time = @startTime,
          end_time = @endTime, completed = @completed, spark_version = @sparkVersion, last_updated = @lastUpdated
        WHERE key = @key AND state = 'pending'`),
      // What was tried is recorded (size, mtime and file count), so the log is tried again only when it changes.
      failure: this.db.prepare(`UPDATE logs SET state = 'error', error = ?, parsed_size = ?, parsed_mtime = ?, parsed_files = ? WHERE key = ?`),
      storeLost: this.db.prepare(`UPDATE logs SET state = 'pending', db_file = NULL, parsed_size = -1 WHERE key = ?`),
      byDbFile: this.db.prepare('SELECT * FROM logs WHERE db_file = ?'),
      adopt: this.db.prepare(`
        UPDATE logs SET state = o.state, error = o.error, db_file = o.db_file, parsed_size = -1, parsed_mtime = -1, parsed_files = o.parsed_files,
          app_id = o.app_id, attempt_id = o.attempt_id, name = o.name, spark_user = o.spark_user, start_time = o.start_time,
          end_time = o.end_time, completed = o.completed, spark_version = o.spark_version, exit_code = o.exit_code, last_updated = o.last_updated,
          last_event_time = o.last_event_time,
          failed = o.failed, jobs = o.jobs, stats = o.stats
        FROM (SELECT * FROM logs WHERE key = @from) AS o WHERE logs.key = @to`),
      remove: this.db.prepare('DELETE FROM logs WHERE key = ?'),
    };
  }

  /** Runs `fn` in one write transaction (many small writes at a cold start). */
  transaction(fn: () => void): void {
    this.db.transaction(fn)();
  }

  all(): LogRow[] {
    return this.stmts.all.all().map(toRow);
  }

  /** What a scan compares with the disk, for every log: no listing fields, no JSON (runs every second). */
  scanState(): ScanState[] {
    // Only the selected columns are set on these rows (toRow leaves the others undefined).
    return (this.stmts.scanState.all() as any[]).map(toRow);
  }

  get(key: string): LogRow | undefined {
    const r = this.stmts.get.get(key);
    return r ? toRow(r) : undefined;
  }

  upsertSource(source: LogSource): void {
    this.stmts.upsertSource.run({
      key: source.key,
      root: source.root,
      path: source.path,
      layout: source.layout,
      project: source.project ?? null,
      size: source.size,
      mtime: source.mtimeMs,
      inProgress: source.inProgress ? 1 : 0,
      state: source.error ? 'error' : 'pending',
      error: source.error ?? null,
    });
  }

  recordSummary(source: LogSource, s: AttemptSummary): void {
    this.stmts.summary.run({
      key: source.key,
      dbFile: s.dbFile,
      parsedSize: source.size,
      parsedMtime: source.mtimeMs,
      parsedFiles: source.files.length,
      appId: s.appId ?? null,
      attemptId: s.attemptId ?? null,
      name: s.name,
      sparkUser: s.sparkUser,
      startTime: s.startTime,
      endTime: s.endTime,
      completed: s.completed ? 1 : 0,
      sparkVersion: s.sparkVersion,
      exitCode: s.exitCode ?? null,
      lastUpdated: s.lastUpdated,
      lastEventTime: s.lastEventTime,
      failed: s.failed ? 1 : 0,
      jobs: s.jobs,
      stats: JSON.stringify(s.stats),
      usage: JSON.stringify(s.usage),
      odpsProject: s.odpsProject ?? null,
      error: s.error ?? null,
    });
  }

  /** Listing fields from a head/tail peek, until the full replay replaces them. */
  recordPeek(key: string, p: LogPeek, lastUpdated: number): void {
    this.stmts.peek.run({
      key,
      appId: p.appId ?? null,
      attemptId: p.attemptId ?? null,
      name: p.name,
      sparkUser: p.sparkUser,
      startTime: p.startTime,
      endTime: p.endTime,
      completed: p.endTime > 0 ? 1 : 0,
      sparkVersion: p.sparkVersion,
      lastUpdated,
    });
  }

  recordFailure(source: LogSource, message: string): void {
    this.stmts.failure.run(message, source.size, source.mtimeMs, source.files.length, source.key);
  }

  /** The row's store is gone (deleted or damaged): list it as pending until a replay rebuilds it. */
  markStoreLost(key: string): void {
    this.stmts.storeLost.run(key);
  }

  byDbFile(dbFile: string): LogRow | undefined {
    const r = this.stmts.byDbFile.get(dbFile);
    return r ? toRow(r) : undefined;
  }

  /**
   * `to` takes over the store and listing of `from` (a log renamed from `X.inprogress` to `X`): it is served
   * from that store until its own replay lands (parsed size -1 makes the scan replay it).
   */
  adoptStore(from: string, to: string): void {
    this.stmts.adopt.run({ from, to });
  }

  remove(key: string): void {
    this.stmts.remove.run(key);
  }

  close(): void {
    this.db.close();
  }
}
