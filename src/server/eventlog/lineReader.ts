import fs from 'node:fs';
import { type CodecName, decodeStream, sniffCodec } from './codecs/index.js';
import type { LogSource } from './discovery.js';

/** Where a replay stopped: the rolling file index and the decoded byte offset of the next unread line in it. */
export interface ReadPosition {
  fileIndex: number;
  offset: number;
}

/** Where a line's bytes are: rolling file index, decoded byte offset and length (without the newline). */
export interface LineLocation {
  fileIndex: number;
  offset: number;
  length: number;
  /** Codec of the file; a plain file's lines can be read back in place. */
  codec: CodecName;
}

export interface LineReadResult {
  position: ReadPosition;
  /** Decoded bytes consumed in this call. */
  bytes: number;
  /** Lines longer than the cap, skipped whole. */
  oversizedLines: number;
  /** A partial last line left for the next read (in-progress logs). */
  tornTail: boolean;
}

export interface LineReadOptions {
  from?: ReadPosition;
  /** Lines longer than this are skipped and counted, never buffered further. */
  maxLineBytes?: number;
  /** Cap on decoded output per file (decompression bombs). */
  maxDecodedBytes?: number;
  /** Bytes read from disk at a time (1 MiB; a head-only peek wants far less). */
  readChunkBytes?: number;
  /**
   * Called for every non-blank line (trailing \r removed); `unterminated` marks a final line with no newline.
   * `at` locates the line's bytes in the decoded file (for plain files, the file itself).
   */
  onLine: (line: string, unterminated: boolean, at: LineLocation) => void;
}

const NEWLINE = 0x0a;
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * Streams the lines of a log (all files of a rolling log, in order), decoding each file by its magic bytes or
 * name. Never holds more than one chunk plus the current partial line in memory. A torn last line, or a torn
 * final compressed block, is left unread when the writer may still be appending.
 */
export async function readLogLines(source: LogSource, opts: LineReadOptions): Promise<LineReadResult> {
  const maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let position: ReadPosition = opts.from ?? { fileIndex: source.files[0]?.index ?? 0, offset: 0 };
  let total = 0;
  let oversized = 0;
  let torn = false;
  const files = source.files.filter((f) => f.index >= position.fileIndex);
  for (let fi = 0; fi < files.length; fi++) {
    const file = files[fi]!;
    const isLast = fi === files.length - 1;
    const skip = file.index === position.fileIndex ? position.offset : 0;
    const r = await readFileLines(file.path, file.codec, file.index, skip, isLast && source.inProgress, maxLine, opts);
    total += r.consumed - skip;
    oversized += r.oversized;
    torn = r.torn;
    position = { fileIndex: file.index, offset: r.consumed };
  }
  return { position, bytes: total, oversizedLines: oversized, tornTail: torn };
}

async function readFileLines(
  file: string,
  nameCodec: CodecName,
  fileIndex: number,
  skip: number,
  mayGrow: boolean,
  maxLine: number,
  opts: LineReadOptions,
): Promise<{ consumed: number; oversized: number; torn: boolean }> {
  const codec = (await sniffFile(file)) ?? nameCodec;
  // Plain files can seek; compressed streams are decoded from the start and the consumed prefix dropped.
  const seek = codec === 'none' ? skip : 0;
  const raw = fs.createReadStream(file, { start: seek, highWaterMark: opts.readChunkBytes ?? 1 << 20 });
  const decoded = decodeStream(codec, raw, { truncatedTailOk: mayGrow, maxOutputBytes: opts.maxDecodedBytes });

  let offset = seek; // decoded bytes seen so far
  let consumed = skip; // decoded bytes up to the end of the last complete line
  let parts: Buffer[] = [];
  let partLen = 0;
  let skippingOversized = false;
  let oversized = 0;
  let bomChecked = skip > 0;

  const at: LineLocation = { fileIndex, offset: 0, length: 0, codec };
  const emit = (buf: Buffer, start: number, end: number, unterminated = false) => {
    // Every line starts right after the previous newline, i.e. at `consumed`.
    at.offset = consumed;
    at.length = end - start;
    if (end > start && buf[end - 1] === 0x0d) end--;
    if (end <= start) return;
    let line = buf.toString('utf8', start, end);
    if (!bomChecked) {
      bomChecked = true;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    }
    if (line.length > 0) opts.onLine(line, unterminated, at);
  };

  for await (const chunk of decoded) {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let chunkStart = offset;
    offset += buf.length;
    if (chunkStart < skip) {
      // Still inside the already-consumed prefix of a compressed stream.
      if (offset <= skip) continue;
      buf = buf.subarray(skip - chunkStart);
      chunkStart = skip;
    }
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(NEWLINE, pos);
      if (nl < 0) {
        if (!skippingOversized) {
          if (partLen + (buf.length - pos) > maxLine) {
            skippingOversized = true;
            parts = [];
            partLen = 0;
          } else {
            parts.push(buf.subarray(pos));
            partLen += buf.length - pos;
          }
        }
        break;
      }
      if (skippingOversized) {
        oversized++;
        skippingOversized = false;
      } else if (partLen > 0) {
        if (partLen + (nl - pos) > maxLine) oversized++;
        else {
          parts.push(buf.subarray(pos, nl));
          const whole = Buffer.concat(parts, partLen + nl - pos);
          emit(whole, 0, whole.length);
        }
        parts = [];
        partLen = 0;
      } else if (nl - pos > maxLine) {
        oversized++;
      } else {
        emit(buf, pos, nl);
      }
      pos = nl + 1;
      consumed = chunkStart + pos;
    }
  }

  let torn = false;
  if (partLen > 0 || skippingOversized) {
    if (mayGrow) {
      torn = true; // the writer has not finished this line yet; re-read it next time
    } else {
      if (skippingOversized) oversized++;
      else {
        const whole = Buffer.concat(parts, partLen);
        emit(whole, 0, whole.length, true);
      }
      consumed = offset;
    }
  }
  return { consumed, oversized, torn };
}

async function sniffFile(file: string): Promise<CodecName | undefined> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await fh.read(head, 0, 16, 0);
    return bytesRead > 0 ? sniffCodec(head.subarray(0, bytesRead)) : undefined;
  } finally {
    await fh.close();
  }
}
