import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppReplay } from './appReplay.js';
import type { IngestRequest, IngestResponse } from './ingestProtocol.js';
import { isTransientError } from './transientError.js';

/**
 * Worker-thread entry: replays logs off the request path. Replays of logs that may still grow are kept in
 * memory (per log key), so growth is folded incrementally.
 */
const replays = new Map<string, AppReplay>();
const IDLE_EVICT_MS = 10 * 60_000;
/** Kept replays hold an open store each: bound them (the least recently used is closed and replays afresh). */
const MAX_KEPT_REPLAYS = 16;

/**
 * Replays run at a lower CPU priority than requests. On Linux, setPriority(0, …) renices the calling thread
 * only, so the request thread keeps its own; elsewhere it would renice the whole server, so it is left alone.
 * A refusal is ignored: a replay at normal priority is still correct.
 */
const REPLAY_NICE = 10;
if (process.platform === 'linux') {
  try {
    os.setPriority(0, REPLAY_NICE);
  } catch {
    // not permitted here: replays share the request thread's priority
  }
}

function post(msg: IngestResponse): void {
  parentPort!.postMessage(msg);
}

async function handle(req: IngestRequest): Promise<void> {
  if (req.type === 'forget') {
    replays.get(req.key)?.close();
    replays.delete(req.key);
    return;
  }
  const { source, id } = req;
  let replay: AppReplay | undefined;
  try {
    replay = replays.get(source.key);
    if (req.fresh || !replay || replay.dbFile !== req.dbFile) {
      replay?.close();
      replays.delete(source.key);
      replay = undefined;
      // Creating the store may fail (full disk, no descriptors): that is answered like any failed replay.
      replay = new AppReplay(source, req.newDbFile, req.retention, req.maxLineBytes);
    }
    const summary = await replay.run(source, (bytes) => post({ type: 'progress', id, key: source.key, bytes }));
    replays.delete(source.key);
    if ((source.inProgress || !summary.completed) && summary.error === undefined) replays.set(source.key, replay);
    else replay.close();
    post({ type: 'done', id, summary });
  } catch (err) {
    replays.delete(source.key);
    try {
      replay?.close();
    } catch {
      // already broken
    }
    if (replay ? replay.dbFile !== req.dbFile : true) removeDbFile(req.newDbFile);
    post({ type: 'failed', id, key: source.key, message: (err as Error)?.message ?? String(err), transient: isTransientError(err) });
  }
  evictIdle();
}

function removeDbFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // best effort: an orphan is removed at the next start
    }
  }
}

function evictIdle(): void {
  const now = Date.now();
  for (const [key, r] of replays) {
    // Map order is insertion order, and a finished run re-inserts its replay: the first is the least recent.
    if (now - r.lastUsed > IDLE_EVICT_MS || replays.size > MAX_KEPT_REPLAYS) {
      r.close();
      replays.delete(key);
    }
  }
}

// One request at a time: a replay is CPU-bound, and ordering keeps a log's increments consistent.
let queue = Promise.resolve();
parentPort!.on('message', (req: IngestRequest) => {
  queue = queue.then(() => handle(req)).catch(() => undefined);
});
