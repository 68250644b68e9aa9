import { sparkErrors } from '../../api/spark/errors.js';
import type { IngestCoordinator, LogChange } from '../ingest/ingestCoordinator.js';
import { AppStoreReader, type StoreProblemError } from '../store/appStoreReader.js';
import { StorePool, defaultStoreLimit } from '../store/storePool.js';
import type { IndexDb, LogRow } from '../store/indexDb.js';
import type { AppListItem } from '../../api/console/appListItem.js';
import { type AppEntry, buildApplications } from './appListing.js';
import { allListItems } from './consoleAppList.js';
import { ApiError, notFound } from './apiError.js';

const REBUILD_MS = 100;

/** How long a request waits for a not-yet-replayed log before answering from what exists. */
const REPLAY_WAIT_MS = 120_000;

/** One attempt resolved for a request: its index row and a reader on its store. */
export interface ResolvedAttempt {
  app: AppEntry;
  row: LogRow;
  store: AppStoreReader;
}

/**
 * The applications the server knows, built from the index and cached until a replay lands; and the
 * per-attempt store readers, opened lazily and closed when a replay replaces a store.
 */
export class AppCatalog {
  private cached: AppEntry[] | undefined;
  private builtAt = 0;
  private stale = false;
  private byId = new Map<string, AppEntry>();
  private readonly readers = new Map<string, AppStoreReader>();
  /** Open stores are bounded (descriptors and page caches); readers outside it reopen on their next use. */
  readonly storePool = new StorePool(defaultStoreLimit());
  /** The index rows, kept in memory and updated row by row as replays land (no full re-read per change). */
  private readonly rows: Map<string, LogRow>;

  constructor(
    private readonly index: IndexDb,
    private readonly ingest: IngestCoordinator,
    /** Which project a log belongs to; every row carries the answer, so listings and access agree. */
    private readonly projectOf: (row: LogRow) => string,
  ) {
    this.rows = new Map(index.all().map((r) => [r.key, this.withProject(r)]));
    ingest.on('change', (c: LogChange) => {
      // A removed log's store is deleted: give its descriptors back now rather than at LRU eviction.
      const dropped = c.kind === 'removed' ? this.rows.get(c.key)?.dbFile : undefined;
      if (dropped) {
        this.readers.get(dropped)?.close();
        this.readers.delete(dropped);
      }
      const row = this.index.get(c.key);
      if (row) this.rows.set(c.key, this.withProject(row));
      else this.rows.delete(c.key);
      this.stale = true;
      if (Date.now() - this.builtAt >= REBUILD_MS) this.cached = undefined;
    });
    ingest.on('dbReplaced', (file: string) => {
      this.readers.get(file)?.close();
      this.readers.delete(file);
    });
  }

  /**
   * The application list. While a cold start lists thousands of logs a second, it is rebuilt at most every
   * REBUILD_MS (a listing that far behind is still fresher than Spark's 10 s scan).
   */
  applications(): AppEntry[] {
    const now = Date.now();
    if (this.cached === undefined || (this.stale && now - this.builtAt >= REBUILD_MS)) {
      this.cached = buildApplications([...this.rows.values()]);
      this.byId = new Map(this.cached.map((a) => [a.id, a]));
      this.builtAt = now;
      this.stale = false;
    }
    return this.cached;
  }

  /** The console listing rows, rebuilt with the application list. */
  listItems(): AppListItem[] {
    const apps = this.applications();
    if (this.itemsFor !== apps) {
      this.items = allListItems(apps, this.unreadable());
      this.itemsFor = apps;
    }
    return this.items;
  }
  private items: AppListItem[] = [];
  private itemsFor: AppEntry[] | undefined;

  application(appId: string): AppEntry | undefined {
    this.applications();
    return this.byId.get(appId);
  }

  /**
   * An application the listing does not have yet is looked for on disk by its log's names (on-demand loading,
   * as Spark 4.1's History Server does when its scan interval is long); the listing is rebuilt if found.
   */
  async lookUp(appId: string, attemptId: string | undefined): Promise<void> {
    if (this.application(appId) !== undefined) return;
    if (await this.ingest.lookUp(appId, attemptId)) this.cached = undefined;
  }

  /** BaseAppResource.withUI: the attempt with exactly this attempt id (none for attempt-less apps). */
  async resolve(appId: string, attemptId: string | undefined, again = false): Promise<ResolvedAttempt> {
    const app = this.application(appId);
    const row = app?.attempts.find((a) => (a.attemptId ?? undefined) === attemptId);
    if (!app || !row) throw notFound(sparkErrors.noSuchApp(appId, attemptId));
    const current = await this.ingest.whenReplayed(row.key, REPLAY_WAIT_MS);
    if (current === undefined && !again) {
      // The listing (rebuilt at most every REBUILD_MS) still has a log that was renamed or removed: look again.
      this.cached = undefined;
      return this.resolve(appId, attemptId, true);
    }
    const ready = current ?? row;
    if (!ready.dbFile) {
      // Still pending: its replay is waiting for the disk (or for a rebuild); a failed log is unknown as in Spark.
      if (ready.state === 'pending') throw new ApiError(503, `${appId} is not replayed yet; retry shortly`);
      throw notFound(sparkErrors.noSuchApp(appId));
    }
    return { app, row: ready, store: this.reader(ready.dbFile, ready) };
  }

  /** The reader of a row's store (one per store file). */
  reader(dbFile: string, row: LogRow): AppStoreReader {
    let r = this.readers.get(dbFile);
    if (!r) {
      r = new AppStoreReader(dbFile, { pool: this.storePool, onProblem: (reader, err) => this.onStoreProblem(reader, err) });
      this.readers.set(dbFile, r);
    }
    r.singleLogPath = row.layout === 'single' ? row.path : undefined;
    return r;
  }

  /** Every index row (with its resolved project). */
  allRows(): IterableIterator<LogRow> {
    return this.rows.values();
  }

  private withProject(row: LogRow): LogRow {
    return { ...row, project: this.projectOf(row) };
  }

  /** A store that cannot answer: damaged or stale ones are rebuilt; the request is told to retry (503). */
  private onStoreProblem(reader: AppStoreReader, err: StoreProblemError): Error {
    if (err.problem !== 'unavailable') {
      this.readers.delete(reader.file);
      reader.close();
      this.ingest.storeProblem(reader.file, err.problem);
    }
    return new ApiError(503, err.message);
  }

  /** Logs that could not be replayed, for the console's "unreadable logs" list. */
  unreadable(): LogRow[] {
    return [...this.rows.values()].filter((r) => r.state === 'error' || (r.state === 'ready' && r.appId === null));
  }

  close(): void {
    for (const r of this.readers.values()) r.close();
    this.readers.clear();
  }
}
