import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ApiError } from '../api/apiError.js';

/*
 * One log as the reader sees it: the concatenation of its pieces in order. Spark's RollingFileAppender
 * (spark.executor.logs.rolling.*) moves the active `stdout` aside as `stdout--<date suffix>` (a `.gz` of it
 * when spark.executor.logs.rolling.enableCompression is on) and its log page reads the rolled pieces sorted
 * by name without `.gz`, then the active file. Offsets, Range requests and searches address that
 * concatenation, with gzip pieces counted at their uncompressed length.
 *
 * Every piece's length is taken when the log is resolved, so a log that keeps growing is read as it stood
 * then: never a body longer than announced.
 */

export interface LogPiece {
  /** Real path, already checked to lie inside its root. */
  readonly path: string;
  /** File name in its folder (zip entries, messages). */
  readonly name: string;
  readonly gz: boolean;
  /** Bytes this piece adds to the log (uncompressed for gzip). */
  readonly size: number;
  /** Bytes on disk. */
  readonly storedSize: number;
  readonly mtimeMs: number;
  /** A gzip piece whose trailer cannot be right (truncated or not gzip): it counts as empty and reading it fails. */
  readonly damaged?: true;
}

const GZIP_SUFFIX = '.gz';

/** A piece as it stands now; undefined when it is not a readable regular file. */
export function statPiece(realPath: string, name: string): LogPiece | undefined {
  const st = fs.statSync(realPath, { throwIfNoEntry: false });
  if (!st?.isFile()) return undefined;
  const gz = name.endsWith(GZIP_SUFFIX);
  const size = gz ? gzipLength(realPath, st.size) : st.size;
  const piece = { path: realPath, name, gz, size: size ?? 0, storedSize: st.size, mtimeMs: st.mtimeMs };
  return size === undefined ? { ...piece, damaged: true } : piece;
}

/** Deflate never expands data more than about 1032 to 1: a larger trailer length is not a real one. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Uncompressed length of a gzip file from its trailer (ISIZE: the length modulo 2^32, which Java's
 * GZIPOutputStream writes for its single member); undefined when the file cannot be a whole gzip file.
 */
function gzipLength(file: string, storedSize: number): number | undefined {
  if (storedSize < 18) return undefined;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    if (head[0] !== 0x1f || head[1] !== 0x8b) return undefined;
    const tail = Buffer.alloc(4);
    fs.readSync(fd, tail, 0, 4, storedSize - 4);
    const size = tail.readUInt32LE(0);
    return size > storedSize * MAX_DEFLATE_RATIO ? undefined : size;
  } finally {
    fs.closeSync(fd);
  }
}

/** Spark's order of a log's pieces: rolled ones by name without `.gz`, then the active file. */
export function orderPieces(activeName: string, names: readonly string[]): string[] {
  const rolled = names.filter((n) => n !== activeName && n.startsWith(`${activeName}--`));
  const key = (n: string) => (n.endsWith(GZIP_SUFFIX) ? n.slice(0, -GZIP_SUFFIX.length) : n);
  rolled.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return names.includes(activeName) ? [...rolled, activeName] : rolled;
}

export class LogicalLog {
  readonly size: number;
  readonly lastModified: number;

  constructor(readonly pieces: readonly LogPiece[]) {
    this.size = pieces.reduce((n, p) => n + p.size, 0);
    this.lastModified = Math.round(pieces.reduce((t, p) => Math.max(t, p.mtimeMs), 0));
  }

  /** Bytes [start, end) of the concatenation, streamed piece after piece. */
  stream(start: number, end: number, highWaterMark = 64 * 1024): Readable {
    return Readable.from(this.chunks(start, Math.min(end, this.size), highWaterMark), { objectMode: false });
  }

  async *chunks(start: number, end: number, highWaterMark = 64 * 1024): AsyncGenerator<Buffer> {
    let base = 0;
    for (const piece of this.pieces) {
      if (piece.damaged && start <= base && base <= end) throw new LogReadError(`the compressed log file ${piece.name} is damaged or truncated`);
      const from = Math.max(start, base);
      const to = Math.min(end, base + piece.size);
      if (from < to) yield* pieceBytes(piece, from - base, to - base, highWaterMark);
      base += piece.size;
      if (base >= end) return;
    }
  }

  /** Bytes [start, start + length) as one buffer (callers bound the length). */
  async read(start: number, length: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(start, start + length)) parts.push(chunk);
    return Buffer.concat(parts);
  }
}

/** A log file that cannot be read as it should: a clear 422 naming the piece (a file name, never a path). */
export class LogReadError extends ApiError {
  constructor(message: string) {
    super(422, message);
  }
}

/** A read failure of one piece as a LogReadError (a clear message, the file's name, no path). */
export function readFailure(piece: LogPiece, err: unknown): LogReadError {
  if (err instanceof LogReadError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_') || code === 'ERR_ZLIB_INITIALIZATION_FAILED') return new LogReadError(`the compressed log file ${piece.name} is damaged or truncated`);
  if (code === 'EACCES' || code === 'EPERM') return new LogReadError(`the log file ${piece.name} cannot be read (permission denied)`);
  if (code === 'ENOENT') return new LogReadError(`the log file ${piece.name} disappeared while it was read`);
  if (code === 'EISDIR') return new LogReadError(`${piece.name} is not a file`);
  return new LogReadError(`the log file ${piece.name} could not be read`);
}

/** Bytes [from, to) of one piece; read failures become LogReadError. */
async function* pieceBytes(piece: LogPiece, from: number, to: number, highWaterMark: number): AsyncGenerator<Buffer> {
  try {
    yield* rawPieceBytes(piece, from, to, highWaterMark);
  } catch (err) {
    throw readFailure(piece, err);
  }
}

/** Bytes [from, to) of one piece: a plain read, or the gunzipped stream with its first `from` bytes skipped. */
async function* rawPieceBytes(piece: LogPiece, from: number, to: number, highWaterMark: number): AsyncGenerator<Buffer> {
  if (!piece.gz) {
    let got = 0;
    for await (const chunk of fs.createReadStream(piece.path, { start: from, end: to - 1, highWaterMark }) as AsyncIterable<Buffer>) {
      got += chunk.length;
      yield chunk;
    }
    if (got < to - from) throw new LogReadError(`the log file ${piece.name} shrank while it was read`);
    return;
  }
  const inflated = fs.createReadStream(piece.path, { highWaterMark }).pipe(zlib.createGunzip({ chunkSize: highWaterMark }));
  let at = 0;
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      const next = at + chunk.length;
      if (next > from) yield chunk.subarray(Math.max(0, from - at), Math.min(chunk.length, to - at));
      at = next;
      if (at >= to) return;
    }
  } finally {
    inflated.destroy();
  }
  if (at < to) throw new LogReadError(`the compressed log file ${piece.name} ends before its announced length`);
}
