import { z } from 'zod';

/*
 * The console's own application listing (`GET /api/console/apps`). Unlike Spark's `applications`, it is
 * paged and filtered on the server (10 000+ logs), carries MaxCompute project and ingest health, and uses
 * epoch milliseconds rather than Spark's date strings, since the UI only computes with them.
 */

export const APP_LIST_STATUSES = ['running', 'succeeded', 'failed', 'unknown'] as const;
/**
 * `failed` means the attempt ended with a failed job or an abnormal end, or was superseded by a newer attempt
 * without an end event; `running` means the newest attempt has no end event yet in a log that may still grow;
 * `unknown` means the newest attempt's log is final (not `.inprogress`, or a rolling log's `appstatus` marker
 * is final) but has no end event: the driver died (or the log is not replayed yet), so how it ended is not
 * known. Spark's `/api/v1` lists such an attempt as incomplete; the console does not call it running.
 */
export const AppListStatus = z.enum(APP_LIST_STATUSES);
export type AppListStatus = z.infer<typeof AppListStatus>;

/** One row of the listing: one attempt of an application (Spark's history page lists every attempt). */
export const AppListItem = z.looseObject({
  /** Spark application id. */
  id: z.string(),
  /** This attempt's id; absent for applications without attempt ids. */
  attemptId: z.string().optional(),
  name: z.string(),
  sparkUser: z.string(),
  sparkVersion: z.string(),
  status: AppListStatus,
  /** Epoch ms. */
  startTime: z.int(),
  /** Epoch ms; null while running; for `unknown`, the log's last event time (its file time until replayed). */
  endTime: z.int().nullable(),
  /** Milliseconds; for a running application, up to the time of the listing. */
  duration: z.int(),
  /** Epoch ms: Spark's `lastUpdated` (the log's modification time; for a running attempt, the last scan that saw it). */
  lastUpdated: z.int(),
  /** Number of attempts of the application (the same on each of its rows). */
  attempts: z.int(),
  /** MaxCompute project the log was found under. */
  project: z.string(),
  /** Event-log path relative to its configured root (never an absolute server path). */
  logPath: z.string(),
  /** Lines skipped while reading the log: malformed, over the length bound, or unknown events. */
  skippedLines: z.int(),
  /** Why the log could not be read (the application is still listed). */
  error: z.string().optional(),
});
export type AppListItem = z.infer<typeof AppListItem>;

export const AppListPage = z.looseObject({
  /** Matching applications before paging. */
  total: z.int(),
  items: z.array(AppListItem),
});
export type AppListPage = z.infer<typeof AppListPage>;
