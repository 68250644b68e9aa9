import { sparkErrors } from '../../api/spark/errors.js';
import type { IngestCoordinator, LogChange } from '../ingest/ingestCoordinator.js';
import { AppStoreReader } from '../store/appStoreReader.js';
import type { IndexDb, LogRow } from '../store/indexDb.js';
import { type AppEntry, buildApplications } from './appListing.js';
import { notFound } from './apiError.js';

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
  private readonly readers = new Map<string, AppStoreReader>();

  constructor(
    private readonly index: IndexDb,
    private readonly ingest: IngestCoordinator,
  ) {
    ingest.on('change', (_c: LogChange) => {
      this.cached = undefined;
    });
    ingest.on('dbReplaced', (file: string) => {
      this.readers.get(file)?.close();
      this.readers.delete(file);
    });
  }

  applications(): AppEntry[] {
    this.cached ??= buildApplications(this.index.all());
    return this.cached;
  }

  application(appId: string): AppEntry | undefined {
    return this.applications().find((a) => a.id === appId);
  }

  /** BaseAppResource.withUI: the attempt with exactly this attempt id (none for attempt-less apps). */
  async resolve(appId: string, attemptId: string | undefined): Promise<ResolvedAttempt> {
    const app = this.application(appId);
    const row = app?.attempts.find((a) => (a.attemptId ?? undefined) === attemptId);
    if (!app || !row) throw notFound(sparkErrors.noSuchApp(appId, attemptId));
    const ready = (await this.ingest.whenReplayed(row.key, REPLAY_WAIT_MS)) ?? row;
    if (!ready.dbFile) throw notFound(sparkErrors.noSuchApp(appId));
    return { app, row: ready, store: this.reader(ready.dbFile) };
  }

  reader(dbFile: string): AppStoreReader {
    let r = this.readers.get(dbFile);
    if (!r) {
      r = new AppStoreReader(dbFile);
      this.readers.set(dbFile, r);
    }
    return r;
  }

  /** Logs that could not be replayed, for the console's "unreadable logs" list. */
  unreadable(): LogRow[] {
    return this.index.all().filter((r) => r.state === 'error' || (r.state === 'ready' && r.appId === null));
  }

  close(): void {
    for (const r of this.readers.values()) r.close();
    this.readers.clear();
  }
}
