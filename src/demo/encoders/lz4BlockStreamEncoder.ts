// Writes lz4-java's LZ4BlockOutputStream format exactly as Spark configures it: 32 KiB blocks,
// level token 5 (0x15 raw / 0x25 LZ4), XXH32 checksums (seed 0x9747B28C, low 28 bits),
// syncFlush=false (flush() emits nothing), end marker on close.
import {
  LZ4_HEADER_LENGTH,
  LZ4_METHOD_LZ4,
  LZ4_METHOD_RAW,
  lz4BlockChecksum,
} from '../../server/eventlog/codecs/lz4BlockStream.js';
import { LZ4_BLOCK_MAGIC } from '../../server/eventlog/codecs/magic.js';
import { ByteChunks, writeI32LE } from './byteChunks.js';
import { Lz4BlockCompressor, lz4CompressBound } from './lz4BlockCompressor.js';
import type { StreamEncoder } from './streamEncoder.js';

/** Spark's spark.io.compression.lz4.blockSize default. */
export const SPARK_LZ4_BLOCK_SIZE = 32 * 1024;

/** lz4-java's level: ceil(log2(blockSize)) − 10, at least 0. */
export function lz4CompressionLevel(blockSize: number): number {
  return Math.max(0, Math.ceil(Math.log2(blockSize)) - 10);
}

export class Lz4BlockStreamEncoder implements StreamEncoder {
  private readonly buffer: Uint8Array;
  private filled = 0;
  private finished = false;
  private readonly level: number;
  private readonly compressor = new Lz4BlockCompressor();
  private readonly out = new ByteChunks();

  constructor(private readonly blockSize: number = SPARK_LZ4_BLOCK_SIZE) {
    this.buffer = new Uint8Array(blockSize);
    this.level = lz4CompressionLevel(blockSize);
  }

  write(data: Uint8Array): Uint8Array {
    this.ensureOpen();
    let off = 0;
    let len = data.length;
    // Like lz4-java: a full buffer is only written once more data arrives (strictly greater).
    while (this.filled + len > this.blockSize) {
      const n = this.blockSize - this.filled;
      this.buffer.set(data.subarray(off, off + n), this.filled);
      this.filled = this.blockSize;
      this.writeBlock();
      off += n;
      len -= n;
    }
    this.buffer.set(data.subarray(off, off + len), this.filled);
    this.filled += len;
    return this.out.take();
  }

  flush(): Uint8Array {
    this.ensureOpen();
    // syncFlush=false: the partial block stays buffered (spec §5.7).
    return new Uint8Array(0);
  }

  end(): Uint8Array {
    this.ensureOpen();
    this.writeBlock();
    const marker = new Uint8Array(LZ4_HEADER_LENGTH);
    marker.set(LZ4_BLOCK_MAGIC, 0);
    marker[8] = LZ4_METHOD_RAW | this.level; // lengths and checksum all zero
    this.out.add(marker);
    this.finished = true;
    return this.out.take();
  }

  private writeBlock(): void {
    const n = this.filled;
    if (n === 0) return;
    const block = new Uint8Array(LZ4_HEADER_LENGTH + lz4CompressBound(n));
    let compressedLength = this.compressor.compress(this.buffer, 0, n, block, LZ4_HEADER_LENGTH);
    let method = LZ4_METHOD_LZ4;
    if (compressedLength >= n) {
      method = LZ4_METHOD_RAW;
      compressedLength = n;
      block.set(this.buffer.subarray(0, n), LZ4_HEADER_LENGTH);
    }
    block.set(LZ4_BLOCK_MAGIC, 0);
    block[8] = method | this.level;
    writeI32LE(block, 9, compressedLength);
    writeI32LE(block, 13, n);
    writeI32LE(block, 17, lz4BlockChecksum(this.buffer, 0, n));
    this.out.add(block.subarray(0, LZ4_HEADER_LENGTH + compressedLength));
    this.filled = 0;
  }

  private ensureOpen(): void {
    if (this.finished) throw new Error('lz4 encoder: stream already ended');
  }
}
