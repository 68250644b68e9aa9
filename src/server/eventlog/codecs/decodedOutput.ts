import { codecError } from './codecError.js';
import type { CodecName } from './codecName.js';

/** Decoded bytes are written into slabs of this size; handed out as disjoint views. */
const SLAB_BYTES = 256 * 1024;

const EMPTY = new Uint8Array(0);

function allocSlab(size: number): Uint8Array {
  // No zero-fill: every byte handed out has been written by a decoder first.
  const b = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(b.buffer, b.byteOffset, size);
}

/**
 * Collects decoded output for one decode. Block decoders write straight into a slab
 * (reserve → write at `pos` → commit), so there is no per-block allocation or copy; views of
 * finished regions are returned by take() and never written again. Also enforces the
 * maxOutputBytes cap before anything is allocated.
 */
export class DecodedOutput {
  private slab: Uint8Array = EMPTY;
  private start = 0;
  /** Write position in the current slab (valid after reserve). */
  pos = 0;
  private ready: Uint8Array[] = [];
  /** Decoded bytes produced so far. */
  total = 0;

  constructor(
    private readonly codec: CodecName,
    private readonly maxOutputBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Throws if `n` more decoded bytes would pass the cap; call before buffering a big block. */
  checkRoom(n: number, inputOffset: number): void {
    if (this.total + n > this.maxOutputBytes) {
      throw codecError(
        this.codec,
        inputOffset,
        `decoded output would exceed maxOutputBytes (${this.maxOutputBytes}); refusing to decode further`,
      );
    }
  }

  /** Returns the slab with room for `n` bytes at `this.pos`. */
  reserve(n: number, inputOffset: number): Uint8Array {
    this.checkRoom(n, inputOffset);
    if (this.slab.length - this.pos < n) {
      this.seal();
      this.slab = allocSlab(Math.max(SLAB_BYTES, n));
      this.pos = 0;
      this.start = 0;
    }
    return this.slab;
  }

  commit(n: number): void {
    this.pos += n;
    this.total += n;
  }

  /** Adds an already-decoded chunk as-is (zstd blocks, plain pass-through). */
  append(chunk: Uint8Array, inputOffset: number): void {
    if (chunk.length === 0) return;
    this.checkRoom(chunk.length, inputOffset);
    this.seal();
    this.ready.push(chunk);
    this.total += chunk.length;
  }

  /** Decoded chunks produced since the last call, in order. */
  take(): Uint8Array[] {
    this.seal();
    const out = this.ready;
    this.ready = [];
    return out;
  }

  private seal(): void {
    if (this.pos > this.start) {
      this.ready.push(this.slab.subarray(this.start, this.pos));
      this.start = this.pos;
    }
  }
}
