// Writes xerial snappy-java's SnappyOutputStream format as Spark configures it: a 16-byte
// header (written lazily, on the first chunk or flush, as snappy-java 1.1.7+ does), then one
// chunk per 32 KiB of input or per flush: BE int32 length + raw Snappy block.
import { SNAPPY_STREAM_MAGIC } from '../../server/eventlog/codecs/magic.js';
import { SNAPPY_HEADER_LENGTH } from '../../server/eventlog/codecs/snappyStream.js';
import { BufferedBlockEncoder } from './bufferedBlockEncoder.js';
import { writeI32BE } from './byteChunks.js';
import { SnappyBlockCompressor, snappyCompressBound } from './snappyBlockCompressor.js';

/** Spark's spark.io.compression.snappy.blockSize default. */
export const SPARK_SNAPPY_BLOCK_SIZE = 32 * 1024;
const STREAM_VERSION = 1;
const MIN_COMPATIBLE_VERSION = 1;

export function snappyStreamHeader(): Uint8Array {
  const h = new Uint8Array(SNAPPY_HEADER_LENGTH);
  h.set(SNAPPY_STREAM_MAGIC, 0);
  writeI32BE(h, 8, STREAM_VERSION);
  writeI32BE(h, 12, MIN_COMPATIBLE_VERSION);
  return h;
}

export class SnappyStreamEncoder extends BufferedBlockEncoder {
  private headerWritten = false;
  private readonly compressor = new SnappyBlockCompressor();

  constructor(blockSize: number = SPARK_SNAPPY_BLOCK_SIZE) {
    super('snappy', blockSize);
  }

  protected emitBlock(): void {
    if (!this.headerWritten) {
      this.out.add(snappyStreamHeader());
      this.headerWritten = true;
    }
    const n = this.filled;
    if (n === 0) return;
    const chunk = new Uint8Array(4 + snappyCompressBound(n));
    const compressedLength = this.compressor.compress(this.buffer, 0, n, chunk, 4);
    writeI32BE(chunk, 0, compressedLength);
    this.out.add(chunk.subarray(0, 4 + compressedLength));
    this.filled = 0;
  }
}
