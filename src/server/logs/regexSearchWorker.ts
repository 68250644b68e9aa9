import { parentPort } from 'node:worker_threads';
import { LogicalLog } from './logicalLog.js';
import { searchLogFile } from './logFileSearch.js';
import type { RegexSearchReply, RegexSearchRequest } from './regexSearchProtocol.js';
import { compilePattern } from './searchPattern.js';

/**
 * Worker-thread entry of a regular-expression search (one search per thread): a backtracking regex cannot be
 * interrupted on the thread running it, but the thread can be terminated, so the request thread stays free
 * and can stop the search when its budget is spent (boundedSearch.ts).
 */
parentPort!.once('message', (req: RegexSearchRequest) => {
  const post = (reply: RegexSearchReply) => parentPort!.postMessage(reply);
  searchLogFile(new LogicalLog(req.pieces), compilePattern(req.spec), req.page).then(
    (result) => post({ result }),
    (err: unknown) => post({ error: { status: (err as { status?: number }).status, message: err instanceof Error ? err.message : String(err) } }),
  );
});
