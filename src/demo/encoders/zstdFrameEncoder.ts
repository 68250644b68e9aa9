// Writes Zstandard frames the way Spark 3.x's zstd-jni stream does (spec §5.4): a frame starts
// lazily on the first write and ends on every flush (closeFrameOnFlush), content size unknown,
// no checksum, window log 19 (level 1). This pure-JS encoder does no entropy coding: blocks are
// stored raw, or RLE when all bytes are equal. The framing is exact; the ratio is not.
import { ZSTD_FRAME_MAGIC } from '../../server/eventlog/codecs/magic.js';
import { ByteChunks, writeI32LE } from './byteChunks.js';
import type { StreamEncoder } from './streamEncoder.js';

const BLOCK_SIZE_MAX = 128 * 1024;
const BLOCK_RAW = 0;
const BLOCK_RLE = 1;
/** Window descriptor for windowLog 19, what zstd level 1 uses when the size is unknown. */
const WINDOW_DESCRIPTOR_LOG19 = (19 - 10) << 3;

function frameHeader(): Uint8Array {
  const h = new Uint8Array(6);
  writeI32LE(h, 0, ZSTD_FRAME_MAGIC);
  h[4] = 0x00; // no content size, not single-segment, no checksum, no dictionary
  h[5] = WINDOW_DESCRIPTOR_LOG19;
  return h;
}

function allSame(b: Uint8Array): boolean {
  const first = b[0];
  for (let i = 1; i < b.length; i++) if (b[i] !== first) return false;
  return true;
}

function block(data: Uint8Array, last: boolean): Uint8Array {
  const rle = data.length > 1 && allSame(data);
  const type = rle ? BLOCK_RLE : BLOCK_RAW;
  const word = (last ? 1 : 0) | (type << 1) | (data.length << 3);
  const out = new Uint8Array(3 + (rle ? 1 : data.length));
  out[0] = word & 0xff;
  out[1] = (word >>> 8) & 0xff;
  out[2] = (word >>> 16) & 0xff;
  if (rle) out[3] = data[0]!;
  else out.set(data, 3);
  return out;
}

export class ZstdFrameEncoder implements StreamEncoder {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private frameOpen = false;
  private headerWritten = false;
  private anyFrame = false;
  private closed = false;
  private readonly out = new ByteChunks();

  write(data: Uint8Array): Uint8Array {
    this.ensureOpen();
    // Spark's BufferedOutputStream never writes 0 bytes; ignoring them keeps empty frames out.
    if (data.length === 0) return new Uint8Array(0);
    this.frameOpen = true;
    this.pending.push(data.slice());
    this.pendingLength += data.length;
    // A full block can go out once more data follows it (only the last block is marked last).
    while (this.pendingLength > BLOCK_SIZE_MAX) this.writeBlock(this.takePending(BLOCK_SIZE_MAX), false);
    return this.out.take();
  }

  flush(): Uint8Array {
    this.ensureOpen();
    if (this.frameOpen) this.endFrame();
    return this.out.take();
  }

  end(): Uint8Array {
    if (this.closed) return new Uint8Array(0);
    // zstd-jni closes an untouched stream with one empty frame.
    if (this.frameOpen || !this.anyFrame) this.endFrame();
    this.closed = true;
    return this.out.take();
  }

  private endFrame(): void {
    this.writeBlock(this.takePending(this.pendingLength), true);
    this.frameOpen = false;
    this.headerWritten = false;
  }

  private writeBlock(data: Uint8Array, last: boolean): void {
    if (!this.headerWritten) {
      this.out.add(frameHeader());
      this.headerWritten = true;
      this.anyFrame = true;
    }
    this.out.add(block(data, last));
  }

  private takePending(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.pending[0]!;
      const take = Math.min(head.length, n - filled);
      out.set(head.subarray(0, take), filled);
      filled += take;
      if (take === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(take);
    }
    this.pendingLength -= n;
    return out;
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('zstd encoder: stream already closed');
  }
}
