import { ByteChunks } from './byteChunks.js';
import type { StreamEncoder } from './streamEncoder.js';

/**
 * The writer side that snappy-java and ning lzf share as Spark configures them: input fills a fixed buffer,
 * which is emitted as one block when it is full and on every flush.
 */
export abstract class BufferedBlockEncoder implements StreamEncoder {
  protected readonly buffer: Uint8Array;
  protected filled = 0;
  protected readonly out = new ByteChunks();
  private closed = false;

  constructor(
    private readonly codec: string,
    protected readonly blockSize: number,
  ) {
    this.buffer = new Uint8Array(blockSize);
  }

  write(data: Uint8Array): Uint8Array {
    this.ensureOpen();
    let off = 0;
    while (off < data.length) {
      const n = Math.min(data.length - off, this.blockSize - this.filled);
      this.buffer.set(data.subarray(off, off + n), this.filled);
      this.filled += n;
      off += n;
      // Both writers compress as soon as the input buffer is exactly full.
      if (this.filled === this.blockSize) this.emitBlock();
    }
    return this.out.take();
  }

  flush(): Uint8Array {
    this.ensureOpen();
    this.emitBlock();
    return this.out.take();
  }

  end(): Uint8Array {
    if (this.closed) return new Uint8Array(0);
    const tail = this.flush();
    this.closed = true;
    return tail;
  }

  /** Writes the buffered input (`buffer[0, filled)`) as one block and empties the buffer. */
  protected abstract emitBlock(): void;

  private ensureOpen(): void {
    if (this.closed) throw new Error(`${this.codec} encoder: stream already closed`);
  }
}
