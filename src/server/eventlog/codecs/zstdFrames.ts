// Zstandard frames (RFC 8878) as Spark writes them (spec §5.4): many concatenated frames, one
// per flush in 3.x, content size unknown, no checksum; possibly a torn last frame while the
// application runs. Entropy decoding is fzstd's; this file does the framing around it:
//
// * fzstd's streaming Decompress recurses once per frame inside one push (a 1 MiB chunk of
//   small frames overflows the stack) and allocates + slides a full-window buffer (512 KiB at
//   Spark's level 1) for every frame, which makes small per-flush frames ~6x slower. So frames
//   are found here, and each gets its own Decompress. A frame that is fully buffered (the usual
//   case) has its window descriptor lowered to the most its blocks can decode to; that is safe
//   because no match can reach further back than the frame's own output.
// * Frames too big to buffer (Spark 2.x writes one frame per file) are streamed into fzstd as
//   bytes arrive.
// * Torn last frame (truncatedTailOk): every complete block is emitted, the partial block is
//   dropped — like zstd-jni's continuous mode, which Spark's history server uses.
// * Skippable frames are skipped. The optional content checksum is skipped, not verified
//   (Spark never writes one); a declared content size is verified.
import { Decompress } from 'fzstd';
import { ByteQueue } from './byteQueue.js';
import type { ChunkDecoder } from './chunkDecoder.js';
import { CodecError, codecError } from './codecError.js';
import type { DecodeOptions } from './decodeOptions.js';
import { DecodedOutput } from './decodedOutput.js';
import { ZSTD_FRAME_MAGIC, ZSTD_SKIPPABLE_MAGIC, ZSTD_SKIPPABLE_MAGIC_MASK, readU32LE } from './magic.js';

/** libzstd's default decoder limit (windowLog 27); bigger windows are refused, as zstd-jni does. */
export const ZSTD_MAX_WINDOW_BYTES = 1 << 27;
const BLOCK_SIZE_MAX = 128 * 1024;
const BLOCK_HEADER_LENGTH = 3;
const CHECKSUM_LENGTH = 4;
const SKIPPABLE_HEADER_LENGTH = 8;
const BLOCK_RLE = 1;
const BLOCK_COMPRESSED = 2;
/** Frames are gathered whole up to this many compressed bytes, then streamed. */
const WHOLE_FRAME_LIMIT = 2 * 1024 * 1024;
/** fzstd's error code for "input ended early". */
const FZSTD_UNEXPECTED_EOF = 5;

interface FrameHeader {
  length: number;
  windowSize: number;
  /** Where the window descriptor byte is, relative to the frame start; -1 in single-segment frames. */
  windowDescriptorAt: number;
  contentSize: number | undefined;
  hasChecksum: boolean;
}

/** One frame being decoded. Offsets named *Rel are relative to the queue's read position. */
interface FrameState {
  header: FrameHeader;
  /** Absolute input offset of the frame's first byte (for messages). */
  start: number;
  /** Next block header to examine; everything before it is complete, validated blocks. */
  scanRel: number;
  /** Bytes already handed to fzstd (streaming mode only). */
  pushedRel: number;
  /** Frame length (incl. checksum) once its last block has been seen. */
  endRel: number | undefined;
  /** Upper bound of what the scanned blocks can decode to. */
  decodedBound: number;
  /** Decoded bytes produced for this frame. */
  produced: number;
  /** Set once the frame is streamed rather than gathered whole. */
  stream: Decompress | undefined;
}

function isSkippableMagic(word: number): boolean {
  return ((word & ZSTD_SKIPPABLE_MAGIC_MASK) >>> 0) === ZSTD_SKIPPABLE_MAGIC;
}

/** Smallest window descriptor (exponent << 3 | mantissa) whose window holds `bytes`. */
function windowDescriptorFor(bytes: number): number {
  for (let exponent = 0; exponent < 32 - 10; exponent++) {
    const base = 2 ** (10 + exponent);
    for (let mantissa = 0; mantissa < 8; mantissa++) {
      if (base + (base / 8) * mantissa >= bytes) return (exponent << 3) | mantissa;
    }
  }
  throw new Error('unreachable: window too large');
}

function isFzstdEof(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === FZSTD_UNEXPECTED_EOF;
}

export class ZstdFrameStreamDecoder implements ChunkDecoder {
  private readonly input = new ByteQueue();
  private readonly output: DecodedOutput;
  private frame: FrameState | undefined;
  private skipRemaining = 0;
  private need = 1;

  constructor(private readonly opts: DecodeOptions) {
    this.output = new DecodedOutput('zstd', opts.maxOutputBytes);
  }

  push(chunk: Uint8Array): Uint8Array[] {
    this.input.push(chunk);
    if (this.input.length >= this.need || this.skipRemaining > 0) this.drain();
    return this.output.take();
  }

  end(): Uint8Array[] {
    this.drain();
    const q = this.input;
    const torn = this.frame !== undefined || this.skipRemaining > 0 || q.length > 0;
    if (torn) {
      const at = this.frame?.start ?? q.offset;
      if (this.frame === undefined && this.skipRemaining === 0) this.checkMagicPrefix();
      if (!this.opts.truncatedTailOk) {
        const where = this.frame ? 'a frame' : this.skipRemaining > 0 ? 'a skippable frame' : 'a frame header';
        throw codecError('zstd', at, `stream ended inside ${where}`);
      }
      if (this.frame && !this.frame.stream) this.decodeTornFrame(this.frame);
      this.frame = undefined;
    }
    return this.output.take();
  }

  private drain(): void {
    const q = this.input;
    for (;;) {
      if (this.skipRemaining > 0) {
        const n = Math.min(this.skipRemaining, q.length);
        q.skip(n);
        this.skipRemaining -= n;
        if (this.skipRemaining > 0) return;
        this.need = 1;
      }
      if (this.frame === undefined) {
        const next = this.startNextFrame();
        if (next === 'wait') return;
        if (next === 'skip') continue;
      }
      if (!this.advanceFrame(this.frame!)) return;
    }
  }

  /** Reads the next frame header, or the header of a skippable frame, or asks for more input. */
  private startNextFrame(): 'frame' | 'skip' | 'wait' {
    const q = this.input;
    if (q.length < 5) {
      if (q.length > 0) this.checkMagicPrefix();
      this.need = 5;
      return 'wait';
    }
    const at = q.offset;
    const magic = readU32LE(q.peek(4), 0);
    if (isSkippableMagic(magic)) {
      if (q.length < SKIPPABLE_HEADER_LENGTH) {
        this.need = SKIPPABLE_HEADER_LENGTH;
        return 'wait';
      }
      this.skipRemaining = readU32LE(q.peek(SKIPPABLE_HEADER_LENGTH), 4);
      q.skip(SKIPPABLE_HEADER_LENGTH);
      return 'skip';
    }
    if (magic !== ZSTD_FRAME_MAGIC) throw codecError('zstd', at, `bad frame magic 0x${magic.toString(16)}`);
    const descriptor = q.byteAt(4);
    const singleSegment = (descriptor >>> 5) & 1;
    const dictIdBytes = [0, 1, 2, 4][descriptor & 3]!;
    const contentSizeFlag = descriptor >>> 6;
    const contentSizeBytes = contentSizeFlag === 0 ? singleSegment : 1 << contentSizeFlag;
    const headerLength = 5 + (singleSegment ? 0 : 1) + dictIdBytes + contentSizeBytes;
    if (q.length < headerLength) {
      this.need = headerLength;
      return 'wait';
    }
    if (descriptor & 0x08) throw codecError('zstd', at, 'frame header has the reserved bit set');
    const h = q.peek(headerLength);
    let p = 5;
    let windowSize = 0;
    if (!singleSegment) {
      const wd = h[p++]!;
      const base = 2 ** (10 + (wd >>> 3));
      windowSize = base + (base / 8) * (wd & 7);
    }
    let dictId = 0;
    for (let i = 0; i < dictIdBytes; i++) dictId += h[p + i]! * 2 ** (8 * i);
    p += dictIdBytes;
    let contentSize: number | undefined;
    if (contentSizeBytes > 0) {
      contentSize = 0;
      for (let i = 0; i < contentSizeBytes; i++) contentSize += h[p + i]! * 2 ** (8 * i);
      if (contentSizeBytes === 2) contentSize += 256;
    }
    if (singleSegment) windowSize = contentSize!;
    if (dictId !== 0) throw codecError('zstd', at, `frame needs dictionary ${dictId}; dictionaries are not supported`);
    if (windowSize > ZSTD_MAX_WINDOW_BYTES) {
      throw codecError('zstd', at, `frame window of ${windowSize} bytes exceeds the ${ZSTD_MAX_WINDOW_BYTES}-byte limit`);
    }
    if (contentSize !== undefined) this.output.checkRoom(contentSize, at);
    this.frame = {
      header: {
        length: headerLength,
        windowSize,
        windowDescriptorAt: singleSegment ? -1 : 5,
        contentSize,
        hasChecksum: ((descriptor >>> 2) & 1) === 1,
      },
      start: at,
      scanRel: headerLength,
      pushedRel: 0,
      endRel: undefined,
      decodedBound: 0,
      produced: 0,
      stream: undefined,
    };
    return 'frame';
  }

  /** Scans newly complete blocks and decodes what it can; true when the frame is finished. */
  private advanceFrame(f: FrameState): boolean {
    const q = this.input;
    const blockMax = Math.min(f.header.windowSize, BLOCK_SIZE_MAX);
    while (f.endRel === undefined) {
      if (q.length < f.scanRel + BLOCK_HEADER_LENGTH) {
        this.need = f.scanRel + BLOCK_HEADER_LENGTH;
        break;
      }
      const b = q.peekAt(f.scanRel, BLOCK_HEADER_LENGTH);
      const word = b[0]! | (b[1]! << 8) | (b[2]! << 16);
      const last = word & 1;
      const type = (word >>> 1) & 3;
      const size = word >>> 3;
      const blockAt = q.offset + f.scanRel;
      if (type === 3) throw codecError('zstd', blockAt, 'block has the reserved block type 3');
      if (size > BLOCK_SIZE_MAX || (type === BLOCK_COMPRESSED && size > blockMax)) {
        throw codecError('zstd', blockAt, `block size ${size} exceeds the frame's maximum ${blockMax}`);
      }
      const contentLength = type === BLOCK_RLE ? 1 : size;
      const blockEnd = f.scanRel + BLOCK_HEADER_LENGTH + contentLength;
      if (q.length < blockEnd) {
        this.need = blockEnd;
        break;
      }
      f.decodedBound += type === BLOCK_COMPRESSED ? blockMax : size;
      f.scanRel = blockEnd;
      if (last) f.endRel = blockEnd + (f.header.hasChecksum ? CHECKSUM_LENGTH : 0);
    }

    if (f.endRel !== undefined && q.length >= f.endRel) {
      if (f.stream) this.feedStream(f, f.endRel, true);
      else this.decodeWholeFrame(f);
      if (f.header.contentSize !== undefined && f.produced !== f.header.contentSize) {
        throw codecError('zstd', f.start, `frame decoded to ${f.produced} bytes, its header says ${f.header.contentSize}`);
      }
      q.skip(f.endRel);
      this.frame = undefined;
      this.need = 1;
      return true;
    }
    if (f.endRel !== undefined) this.need = f.endRel;

    // Too big to gather: hand fzstd everything that belongs to this frame as it arrives.
    if (!f.stream && f.scanRel > WHOLE_FRAME_LIMIT) f.stream = this.newDecompress(f);
    if (f.stream) {
      this.feedStream(f, Math.min(q.length, f.endRel ?? q.length), false);
      // Keep only what scanning still needs (the partial block); fzstd already has the rest.
      const done = Math.min(f.scanRel, f.pushedRel);
      q.skip(done);
      f.scanRel -= done;
      f.pushedRel -= done;
      if (f.endRel !== undefined) f.endRel -= done;
      this.need -= done;
    }
    return false;
  }

  private newDecompress(f: FrameState): Decompress {
    return new Decompress((chunk) => {
      if (chunk.length === 0) return;
      f.produced += chunk.length;
      if (f.header.contentSize !== undefined && f.produced > f.header.contentSize) {
        throw codecError('zstd', f.start, `frame decodes to more than its declared ${f.header.contentSize} bytes`);
      }
      this.output.append(chunk, f.start);
    });
  }

  private feedStream(f: FrameState, untilRel: number, final: boolean): void {
    if (untilRel <= f.pushedRel && !final) return;
    const bytes = this.input.peekAt(f.pushedRel, untilRel - f.pushedRel);
    f.pushedRel = untilRel;
    this.runFzstd(f, () => f.stream!.push(bytes, final));
  }

  private decodeWholeFrame(f: FrameState): void {
    let bytes = this.input.peek(f.endRel!);
    const { windowDescriptorAt, windowSize } = f.header;
    // Lower the window to what the frame can actually produce, so fzstd allocates (and slides)
    // a buffer sized to this frame instead of the encoder's nominal window.
    if (windowDescriptorAt >= 0 && f.decodedBound < windowSize) {
      bytes = bytes.slice();
      bytes[windowDescriptorAt] = windowDescriptorFor(Math.max(f.decodedBound, 1));
    }
    const d = this.newDecompress(f);
    this.runFzstd(f, () => d.push(bytes, true));
  }

  /** Torn last frame, tail tolerated: decode its complete blocks, drop the partial one. */
  private decodeTornFrame(f: FrameState): void {
    if (f.scanRel <= f.header.length) return;
    const bytes = this.input.peek(f.scanRel);
    const d = this.newDecompress(f);
    try {
      d.push(bytes, true);
    } catch (e) {
      if (isFzstdEof(e)) return;
      this.rethrow(f, e);
    }
  }

  private runFzstd(f: FrameState, run: () => void): void {
    try {
      run();
    } catch (e) {
      this.rethrow(f, e);
    }
  }

  private rethrow(f: FrameState, e: unknown): never {
    if (e instanceof CodecError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw codecError('zstd', f.start, `corrupt frame: ${detail}`);
  }

  /** Bytes at the read position must be able to start a frame. */
  private checkMagicPrefix(): void {
    const q = this.input;
    const n = Math.min(4, q.length);
    const frame = [0x28, 0xb5, 0x2f, 0xfd];
    const skippable = [0x50, 0x2a, 0x4d, 0x18];
    let isFrame = true;
    let isSkippable = true;
    for (let i = 0; i < n; i++) {
      const b = q.byteAt(i);
      if (b !== frame[i]) isFrame = false;
      if (i === 0 ? (b & 0xf0) !== skippable[0] : b !== skippable[i]) isSkippable = false;
    }
    if (!isFrame && !isSkippable) throw codecError('zstd', q.offset, 'bad frame magic');
  }
}
