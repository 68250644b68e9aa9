import { Worker } from 'node:worker_threads';
import { ApiError } from '../api/apiError.js';
import { LogReadError, type LogicalLog } from './logicalLog.js';
import { searchLogFile, type FileSearchResult, type SearchPage } from './logFileSearch.js';
import type { RegexSearchReply, RegexSearchRequest } from './regexSearchProtocol.js';
import type { CompiledPattern, SearchSpec } from './searchPattern.js';

/*
 * Log searches with a time budget. A plain-text search is a linear native scan and runs here. A regular
 * expression passes a static check (searchPattern.ts), but a polynomial one (`\w*\w*\w*!` on a long line)
 * can still run for hours, and a running regex cannot be interrupted on its own thread: it runs in a worker
 * thread of its own, which is terminated when the request's budget is spent or the client goes away. The
 * request thread never runs the regex, so other requests are served meanwhile.
 */

export const SEARCH_BUDGET_MS = 10_000;
/** Regex searches running at once (each a thread that may use a core for its whole budget); more wait for a retry. */
export const MAX_REGEX_SEARCHES = 4;

/** The search ran past its budget and was stopped: 422 with a message saying so. */
export class SearchBudgetError extends ApiError {
  constructor(budgetMs: number) {
    super(422, `the regular expression search was stopped after ${budgetMs / 1000} s (the search time budget); simplify the regular expression or search plain text`);
  }
}

export class LogSearcher {
  constructor(
    /** The worker entry (built next to this module; tests pass a loader). */
    private readonly workerUrl: URL = new URL('./regexSearchWorker.js', import.meta.url),
    readonly budgetMs: number = SEARCH_BUDGET_MS,
  ) {}

  private running = 0;

  /** When a search started now must stop. */
  deadline(): number {
    return Date.now() + this.budgetMs;
  }

  /**
   * Searches one log; a regex search stops with SearchBudgetError at `deadline` (several files of one
   * request share one deadline).
   */
  async search(log: LogicalLog, spec: SearchSpec, pattern: CompiledPattern, page: SearchPage, signal: AbortSignal, deadline = this.deadline()): Promise<FileSearchResult> {
    if (pattern.literal !== undefined) return searchLogFile(log, pattern, page, signal);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new SearchBudgetError(this.budgetMs);
    if (this.running >= MAX_REGEX_SEARCHES) {
      throw new ApiError(429, `${MAX_REGEX_SEARCHES} regular expression searches are already running; retry in a few seconds`, { 'Retry-After': '5' });
    }
    this.running++;
    const worker = new Worker(this.workerUrl);
    try {
      return await new Promise<FileSearchResult>((resolve, reject) => {
        const settle = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
        };
        const timer = setTimeout(() => {
          settle();
          reject(new SearchBudgetError(this.budgetMs));
        }, remaining);
        const onAbort = () => {
          settle();
          reject(signal.reason instanceof Error ? signal.reason : new Error('search aborted'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        worker.once('message', (reply: RegexSearchReply) => {
          settle();
          if ('result' in reply) resolve(reply.result);
          else reject(reply.error.status === 422 ? new LogReadError(reply.error.message) : new Error(reply.error.message));
        });
        worker.once('error', (err) => {
          settle();
          reject(err);
        });
        worker.once('exit', () => {
          settle();
          reject(new Error('the search worker stopped'));
        });
        const request: RegexSearchRequest = { pieces: log.pieces, spec, page };
        worker.postMessage(request);
      });
    } finally {
      // Stops a regex still running (budget spent, client gone); a finished worker just exits.
      this.running--;
      void worker.terminate();
    }
  }
}
