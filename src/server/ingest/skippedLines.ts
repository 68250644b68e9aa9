import type { ReplayStats } from './ingestProtocol.js';

/**
 * Event-log lines a replay skipped: malformed JSON, lines over the length bound, and events Spark's listener
 * does not know. One definition for the listing's per-application figure and the server's total.
 */
export function skippedLinesOf(stats: ReplayStats | null | undefined): number {
  return stats ? stats.malformedLines + stats.oversizedLines + stats.unknownEvents : 0;
}
