import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import type { ServerConfig } from '../config.js';
import { type LogSource, type UnreadablePath, scanRoots, sourceAt } from '../eventlog/discovery.js';
import { logNamesForApp } from '../eventlog/logNamesForApp.js';
import type { IndexDb, LogRow, ScanState } from '../store/indexDb.js';
import type { IngestRequest, IngestResponse } from './ingestProtocol.js';
import { type LogPeek, peekLog } from './logPeek.js';

/** Emitted whenever a log's replay lands (or fails, or the log disappears). */
export interface LogChange {
  key: string;
  appId: string | null;
  kind: 'updated' | 'failed' | 'removed';
}

interface WorkerSlot {
  /** Started on the slot's first replay: a restart whose logs are all replayed starts no worker at all. */
  worker: Worker | undefined;
  busy: { id: number; source: LogSource } | undefined;
  /** Logs waiting for this worker, in order (a log always goes to the same worker). */
  queue: string[];
}

/** How long an on-demand look-up that found no log is not tried again for the same id. */
const LOOK_UP_MISS_MS = 2_000;

/** FNV-1a: a cheap, stable string hash to pick a log's worker. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Whether a log must be replayed: new, pending, changed since its last replay (size, mtime or number of
 * files), or without a store. A failed log has what was tried recorded, so it is tried again only when it
 * changes — not on every scan.
 */
export function needsReplay(row: ScanState | undefined, source: LogSource): boolean {
  return !row || row.state === 'pending' || row.parsedSize !== source.size || row.parsedMtime !== source.mtimeMs ||
    row.parsedFiles !== source.files.length || (row.state === 'ready' && !row.dbFile);
}

/** Whether a log row lies in (or is) a folder the scan could not read. */
function isUnder(row: { root: string; path: string }, unreadable: UnreadablePath[]): boolean {
  return unreadable.some((u) => row.root === u.root && (row.path === u.path || row.path.startsWith(u.path + path.sep)));
}

/**
 * Keeps the index in step with the log roots: scans them every `scanIntervalMs`, queues new and grown logs
 * for replay on worker threads (same log → same worker, so an in-progress replay continues where it
 * stopped), and records each replay's listing summary. Nothing here runs on a request's critical path.
 */
export class IngestCoordinator extends EventEmitter {
  private readonly slots: WorkerSlot[] = [];
  private readonly queued = new Set<string>();
  private readonly sources = new Map<string, LogSource>();
  private readonly waiters = new Map<string, Array<() => void>>();
  /** On-demand look-ups under way, by app and attempt id (concurrent requests share one). */
  private readonly lookUps = new Map<string, Promise<boolean>>();
  /** When an on-demand look-up last found nothing, by app and attempt id. */
  private readonly lookUpMisses = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private nextId = 1;
  /** Logs whose last replay failed for a transient reason (disk, descriptors): when to try again. */
  private readonly retries = new Map<string, { at: number; delayMs: number }>();
  /** Logs whose next replay must start from scratch (store damaged, or stale line references). */
  private readonly forceFresh = new Set<string>();
  /** Stale-store rebuilds already done per log state, so a false alarm cannot loop. */
  private readonly staleRebuilt = new Set<string>();
  private scans = 0;
  lastScanAt = 0;
  /** Why the last scan failed, if it did (for the status page). */
  lastScanError: string | undefined;
  /** Folders the last scan could not read (a root that is absent or unreadable, EMFILE, …). */
  unreadablePaths: UnreadablePath[] = [];
  private stopped = false;

  constructor(
    private readonly config: ServerConfig,
    private readonly index: IndexDb,
    /** The replay worker's script (tests give one that holds replays back, to see what is listed without them). */
    private readonly workerUrl = new URL('./ingestWorker.js', import.meta.url),
  ) {
    super();
    this.setMaxListeners(0);
    fs.mkdirSync(this.appsDir(), { recursive: true });
  }

  private appsDir(): string {
    return path.join(this.config.dataDir, 'apps');
  }

  async start(): Promise<void> {
    this.removeOrphanStores();
    for (let i = 0; i < Math.max(1, this.config.ingestWorkers); i++) this.slots.push({ worker: undefined, busy: undefined, queue: [] });
    await this.scan();
    this.timer = setInterval(() => void this.scan(), this.config.scanIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.slots.flatMap((s) => (s.worker ? [s.worker.terminate()] : [])));
  }

  /** Roots and folders the last scan could not read, without server paths (for the status page). */
  get rootErrors(): { root: string; path: string; error: string }[] {
    return this.unreadablePaths.map((u) => ({
      root: path.basename(u.root),
      path: path.relative(u.root, u.path).split(path.sep).join('/'),
      error: u.error,
    }));
  }

  /** Replays waiting to be tried again after a failure of the disk or the process. */
  get retryingCount(): number {
    return this.retries.size;
  }

  /** Pending replays (new or grown logs not yet folded). */
  get pendingCount(): number {
    return this.queued.size + this.slots.filter((s) => s.busy).length;
  }

  scan(): Promise<void> {
    if (!this.scanning) {
      this.scanning = this.doScan()
        .then(() => {
          this.lastScanError = undefined;
        })
        // A scan that fails (index not writable: full disk) is reported and tried again at the next tick.
        .catch((err: Error) => {
          this.lastScanError = this.publicError(err.message);
        })
        .finally(() => {
          this.scanning = undefined;
        });
    }
    return this.scanning;
  }

  private async doScan(): Promise<void> {
    const { sources: found, unreadable } = await scanRoots(this.config.eventLogRoots);
    this.unreadablePaths = unreadable;
    const rows = new Map(this.index.scanState().map((r) => [r.key, r]));
    if (this.scans++ === 0) this.dropMissingStores(rows);
    const seen = new Set<string>();
    const toPeek: LogSource[] = [];
    // Newest first, like Spark's scan, so recent applications appear first on a cold start.
    found.sort((a, b) => b.mtimeMs - a.mtimeMs);
    // New and changed logs go into the index in one transaction (thousands at a cold start).
    const foundKeys = new Set(found.map((s) => s.key));
    /** Stores taken over by a renamed log: dbFile → the new key. */
    const adopted = new Map<string, string>();
    this.index.transaction(() => {
      for (const source of found) {
        const row = rows.get(source.key);
        if (!row || row.size !== source.size || row.mtime !== source.mtimeMs || row.inProgress !== source.inProgress) this.index.upsertSource(source);
        // `X.inprogress` renamed to `X` (the app finished): X is served from the old store until its replay lands.
        const before = row ? undefined : rows.get(`${source.key}.inprogress`);
        if (before?.dbFile && !foundKeys.has(before.key)) {
          this.index.adoptStore(before.key, source.key);
          adopted.set(before.dbFile, source.key);
        }
      }
    });
    for (const key of adopted.values()) this.emitChange({ key, appId: this.index.get(key)?.appId ?? null, kind: 'updated' });
    for (const source of found) {
      seen.add(source.key);
      this.sources.set(source.key, source);
      const row = rows.get(source.key);
      if (source.error) {
        if (!row || row.error !== source.error) {
          this.index.recordFailure(source, source.error);
          this.emitChange({ key: source.key, appId: row?.appId ?? null, kind: 'failed' });
        }
        continue;
      }
      if (needsReplay(row, source) && this.retryDue(source.key)) this.enqueue(source.key);
      if (!row || (row.state === 'pending' && row.appId === null)) toPeek.push(source);
    }
    // Listing first (as Spark's scan does): background replays start once new logs are peeked; a request
    // for one application still moves its replay to the front at any time (whenReplayed).
    await this.peekAll(toPeek);
    for (const [key, row] of rows) {
      // A log is gone only when a readable folder no longer holds it; under an unreadable one it is unknown.
      if (seen.has(key) || isUnder(row, unreadable)) continue;
      this.index.remove(key);
      this.sources.delete(key);
      this.retries.delete(key);
      if (!row.dbFile || !adopted.has(row.dbFile)) this.deleteDbFile(row.dbFile);
      for (const s of this.slots) s.worker?.postMessage({ type: 'forget', key } satisfies IngestRequest);
      this.emitChange({ key, appId: row.appId, kind: 'removed' });
    }
    this.lastScanAt = Date.now();
    this.dispatch();
  }

  /**
   * Lists new logs from their head and tail right away (a few KiB each), so a cold start with many or huge
   * logs shows applications long before their replays finish.
   */
  private async peekAll(sources: LogSource[]): Promise<void> {
    let next = 0;
    let found: { source: LogSource; peek: LogPeek }[] = [];
    // Peeks land in the index in batches: one transaction per batch instead of one per log.
    const flush = () => {
      const batch = found;
      found = [];
      this.index.transaction(() => {
        for (const { source, peek } of batch) this.index.recordPeek(source.key, peek, peek.endTime > 0 ? Math.round(source.mtimeMs) : Date.now());
      });
      for (const { source, peek } of batch) this.emitChange({ key: source.key, appId: peek.appId ?? null, kind: 'updated' });
    };
    const worker = async () => {
      while (next < sources.length) {
        const source = sources[next++]!;
        try {
          const peek = await peekLog(source);
          if (peek.appId !== undefined) found.push({ source, peek });
          if (found.length >= 200) flush();
        } catch {
          // The full replay reports what is wrong with this log.
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    flush();
  }

  /**
   * An application requested before a scan found its log (Spark 4.1's on-demand loading): its log is looked
   * for under the names Spark gives it, in every root and every folder known to hold logs, and a log found
   * is listed (peeked) and replayed first at once. Resolves whether a log new to the index was found.
   */
  lookUp(appId: string, attemptId: string | undefined): Promise<boolean> {
    if (this.stopped || appId.length === 0 || appId.length > 512 || appId.includes('\0') || (attemptId ?? '').includes('\0')) return Promise.resolve(false);
    const id = `${appId}\0${attemptId ?? ''}`;
    // A miss is remembered briefly: repeated requests for an id with no log cost one look-up, not one each.
    const missedAt = this.lookUpMisses.get(id);
    if (missedAt !== undefined && Date.now() - missedAt < LOOK_UP_MISS_MS) return Promise.resolve(false);
    let pending = this.lookUps.get(id);
    if (!pending) {
      pending = this.doLookUp(appId, attemptId)
        // The index cannot be written (full disk): the request answers as for an unknown app, the scan retries.
        .catch(() => false)
        .then((found) => {
          if (!found) this.rememberMiss(id);
          return found;
        })
        .finally(() => this.lookUps.delete(id));
      this.lookUps.set(id, pending);
    }
    return pending;
  }

  private rememberMiss(id: string): void {
    if (this.lookUpMisses.size >= 1000) this.lookUpMisses.clear();
    this.lookUpMisses.set(id, Date.now());
  }

  private async doLookUp(appId: string, attemptId: string | undefined): Promise<boolean> {
    const names = logNamesForApp(appId, attemptId);
    /** Folder → its root: the roots, and the folders (project folders) the index has logs in. */
    const folders = new Map<string, string>();
    for (const root of this.config.eventLogRoots) folders.set(path.resolve(root), path.resolve(root));
    for (const row of this.index.scanState()) folders.set(path.dirname(row.path), row.root);
    const found: LogSource[] = [];
    await Promise.all(
      [...folders].map(async ([folder, root]) => {
        for (const name of names) {
          const source = await sourceAt(root, path.join(folder, name));
          if (source && !this.index.get(source.key)) found.push(source);
        }
      }),
    );
    for (const source of found) {
      this.index.upsertSource(source);
      this.sources.set(source.key, source);
      if (source.error) {
        this.index.recordFailure(source, source.error);
        this.emitChange({ key: source.key, appId: null, kind: 'failed' });
        continue;
      }
      const peek = await peekLog(source).catch(() => undefined);
      if (peek?.appId !== undefined) this.index.recordPeek(source.key, peek, peek.endTime > 0 ? Math.round(source.mtimeMs) : Date.now());
      this.enqueue(source.key, true);
      this.emitChange({ key: source.key, appId: peek?.appId ?? null, kind: 'updated' });
    }
    this.dispatch();
    return found.length > 0;
  }

  private enqueue(key: string, front = false): void {
    const slot = this.slotFor(key);
    if (this.queued.has(key)) {
      if (front) {
        slot.queue.splice(slot.queue.indexOf(key), 1);
        slot.queue.unshift(key);
      }
      return;
    }
    if (slot.busy?.source.key === key) {
      // Already replaying; the next scan notices anything written meanwhile.
      return;
    }
    this.queued.add(key);
    if (front) slot.queue.unshift(key);
    else slot.queue.push(key);
  }

  private slotFor(key: string): WorkerSlot {
    return this.slots[fnv1a(key) % this.slots.length]!;
  }

  /** Gives every idle worker the next log of its queue. */
  private dispatch(): void {
    if (this.stopped) return;
    for (const slot of this.slots) {
      while (!slot.busy && slot.queue.length > 0) this.startReplay(slot, slot.queue.shift()!);
    }
  }

  private startReplay(slot: WorkerSlot, key: string): void {
    this.queued.delete(key);
    const source = this.sources.get(key);
    const row = this.index.get(key);
    if (!source || !row) return;
    const fresh = this.forceFresh.delete(key) || !row.dbFile || source.size < row.parsedSize || source.files.length < row.parsedFiles || row.state === 'error';
    const base = createHash('sha1').update(source.root + '\0' + key).digest('hex').slice(0, 16);
    const req: IngestRequest = {
      type: 'replay',
      id: this.nextId++,
      source,
      dbFile: row.dbFile ?? '',
      newDbFile: path.join(this.appsDir(), `${base}.${Date.now().toString(36)}.db`),
      fresh,
      retention: this.config.retention,
      maxLineBytes: this.config.maxLineBytes,
    };
    slot.busy = { id: req.id, source };
    this.workerOf(slot).postMessage(req);
  }

  private onWorkerMessage(slot: WorkerSlot, msg: IngestResponse): void {
    if (msg.type === 'progress') return;
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy && busy.id === msg.id) {
      try {
        this.land(busy.source, msg);
      } catch {
        // The index cannot be written (full disk): nothing changed, the replay is tried again later.
        if (msg.type === 'done' && msg.summary.dbFile !== this.index.get(busy.source.key)?.dbFile) this.deleteDbFile(msg.summary.dbFile);
        this.forceFresh.add(busy.source.key);
        this.scheduleRetry(busy.source.key);
      }
      this.resolveWaiters(busy.source.key);
    }
    this.dispatch();
  }

  /** Records what a replay found (or why it failed) in the index. */
  private land(source: LogSource, msg: Exclude<IngestResponse, { type: 'progress' }>): void {
    const key = source.key;
    const before = this.index.get(key);
    if (msg.type === 'done') {
      this.index.recordSummary(source, { ...msg.summary, error: msg.summary.error === undefined ? undefined : this.publicError(msg.summary.error) });
      this.retries.delete(key);
      if (before?.dbFile && before.dbFile !== msg.summary.dbFile) {
        this.emit('dbReplaced', before.dbFile);
        this.deleteDbFile(before.dbFile);
      }
      this.emitChange({ key, appId: msg.summary.appId ?? null, kind: 'updated' });
    } else if (msg.transient) {
      // The disk or the process failed, not the log: keep what is served and try again later.
      this.scheduleRetry(key);
      this.emitChange({ key, appId: before?.appId ?? null, kind: 'failed' });
    } else {
      this.index.recordFailure(source, this.publicError(msg.message));
      this.retries.delete(key);
      this.emitChange({ key, appId: before?.appId ?? null, kind: 'failed' });
    }
  }

  private onWorkerCrash(slot: WorkerSlot, err: Error): void {
    // A crashed worker must not take the server down: record the failure and start a new worker.
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) {
      try {
        this.index.recordFailure(busy.source, this.publicError(`replay crashed: ${err.message}`));
      } catch {
        this.scheduleRetry(busy.source.key);
      }
      this.resolveWaiters(busy.source.key);
    }
    // The next replay of this slot starts a new worker.
    slot.worker = undefined;
    this.dispatch();
  }

  /** The slot's worker thread, started on first use (a thread and its modules cost a restart's first answer). */
  private workerOf(slot: WorkerSlot): Worker {
    if (!slot.worker) {
      const worker = new Worker(this.workerUrl);
      worker.on('message', (msg: IngestResponse) => {
        if (slot.worker === worker) this.onWorkerMessage(slot, msg);
      });
      worker.on('error', (err) => {
        if (slot.worker === worker) this.onWorkerCrash(slot, err);
      });
      worker.unref();
      slot.worker = worker;
    }
    return slot.worker;
  }

  private emitChange(change: LogChange): void {
    this.emit('change', change);
  }

  private resolveWaiters(key: string): void {
    const list = this.waiters.get(key);
    this.waiters.delete(key);
    for (const resolve of list ?? []) resolve();
  }

  /** Resolves once the log has a replayed store (or failed); moves it to the front of the queue meanwhile. */
  async whenReplayed(key: string, timeoutMs: number): Promise<LogRow | undefined> {
    const row = this.index.get(key);
    if (!row) return undefined;
    if (row.state !== 'pending' || (row.dbFile && !this.isBusyOrQueued(key))) return row;
    this.enqueue(key, true);
    this.dispatch();
    await new Promise<void>((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
      setTimeout(resolve, timeoutMs).unref();
    });
    return this.index.get(key);
  }

  private isBusyOrQueued(key: string): boolean {
    return this.queued.has(key) || this.slots.some((s) => s.busy?.source.key === key);
  }

  /** Failures of the disk or the process are retried with a growing delay (1 s … 1 min), not every scan. */
  private scheduleRetry(key: string): void {
    const delayMs = Math.min(60_000, (this.retries.get(key)?.delayMs ?? 500) * 2);
    this.retries.set(key, { at: Date.now() + delayMs, delayMs });
  }

  private retryDue(key: string): boolean {
    const r = this.retries.get(key);
    return r === undefined || Date.now() >= r.at;
  }

  /**
   * A reader found a store it cannot use: `damaged` (deleted, corrupt) is dropped and rebuilt, and the app is
   * pending meanwhile; `stale` (the log changed under its line references) is replayed again while the old
   * store keeps serving.
   */
  storeProblem(dbFile: string, problem: 'damaged' | 'stale'): void {
    const row = this.index.byDbFile(dbFile);
    if (!row) return;
    if (problem === 'damaged') {
      try {
        this.index.markStoreLost(row.key);
      } catch {
        // Index not writable (full disk): the rebuild below replaces the store all the same.
      }
      this.deleteDbFile(dbFile);
      for (const s of this.slots) s.worker?.postMessage({ type: 'forget', key: row.key } satisfies IngestRequest);
    } else {
      const state = `${row.key}\0${row.size}\0${row.mtime}`;
      if (this.staleRebuilt.has(state)) return;
      this.staleRebuilt.add(state);
    }
    this.forceFresh.add(row.key);
    this.retries.delete(row.key);
    this.emitChange({ key: row.key, appId: row.appId, kind: 'updated' });
    this.enqueue(row.key, true);
    this.dispatch();
  }

  /** At start: stores deleted behind the server's back are rebuilt instead of answering errors forever. */
  private dropMissingStores(rows: Map<string, ScanState>): void {
    for (const row of rows.values()) {
      if (row.dbFile && !fs.existsSync(row.dbFile)) {
        this.index.markStoreLost(row.key);
        rows.set(row.key, { ...row, state: 'pending', dbFile: null, parsedSize: -1 });
        this.emitChange({ key: row.key, appId: row.appId, kind: 'updated' });
      }
    }
  }

  /** Error texts are shown to users: no server paths (roots and the data dir are cut off). */
  private publicError(message: string): string {
    let out = message;
    for (const dir of [...this.config.eventLogRoots, this.config.dataDir]) out = out.split(dir + path.sep).join('').split(dir).join('');
    return out;
  }

  /** Stores no index row points at: replays interrupted by a crash or a stop. */
  private removeOrphanStores(): void {
    const live = new Set(this.index.all().map((r) => r.dbFile).filter((f): f is string => f !== null));
    for (const name of fs.readdirSync(this.appsDir())) {
      const base = name.replace(/-(wal|shm)$/, '');
      if (!live.has(path.join(this.appsDir(), base))) fs.rmSync(path.join(this.appsDir(), name), { force: true });
    }
  }

  private deleteDbFile(file: string | null): void {
    if (!file) return;
    // Readers may still hold the file open; unlinking is safe on POSIX and frees space once they close.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}
