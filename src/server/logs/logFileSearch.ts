import fs from 'node:fs';
import type { LogSearchMatch } from '../../api/console/logSearch.js';
import { LogReadError, readFailure, type LogicalLog } from './logicalLog.js';
import type { CompiledPattern } from './searchPattern.js';

/*
 * Whole-file search of one log (all its rolled pieces, gzip ones inflated on the way), streamed: read once,
 * in 4 MiB pieces cut at line ends, as long as it was when the log was resolved (a growing log is searched
 * up to that length). Matches are counted (up to
 * MAX_COUNTED) and only the page asked for is kept: `limit` matches from a byte offset forward, or the
 * `limit` before it (backward). The page's lines are then read back with small reads around each offset.
 * Memory stays flat whatever the size: one piece, one carried partial line (at most MAX_LINE_BYTES; a longer
 * line is searched in MAX_LINE_BYTES slices) and the page.
 */

const PIECE_BYTES = 4 * 1024 * 1024;
export const MAX_LINE_BYTES = 1024 * 1024;
/** Counting stops here; `totalExact` is then false. */
export const MAX_COUNTED = 1_000_000;
/** Characters of a match's line returned around it. */
const PREVIEW_CHARS = 400;
const LINE_LOOKBACK_BYTES = 16 * 1024;

export interface SearchPage {
  /** First byte of the page: forward answers matches at or after it, backward the ones before it. */
  readonly from: number;
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
}

export interface FileSearchResult {
  /** Length of the file when the search began (what was searched). */
  size: number;
  total: number;
  totalExact: boolean;
  /** Rank (0-based) of the page's first match among all matches; null when counting stopped before it. */
  firstIndex: number | null;
  matches: LogSearchMatch[];
}

interface Hit {
  offset: number;
  length: number;
  index: number | null;
}

/** Searches one log; `signal` stops the scan when the client goes away. */
export async function searchLogFile(log: LogicalLog, pattern: CompiledPattern, page: SearchPage, signal?: AbortSignal): Promise<FileSearchResult> {
  const size = log.size;
  const from = Math.min(Math.max(0, page.from), size);
  const hits: Hit[] = [];
  let total = 0;
  let capped = false;
  let finished = false;

  const onMatch = (offset: number, length: number): boolean => {
    const index = capped ? null : total;
    if (!capped && ++total >= MAX_COUNTED) capped = true;
    if (page.direction === 'forward') {
      if (offset >= from && hits.length < page.limit) hits.push({ offset, length, index });
      // Once counting has stopped, the scan is over when the page is full.
      if (capped && hits.length >= page.limit) finished = true;
    } else if (offset < from) {
      hits.push({ offset, length, index });
      if (hits.length > page.limit) hits.shift();
    } else if (capped) {
      finished = true;
    }
    return finished;
  };

  await scanPieces(log, signal, (piece, base) => scanPiece(piece, base, pattern, onMatch));
  const matches: LogSearchMatch[] = [];
  for (const h of hits) matches.push(await describeHit(log, h));
  const firstIndex = hits.length > 0 ? hits[0]!.index : page.direction === 'backward' ? 0 : capped ? null : total;
  return { size, total, totalExact: !capped, firstIndex, matches };
}

/**
 * Reads the log in pieces that end at a line end (or where a partial line would exceed MAX_LINE_BYTES) and
 * hands each to `visit`, which answers true to stop early.
 */
async function scanPieces(log: LogicalLog, signal: AbortSignal | undefined, visit: (piece: Buffer, base: number) => boolean): Promise<void> {
  const capacity = PIECE_BYTES + MAX_LINE_BYTES;
  const buf = Buffer.allocUnsafe(capacity);
  let filled = 0; // bytes in buf; buf[0] is at log offset `base`
  let base = 0;
  const flush = (atEnd: boolean): boolean => {
    let cut = atEnd ? filled : buf.lastIndexOf(0x0a, filled - 1) + 1;
    // A partial line longer than MAX_LINE_BYTES is searched as it is rather than carried on.
    if (filled - cut > MAX_LINE_BYTES) cut = filled;
    if (cut > 0 && visit(buf.subarray(0, cut), base)) return true;
    if (cut < filled) buf.copy(buf, 0, cut, filled);
    filled -= cut;
    base += cut;
    return false;
  };
  const checkAborted = () => {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('search aborted');
  };
  let pieceStart = 0;
  for (const piece of log.pieces) {
    if (piece.damaged) throw new LogReadError(`the compressed log file ${piece.name} is damaged or truncated`);
    if (!piece.gz) {
      // Plain files are read straight into the search buffer: no stream, no extra copy.
      const fd = await fs.promises.open(piece.path, 'r').catch((err: unknown) => {
        throw readFailure(piece, err);
      });
      try {
        for (let at = 0; at < piece.size; ) {
          checkAborted();
          const want = Math.min(capacity - filled, piece.size - at);
          const { bytesRead } = await fd.read(buf, filled, want, at).catch((err: unknown) => {
            throw readFailure(piece, err);
          });
          if (bytesRead === 0) throw new LogReadError(`the log file ${piece.name} shrank while it was read`);
          filled += bytesRead;
          at += bytesRead;
          if (filled >= PIECE_BYTES && flush(false)) return;
        }
      } finally {
        await fd.close();
      }
    } else {
      const chunks = log.chunks(pieceStart, pieceStart + piece.size, 1024 * 1024);
      try {
        for await (const chunk of chunks) {
          checkAborted();
          for (let at = 0; at < chunk.length; ) {
            const n = Math.min(chunk.length - at, capacity - filled);
            chunk.copy(buf, filled, at, at + n);
            filled += n;
            at += n;
            if (filled >= PIECE_BYTES && flush(false)) return;
          }
        }
      } finally {
        await chunks.return(undefined);
      }
    }
    pieceStart += piece.size;
  }
  if (filled > 0) flush(true);
}

/** Reports every match in one piece; stops when `onMatch` answers true. Returns whether it stopped. */
function scanPiece(piece: Buffer, base: number, pattern: CompiledPattern, onMatch: (offset: number, length: number) => boolean): boolean {
  const { literal, regex, ascii } = pattern;
  if (literal !== undefined) {
    const { bytes, ignoreCase, windowAt, windowSpellings } = literal;
    const starts: number[] = [];
    for (const w of windowSpellings) for (let at = piece.indexOf(w); at >= 0; at = piece.indexOf(w, at + 1)) starts.push(at - windowAt);
    if (windowSpellings.length > 1) starts.sort((a, b) => a - b);
    let next = 0; // matches do not overlap, as with indexOf
    for (const start of starts) {
      if (start < next || start + bytes.length > piece.length) continue;
      if (ignoreCase ? !equalsIgnoringCase(piece, start, bytes) : piece.compare(bytes, 0, bytes.length, start, start + bytes.length) !== 0) continue;
      next = start + bytes.length;
      if (onMatch(base + start, bytes.length)) return true;
    }
    return false;
  }
  // latin1 keeps one character per byte, so an ASCII pattern's indexes are byte offsets.
  const text = piece.toString(ascii ? 'latin1' : 'utf8');
  regex.lastIndex = 0;
  let charsSeen = 0;
  let bytesSeen = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    let offset: number;
    let length: number;
    if (ascii) {
      offset = m.index;
      length = m[0].length;
    } else {
      bytesSeen += Buffer.byteLength(text.slice(charsSeen, m.index));
      charsSeen = m.index;
      offset = bytesSeen;
      length = Buffer.byteLength(m[0]);
    }
    if (onMatch(base + offset, length)) return true;
  }
  return false;
}

/** The line around a match: its start (when within LINE_LOOKBACK_BYTES) and up to PREVIEW_CHARS of text. */
async function describeHit(log: LogicalLog, hit: Hit): Promise<LogSearchMatch> {
  const start = Math.max(0, hit.offset - LINE_LOOKBACK_BYTES);
  const end = Math.min(log.size, hit.offset + hit.length + LINE_LOOKBACK_BYTES);
  const bytes = await log.read(start, end - start);
  const at = hit.offset - start;
  const nl = at === 0 ? -1 : bytes.lastIndexOf(0x0a, at - 1);
  const lineStart = nl >= 0 ? nl + 1 : start === 0 ? 0 : skipContinuationBytes(bytes, 0);
  let lineEnd = bytes.indexOf(0x0a, at + hit.length);
  if (lineEnd < 0) lineEnd = bytes.length;
  if (lineEnd > lineStart && bytes[lineEnd - 1] === 0x0d) lineEnd--;
  const before = bytes.toString('utf8', lineStart, at);
  const matched = bytes.toString('utf8', at, at + hit.length);
  const after = bytes.toString('utf8', Math.min(at + hit.length, lineEnd), lineEnd);
  // A window of the line that holds the match.
  const room = Math.max(0, PREVIEW_CHARS - matched.length);
  const lead = Math.min(before.length, Math.max(Math.floor(room / 3), room - after.length));
  const preview = before.slice(before.length - lead) + matched + after.slice(0, room - lead);
  return {
    offset: hit.offset,
    length: hit.length,
    lineOffset: start + lineStart,
    ...(hit.index === null ? {} : { index: hit.index }),
    preview,
    previewStart: lead,
    previewEnd: lead + matched.length,
  };
}

/** piece[at, at + lower.length) equals `lower` with ASCII letters in any case. */
function equalsIgnoringCase(piece: Buffer, at: number, lower: Buffer): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = piece[at + i]!;
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower[i]) return false;
  }
  return true;
}

function skipContinuationBytes(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length && (bytes[i]! & 0xc0) === 0x80) i++;
  return i;
}
