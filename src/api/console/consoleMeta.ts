import { z } from 'zod';

/** Distinct values the listing filters offer (`GET /api/console/facets`). */
export const AppFacets = z.looseObject({
  users: z.array(z.string()),
  versions: z.array(z.string()),
  projects: z.array(z.string()),
});
export type AppFacets = z.infer<typeof AppFacets>;

/** Ingest health (`GET /api/console/status`): what is still being replayed and what could not be read. */
export const ConsoleStatus = z.looseObject({
  pendingReplays: z.int(),
  /** Epoch ms of the last finished scan of the log roots (0 before the first). */
  lastScanAt: z.int(),
  applications: z.int(),
  unreadableLogs: z.array(z.looseObject({ key: z.string(), project: z.string().nullable(), error: z.string() })),
  /** Event-log lines the replays skipped (malformed, over the length bound, unknown events), over the caller's logs. */
  skippedLines: z.int(),
  /**
   * Event-log roots (by folder name) and folders under them that the last scan could not read. Their logs
   * stay listed: a log is gone only when a readable folder no longer holds it.
   */
  rootErrors: z.array(z.looseObject({ root: z.string(), path: z.string(), error: z.string() })).optional(),
  /** Why the last scan of the roots failed (the index could not be written: full disk), when it did. */
  lastScanError: z.string().optional(),
  /** Replays that failed for a reason of the machine (full disk, no descriptors) and are retried with backoff. */
  retryingReplays: z.int().optional(),
  /** Per-application stores open right now, and how many may be (an LRU below the descriptor limit). */
  openStores: z.int().optional(),
  maxOpenStores: z.int().optional(),
  /** File descriptors the server holds open (its limit is the process's `ulimit -n`), where the platform tells. */
  openDescriptors: z.int().optional(),
})
export type ConsoleStatus = z.infer<typeof ConsoleStatus>;
