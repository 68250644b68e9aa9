import type { RetentionLimits } from '../config.js';
import type { LogSource } from '../eventlog/discovery.js';
import { type ReadPosition, readLogLines } from '../eventlog/lineReader.js';
import { AppStatusFold } from '../status/appStatusFold.js';
import type { Json } from '../status/eventJson.js';
import { restExecutor, restProcess, restRdd, storedStage } from '../status/restViews.js';
import { SqlFold } from '../status/sql/sqlFold.js';
import { AppDbWriter, openAppDb, switchToLiveMode } from '../store/appDb.js';
import type { AppUsage } from '../../api/console/usage.js';
import { computeUsage, containerLifetimes } from '../status/computeUsage.js';
import type { AttemptSummary, ReplayStats } from './ingestProtocol.js';
import { isTransientError } from './transientError.js';

/** The MaxCompute project a Spark job runs in (spec/maxcompute.md §3.6). */
const ODPS_PROJECT_PROPERTY = 'spark.hadoop.odps.project.name';

/** Lines between intermediate commits while replaying a big log. */
const COMMIT_EVERY_LINES = 20_000;

/**
 * Replays one log into its app database and keeps the fold alive, so that when an in-progress log grows the
 * next call continues from where the last one stopped instead of re-reading the file.
 */
export class AppReplay {
  private readonly writer: AppDbWriter;
  private readonly fold: AppStatusFold;
  private readonly sql: SqlFold;
  private position: ReadPosition | undefined;
  private readonly stats: ReplayStats = { lines: 0, malformedLines: 0, oversizedLines: 0, bytes: 0, failedEvents: 0, unknownEvents: 0, tornTail: false };
  private sortIndexesBuilt = false;
  lastUsed = Date.now();

  constructor(
    private source: LogSource,
    readonly dbFile: string,
    retention: RetentionLimits,
    private readonly maxLineBytes?: number,
  ) {
    this.writer = new AppDbWriter(openAppDb(dbFile, 'bulk'));
    this.sql = new SqlFold({ retainedExecutions: retention.sqlExecutions });
    this.fold = new AppStatusFold(this.writer, retention, [this.sql]);
  }

  /** Reads everything new in the log, folds it, persists a consistent snapshot and returns the listing data. */
  async run(source: LogSource, onProgress?: (bytes: number) => void): Promise<AttemptSummary> {
    this.source = source;
    this.lastUsed = Date.now();
    const writer = this.writer;
    let sinceCommit = 0;
    writer.begin();
    let readError: string | undefined;
    const read = readLogLines(source, {
      from: this.position,
      maxLineBytes: this.maxLineBytes,
      onLine: (line, unterminated, at) => {
        this.stats.lines++;
        let event: Json;
        try {
          event = JSON.parse(line);
        } catch {
          // A final line without a newline is a torn write, not corruption.
          if (unterminated) this.stats.tornTail = true;
          else this.stats.malformedLines++;
          return;
        }
        if (event === null || typeof event !== 'object' || Array.isArray(event) || typeof event['Event'] !== 'string') {
          this.stats.malformedLines++;
          return;
        }
        // Plain files are read back in place later, so task records only keep a reference to the line.
        this.fold.handle(event, line, at.codec === 'none' ? at : undefined);
        if (++sinceCommit >= COMMIT_EVERY_LINES) {
          sinceCommit = 0;
          writer.commit();
          writer.begin();
          onProgress?.(this.stats.bytes);
        }
      },
    });
    try {
      const result = await read;
      this.position = result.position;
      this.stats.bytes += result.bytes;
      this.stats.oversizedLines += result.oversizedLines;
      this.stats.tornTail = this.stats.tornTail || result.tornTail;
    } catch (err) {
      // Out of descriptors or a failing disk says nothing about the log: fail this run, it is tried again.
      if (isTransientError(err)) throw err;
      // A corrupt block or unreadable file: keep everything folded so far and say where reading stopped.
      readError = (err as Error).message;
      this.position = undefined;
    }
    this.stats.failedEvents = this.fold.failedEvents;
    this.stats.unknownEvents = [...this.fold.unknownEvents.values()].reduce((a, b) => a + b, 0);

    const lastUpdated = this.lastUpdated(source);
    this.fold.flushLive(lastUpdated);
    this.persist(lastUpdated);
    writer.commit();
    if (!this.sortIndexesBuilt) {
      writer.buildSortIndexes();
      switchToLiveMode(writer.db);
      this.sortIndexesBuilt = true;
    }
    return { ...this.summary(lastUpdated), error: readError };
  }

  /** Spark: a completed log's mtime; an in-progress one is "as of now". */
  private lastUpdated(source: LogSource): number {
    return this.fold.attempt?.completed ? Math.round(source.mtimeMs) : Date.now();
  }

  private persist(lastUpdated: number): void {
    const w = this.writer;
    const dirty = this.fold.takeDirty();
    for (const job of dirty.jobs) w.writeJob(job);
    for (const id of dirty.removedJobs) w.removeJob(id);
    for (const stage of dirty.stages) w.writeStage(stage.info.stageId, stage.info.attemptId, stage.status, storedStage(stage));
    for (const key of dirty.removedStages) {
      const [s, a] = key.split(':').map(Number);
      w.removeStage(s!, a!);
    }
    for (const x of dirty.executors) w.writeExecutor(x.executorId, x.isActive, restExecutor(x));
    for (const id of dirty.removedExecutors) w.removeExecutor(id);
    for (const rdd of dirty.rdds) w.writeRdd(rdd.info.id, rdd.partitions.size > 0, restRdd(rdd, this.fold.executors));
    for (const id of dirty.removedRdds) w.removeRdd(id);
    for (const rec of this.sql.takeDirty()) w.writeSql(rec.executionId, rec);
    for (const id of this.sql.takeRemoved()) w.removeSql(id);
    w.writeMeta('logFiles', this.source.files.map((f) => ({ index: f.index, path: f.path })));
    w.writeMeta('attempt', this.fold.attempt ?? null);
    w.writeMeta('environment', this.fold.environment ?? null);
    w.writeMeta('resourceProfiles', [...this.fold.resourceProfiles.values()].sort((a, b) => a.id - b.id));
    w.writeMeta('processes', [...this.fold.processes.values()].map(restProcess));
    w.writeMeta('stats', { ...this.stats, lastUpdated, unknownEventTypes: Object.fromEntries(this.fold.unknownEvents), lastFailure: this.fold.lastFailure });
  }

  private summary(lastUpdated: number): Omit<AttemptSummary, 'error'> {
    const a = this.fold.attempt;
    let lastJobFailed = false;
    let maxJob = -1;
    for (const j of this.fold.jobs.values()) {
      if (j.jobId > maxJob) {
        maxJob = j.jobId;
        lastJobFailed = j.status === 'FAILED';
      }
    }
    return {
      key: this.source.key,
      dbFile: this.dbFile,
      appId: a?.appId,
      attemptId: a?.attemptId,
      name: a?.appName ?? '',
      sparkUser: a?.sparkUser ?? '',
      startTime: a?.startTime ?? -1,
      endTime: a?.endTime ?? -1,
      completed: a?.completed ?? false,
      sparkVersion: this.fold.sparkVersion,
      exitCode: a?.exitCode,
      lastUpdated,
      lastEventTime: this.fold.lastEventTime,
      failed: (a?.completed ?? false) && lastJobFailed,
      jobs: this.fold.jobs.size,
      stats: { ...this.stats },
      usage: this.usage(lastUpdated),
      odpsProject: this.fold.environment?.sparkProperties.find(([k]) => k === ODPS_PROJECT_PROPERTY)?.[1] || undefined,
    };
  }

  private usage(lastUpdated: number): AppUsage {
    const a = this.fold.attempt;
    // Without an end event (running, or crashed), containers count up to the last thing the log recorded.
    const end = a?.completed && a.endTime > 0 ? a.endTime : this.fold.lastEventTime > 0 ? this.fold.lastEventTime : lastUpdated;
    let taskMs = 0;
    for (const x of this.fold.executors.values()) taskMs += x.totalDuration;
    return computeUsage(containerLifetimes(this.fold.executors.values(), this.fold.environment?.sparkProperties ?? [], a?.startTime ?? -1, end), taskMs);
  }

  close(): void {
    this.writer.db.close();
  }
}

