import { z } from 'zod';
import { Long } from './scalars.js';

/**
 * `executors/{id}/threads` answer. Live UI only: a History Server answers 503, so this schema exists to
 * document the endpoint completely rather than for our own server.
 */
export const ThreadStackTrace = z.looseObject({
  threadId: Long,
  threadName: z.string(),
  threadState: z.string(),
  stackTrace: z.looseObject({ elems: z.array(z.string()) }),
  blockedByThreadId: Long.optional(),
  blockedByLock: z.string(),
  holdingLocks: z.array(z.string()),
});
export type ThreadStackTrace = z.infer<typeof ThreadStackTrace>;
