import type { LogPiece } from './logicalLog.js';
import type { FileSearchResult, SearchPage } from './logFileSearch.js';
import type { SearchSpec } from './searchPattern.js';

/** What the request thread sends a regex search worker: the log as resolved (its pieces) and the search. */
export interface RegexSearchRequest {
  readonly pieces: readonly LogPiece[];
  readonly spec: SearchSpec;
  readonly page: SearchPage;
}

/** The worker's one answer: the result, or the error's HTTP status (when it is an ApiError) and message. */
export type RegexSearchReply = { result: FileSearchResult } | { error: { status: number | undefined; message: string } };
