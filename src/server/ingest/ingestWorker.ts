import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { AppReplay } from './appReplay.js';
import type { IngestRequest, IngestResponse } from './ingestProtocol.js';

/**
 * Worker-thread entry: replays logs off the request path. Replays of logs that may still grow are kept in
 * memory (per log key), so growth is folded incrementally.
 */
const replays = new Map<string, AppReplay>();
const IDLE_EVICT_MS = 10 * 60_000;

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
  let replay = replays.get(source.key);
  if (req.fresh || !replay || replay.dbFile !== req.dbFile) {
    replay?.close();
    replays.delete(source.key);
    replay = new AppReplay(source, req.newDbFile, req.retention, req.maxLineBytes);
  }
  try {
    const summary = await replay.run(source, (bytes) => post({ type: 'progress', id, key: source.key, bytes }));
    if ((source.inProgress || !summary.completed) && summary.error === undefined) replays.set(source.key, replay);
    else {
      replay.close();
      replays.delete(source.key);
    }
    post({ type: 'done', id, summary });
  } catch (err) {
    replay.close();
    replays.delete(source.key);
    if (replay.dbFile !== req.dbFile) removeDbFile(replay.dbFile);
    post({ type: 'failed', id, key: source.key, message: (err as Error).message });
  }
  evictIdle();
}

function removeDbFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

function evictIdle(): void {
  const now = Date.now();
  for (const [key, r] of replays) {
    if (now - r.lastUsed > IDLE_EVICT_MS) {
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
