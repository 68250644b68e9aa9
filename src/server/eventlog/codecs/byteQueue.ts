const EMPTY = new Uint8Array(0);

/**
 * Carry-over buffer between compressed input chunks. Chunks are kept as they arrive (no copy);
 * a contiguous view is only assembled when a header or block straddles two chunks, and then
 * only for the bytes asked for. Appending is O(1) and lookups move a cursor forward, so even
 * 1-byte input chunks stay linear.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private first = 0; // index of the first live chunk
  private firstPos = 0; // bytes already consumed from chunks[first]
  private cursorIndex = 0; // chunk found by the last lookup…
  private cursorStart = 0; // …and the absolute offset of its first byte
  /** Bytes available to read. */
  length = 0;
  /** Absolute offset (in the whole input) of the next unread byte. */
  offset = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The next `n` bytes (n ≤ length) as one contiguous view. */
  peek(n: number): Uint8Array {
    return this.peekAt(0, n);
  }

  /** `n` bytes starting `index` bytes after the read position, as one contiguous view. */
  peekAt(index: number, n: number): Uint8Array {
    if (n === 0) return EMPTY;
    this.locate(this.offset + index);
    let i = this.cursorIndex;
    let pos = this.offset + index - this.cursorStart;
    const c = this.chunks[i]!;
    if (c.length - pos >= n) return c.subarray(pos, pos + n);
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const src = this.chunks[i++]!;
      const take = Math.min(src.length - pos, n - filled);
      out.set(src.subarray(pos, pos + take), filled);
      filled += take;
      pos = 0;
    }
    return out;
  }

  /** Byte `index` bytes after the read position. */
  byteAt(index: number): number {
    const abs = this.offset + index;
    this.locate(abs);
    return this.chunks[this.cursorIndex]![abs - this.cursorStart]!;
  }

  skip(n: number): void {
    this.length -= n;
    this.offset += n;
    let left = n;
    while (left > 0) {
      const avail = this.chunks[this.first]!.length - this.firstPos;
      if (left < avail) {
        this.firstPos += left;
        return;
      }
      left -= avail;
      this.first++;
      this.firstPos = 0;
    }
    // Drop consumed chunk references now and then, so long streams do not grow the array.
    if (this.first > 64 && this.first * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.first);
      this.cursorIndex -= this.first;
      this.first = 0;
    }
  }

  /** Moves the cursor to the chunk holding absolute offset `abs` (which must be buffered). */
  private locate(abs: number): void {
    if (this.cursorIndex < this.first || abs < this.cursorStart) {
      this.cursorIndex = this.first;
      this.cursorStart = this.offset - this.firstPos;
    }
    while (abs >= this.cursorStart + this.chunks[this.cursorIndex]!.length) {
      this.cursorStart += this.chunks[this.cursorIndex]!.length;
      this.cursorIndex++;
    }
  }
}
