import { z } from 'zod';
import { booleanParam, enumParam, intParam, requiredTextParam } from '../query/paramKinds.js';
import { defineQuery, type QueryError, type QueryInputOf, type QueryOf, type RawQuery } from '../query/queryDefinition.js';

/*
 * Whole-file search of one driver/executor log (`…/logs/{executorId}/{logType}/search`): plain text or a
 * regular expression, counted over the whole file on the server, answered one page of matches at a time
 * from a byte offset forward or backward, each match with its byte offset so the viewer can jump there.
 */

export const LOG_SEARCH_LIMIT_DEFAULT = 50;
export const LOG_SEARCH_LIMIT_MAX = 500;
/** Longest search text, in characters. */
export const LOG_SEARCH_TEXT_MAX = 256;

export const logSearchQuery = defineQuery({
  q: requiredTextParam({ maxLength: LOG_SEARCH_TEXT_MAX, description: 'The text to find, within one line.' }),
  regex: booleanParam(false, 'Read `q` as a JavaScript regular expression. Patterns that can take exponential time are refused (400); a regex search still running after 10 s is stopped (422); beyond 4 regex searches at once the answer is 429.'),
  matchCase: booleanParam(false, 'Match upper and lower case exactly.'),
  from: intParam({ default: 0, min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Byte offset the page starts from (beyond the end means the end).' }),
  direction: enumParam(['forward', 'backward'] as const, { default: 'forward', description: '`forward`: matches at or after `from`; `backward`: the matches just before `from`.' }),
  limit: intParam({ default: LOG_SEARCH_LIMIT_DEFAULT, min: 1, max: LOG_SEARCH_LIMIT_MAX, description: 'Matches returned in this page.' }),
});
export type LogSearchQuery = QueryOf<typeof logSearchQuery>;
export type LogSearchQueryInput = QueryInputOf<typeof logSearchQuery>;
export const parseLogSearchQuery = (raw: RawQuery): LogSearchQuery | QueryError => logSearchQuery.parse(raw);

export const LogSearchMatch = z.looseObject({
  /** Byte offset of the match in the file. */
  offset: z.int(),
  /** Length of the match in bytes. */
  length: z.int(),
  /** Byte offset of the line holding the match. */
  lineOffset: z.int(),
  /** Rank among all matches (0-based); absent beyond the counting limit. */
  index: z.int().optional(),
  /** Up to 400 characters of the line around the match; the match is preview[previewStart, previewEnd). */
  preview: z.string(),
  previewStart: z.int(),
  previewEnd: z.int(),
});
export type LogSearchMatch = z.infer<typeof LogSearchMatch>;

export const LogSearchResult = z.looseObject({
  /** Length of the file when the search began: what was searched. */
  size: z.int(),
  /** Matches in the whole file (a lower bound when `totalExact` is false). */
  total: z.int(),
  totalExact: z.boolean(),
  /** Rank of the page's first match (or of where it would be); null beyond the counting limit. */
  firstIndex: z.int().nullable(),
  /** In file order. */
  matches: z.array(LogSearchMatch),
});
export type LogSearchResult = z.infer<typeof LogSearchResult>;

/*
 * Search across every log of an application (`…/apps/{appId}/logs-search`): one server-sent event per file as
 * it is searched (its count and first matches), then a summary. Files are searched one after another, so the
 * answer streams in and the server's work is one file at a time.
 */

export const APP_LOG_SEARCH_FILE_EVENT = 'file';
export const APP_LOG_SEARCH_DONE_EVENT = 'done';
export const APP_LOG_SEARCH_PER_FILE_MAX = 20;

export const appLogSearchQuery = defineQuery({
  q: logSearchQuery.params.q,
  regex: logSearchQuery.params.regex,
  matchCase: logSearchQuery.params.matchCase,
  perFile: intParam({ default: 3, min: 1, max: APP_LOG_SEARCH_PER_FILE_MAX, description: 'First matches returned per file.' }),
});
export type AppLogSearchQuery = QueryOf<typeof appLogSearchQuery>;
export type AppLogSearchQueryInput = QueryInputOf<typeof appLogSearchQuery>;

/** `event: file`: one log searched. */
export const AppLogSearchFile = z.looseObject({
  executorId: z.string(),
  logType: z.enum(['stdout', 'stderr', 'driver.log']),
  size: z.int(),
  total: z.int(),
  totalExact: z.boolean(),
  /** The first matches, in file order. */
  matches: z.array(LogSearchMatch),
  /** Why this file could not be searched (the others still are). */
  error: z.string().optional(),
});
export type AppLogSearchFile = z.infer<typeof AppLogSearchFile>;

/** `event: done`: every log searched. */
export const AppLogSearchDone = z.looseObject({
  files: z.int(),
  filesWithMatches: z.int(),
  totalMatches: z.int(),
});
export type AppLogSearchDone = z.infer<typeof AppLogSearchDone>;
