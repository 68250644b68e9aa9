// Shared helpers for codec tests: Spark-like encoding of real logs, chunked sources, and an
// independent walk over each format's units (blocks/chunks/frames) to know where clean cuts are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CodecName, type DecodeOptions, decodeStream } from '../../src/server/eventlog/codecs/index.js';
import { createEncoder } from '../../src/demo/encoders/index.js';

import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

export { SPARK_EVENTS_DIR };
export const COMPRESSED_CODECS: CodecName[] = ['lz4', 'snappy', 'lzf', 'zstd'];

export function readLog(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SPARK_EVENTS_DIR, name)));
}

/** Events after which Spark's EventLoggingListener flushes (spec §1.7); FQCN events flush too. */
const FLUSHING_EVENTS = new Set([
  'SparkListenerStageCompleted',
  'SparkListenerJobStart',
  'SparkListenerJobEnd',
  'SparkListenerBlockManagerAdded',
  'SparkListenerBlockManagerRemoved',
  'SparkListenerUnpersistRDD',
  'SparkListenerApplicationStart',
  'SparkListenerApplicationEnd',
  'SparkListenerExecutorAdded',
  'SparkListenerExecutorRemoved',
  'SparkListenerExecutorBlacklisted',
  'SparkListenerExecutorExcluded',
  'SparkListenerNodeBlacklisted',
  'SparkListenerNodeExcluded',
  'SparkListenerBlockUpdated',
  'SparkListenerResourceProfileAdded',
]);

export function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

export function sparkFlushesAfter(line: Uint8Array): boolean {
  const m = /"Event":"([^"]+)"/.exec(Buffer.from(line.subarray(0, 200)).toString('latin1'));
  if (!m) return false;
  return FLUSHING_EVENTS.has(m[1]!) || m[1]!.includes('.');
}

export function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

export interface EncodedLog {
  bytes: Uint8Array;
  /** File contents right after each flush (what an in-progress reader would see), with the bytes written so far. */
  snapshots: { file: Uint8Array; written: number }[];
}

/** Encodes a plain log line by line, flushing where Spark would, then closes the stream. */
export function encodeLikeSpark(codec: CodecName, plain: Uint8Array): EncodedLog {
  const enc = createEncoder(codec);
  const parts: Uint8Array[] = [];
  const snapshots: EncodedLog['snapshots'] = [];
  let written = 0;
  for (const line of splitLines(plain)) {
    parts.push(enc.write(line));
    written += line.length;
    if (sparkFlushesAfter(line)) {
      parts.push(enc.flush());
      snapshots.push({ file: concat(parts), written });
    }
  }
  parts.push(enc.end());
  return { bytes: concat(parts), snapshots };
}

export async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

export async function decodeAll(codec: CodecName, bytes: Uint8Array, chunkSize: number, opts: DecodeOptions): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  for await (const c of decodeStream(codec, chunked(bytes, chunkSize), opts)) out.push(c);
  return concat(out);
}

/** One block/chunk of an encoded stream: its byte range and how many bytes it decodes to. */
export interface Unit {
  start: number;
  end: number;
  decoded: number;
  /** Cutting the file right after this unit leaves a stream that is complete (no torn tail). */
  cleanAfter: boolean;
}

/** Walks an encoded stream's units without decoding them (test-side, independent of the decoders). */
export function walkUnits(codec: CodecName, b: Uint8Array): Unit[] {
  const units: Unit[] = [];
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 0;
  switch (codec) {
    case 'lz4':
      while (p < b.length) {
        const clen = dv.getInt32(p + 9, true);
        const olen = dv.getInt32(p + 13, true);
        units.push({ start: p, end: p + 21 + clen, decoded: olen, cleanAfter: true });
        p += 21 + clen;
      }
      break;
    case 'snappy':
      if (b.length > 0) {
        units.push({ start: 0, end: 16, decoded: 0, cleanAfter: true });
        p = 16;
      }
      while (p < b.length) {
        const clen = dv.getInt32(p, false);
        // Uncompressed length: the varint at the start of the raw block.
        let ulen = 0;
        for (let i = 0, shift = 1; ; i++, shift *= 128) {
          const byte = b[p + 4 + i]!;
          ulen += (byte & 0x7f) * shift;
          if (byte < 0x80) break;
        }
        units.push({ start: p, end: p + 4 + clen, decoded: ulen, cleanAfter: true });
        p += 4 + clen;
      }
      break;
    case 'lzf':
      while (p < b.length) {
        if (b[p + 2] === 0) {
          const len = dv.getUint16(p + 3, false);
          units.push({ start: p, end: p + 5 + len, decoded: len, cleanAfter: true });
          p += 5 + len;
        } else {
          const clen = dv.getUint16(p + 3, false);
          const ulen = dv.getUint16(p + 5, false);
          units.push({ start: p, end: p + 7 + clen, decoded: ulen, cleanAfter: true });
          p += 7 + clen;
        }
      }
      break;
    case 'zstd':
      // Frames written by this project's encoder: 6-byte header, raw/RLE blocks, no checksum.
      while (p < b.length) {
        const frameStart = p;
        p += 6;
        for (;;) {
          const word = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
          const last = (word & 1) === 1;
          const type = (word >>> 1) & 3;
          const size = word >>> 3;
          const end = p + 3 + (type === 1 ? 1 : size);
          units.push({ start: units.length && units.at(-1)!.end === frameStart ? frameStart : p, end, decoded: size, cleanAfter: last });
          p = end;
          if (last) break;
        }
      }
      break;
    case 'none':
      units.push({ start: 0, end: b.length, decoded: b.length, cleanAfter: true });
      break;
  }
  return units;
}

/** Decoded length that the complete units before `cut` produce, and whether `cut` is clean. */
export function expectationAtCut(units: Unit[], cut: number): { decoded: number; clean: boolean } {
  let decoded = 0;
  let clean = cut === 0;
  for (const u of units) {
    if (u.end > cut) break;
    decoded += u.decoded;
    clean = u.end === cut && u.cleanAfter;
  }
  return { decoded, clean };
}
