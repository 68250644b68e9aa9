import { z } from 'zod';

/*
 * `GET /api/console/apps/{appId}/changes` is a server-sent-events stream that tells an open application
 * page when new events of a running (or re-scanned) application have been folded into the store, so the UI
 * invalidates just the affected queries instead of polling every endpoint.
 *
 * Protocol (text/event-stream):
 * - one `event: change` message per store commit that touched the application, with `id: <revision>` and
 *   `data: <AppChangeEvent as JSON>` on one line;
 * - a `: ping` comment line every APP_CHANGES_HEARTBEAT_MS, so proxies keep the connection open;
 * - on reconnect the browser sends `Last-Event-ID`; the server may then send one change with every scope
 *   if it cannot tell what was missed;
 * - `event: complete` (same data shape) when the application has ended; the server then closes the stream.
 */

export const APP_CHANGE_EVENT = 'change';
export const APP_COMPLETE_EVENT = 'complete';
export const APP_CHANGES_HEARTBEAT_MS = 15_000;

/** Which resources changed; each maps onto query keys (see queryKeys.ts). */
export const APP_CHANGE_SCOPES = ['app', 'jobs', 'stages', 'tasks', 'executors', 'storage', 'environment', 'sql'] as const;
export const AppChangeScope = z.enum(APP_CHANGE_SCOPES);
export type AppChangeScope = z.infer<typeof AppChangeScope>;

export const AppChangeEvent = z.looseObject({
  appId: z.string(),
  /** The attempt that changed; absent for applications without attempt ids. */
  attemptId: z.string().optional(),
  /** Increases with every commit for this application; also the SSE `id`. */
  revision: z.int(),
  /** Epoch ms of the commit. */
  at: z.int(),
  scopes: z.array(AppChangeScope),
});
export type AppChangeEvent = z.infer<typeof AppChangeEvent>;
