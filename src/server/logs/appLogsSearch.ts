import { APP_LOG_SEARCH_DONE_EVENT, APP_LOG_SEARCH_FILE_EVENT, type AppLogSearchDone, type AppLogSearchFile } from '../../api/console/logSearch.js';
import type { AppLog } from './appLogFiles.js';
import { ApiError } from '../api/apiError.js';
import { SearchBudgetError, type LogSearcher } from './boundedSearch.js';
import type { CompiledPattern, SearchSpec } from './searchPattern.js';

/**
 * Searches the logs one after another and writes a server-sent event per log as soon as it is done, then the
 * totals. A log that cannot be read reports its error and the search goes on; `signal` (the client went
 * away) stops it between and inside files. All files share one time budget: the file during which it runs
 * out reports that the search stopped, and the remaining files are not searched.
 */
export async function streamAppLogsSearch(
  logs: readonly AppLog[],
  searcher: LogSearcher,
  spec: SearchSpec,
  pattern: CompiledPattern,
  perFile: number,
  write: (chunk: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const done: AppLogSearchDone = { files: 0, filesWithMatches: 0, totalMatches: 0 };
  const deadline = searcher.deadline();
  let stopped = false;
  for (const { executorId, logType, log } of logs) {
    if (signal.aborted) return;
    if (stopped) break;
    let event: AppLogSearchFile;
    try {
      const r = await searcher.search(log, spec, pattern, { from: 0, direction: 'forward', limit: perFile }, signal, deadline);
      event = { executorId, logType, size: r.size, total: r.total, totalExact: r.totalExact, matches: r.matches };
    } catch (err) {
      if (signal.aborted) return;
      stopped = err instanceof SearchBudgetError;
      const error = stopped ? `${(err as Error).message}; the remaining logs were not searched` : err instanceof ApiError ? err.message : 'this log could not be read';
      event = { executorId, logType, size: log.size, total: 0, totalExact: false, matches: [], error };
    }
    done.files++;
    if (event.total > 0) done.filesWithMatches++;
    done.totalMatches += event.total;
    write(`event: ${APP_LOG_SEARCH_FILE_EVENT}\ndata: ${JSON.stringify(event)}\n\n`);
  }
  write(`event: ${APP_LOG_SEARCH_DONE_EVENT}\ndata: ${JSON.stringify(done)}\n\n`);
}
