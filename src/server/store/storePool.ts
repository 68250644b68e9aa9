import fs from 'node:fs';

/** Something that holds open file descriptors and can give them back (and reopen later). */
export interface PooledStore {
  release(): void;
}

/**
 * Bounds the per-application stores open at once (each holds 3 descriptors and up to 32 MB of page cache):
 * least recently used first out. An evicted store only closes its database; it reopens on its next use.
 */
export class StorePool {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly open = new Set<PooledStore>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.open.size;
  }

  /** Marks `store` as just used (and open), closing the least recently used ones beyond the limit. */
  touch(store: PooledStore): void {
    if (this.open.delete(store)) {
      this.open.add(store);
      return;
    }
    this.open.add(store);
    this.trim(this.limit, store);
  }

  /** Called by a store that closed itself. */
  released(store: PooledStore): void {
    this.open.delete(store);
  }

  /** Closes stores until at most `keep` are open (EMFILE: give descriptors back before retrying). */
  trim(keep: number, except?: PooledStore): void {
    for (const s of [...this.open]) {
      if (this.open.size <= keep) break;
      if (s !== except) s.release();
    }
  }
}

/** The soft limit on open files (Linux /proc), or 1024 where it cannot be read. */
export function openFileLimit(): number {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
    if (m) return m[1] === 'unlimited' ? 1 << 20 : Number(m[1]);
  } catch {
    // not Linux
  }
  return 1024;
}

/**
 * How many stores may be open: a small share of the descriptor limit (3 per store, the rest is left to
 * sockets, log files and replays), at most 64 (page caches).
 */
export function defaultStoreLimit(fileLimit = openFileLimit()): number {
  return Math.max(4, Math.min(64, Math.floor(fileLimit / 16)));
}
