// Writes ning/compress LZFOutputStream chunks as Spark configures it (finishBlockOnFlush=true):
// chunks of ≤ 65535 input bytes, emitted when the buffer fills or on flush; no stream header,
// no end marker. Inputs under 16 bytes, or that would not shrink by more than 2 bytes, are stored.
import {
  LZF_COMPRESSED_HEADER_LENGTH,
  LZF_STORED_HEADER_LENGTH,
  LZF_TYPE_COMPRESSED,
  LZF_TYPE_STORED,
} from '../../server/eventlog/codecs/lzfStream.js';
import { BufferedBlockEncoder } from './bufferedBlockEncoder.js';
import { LzfChunkCompressor, lzfCompressBound } from './lzfChunkCompressor.js';

export const LZF_MAX_CHUNK_LENGTH = 0xffff;
const MIN_BLOCK_TO_COMPRESS = 16;

export class LzfStreamEncoder extends BufferedBlockEncoder {
  private readonly compressor = new LzfChunkCompressor();

  constructor() {
    super('lzf', LZF_MAX_CHUNK_LENGTH);
  }

  protected emitBlock(): void {
    const n = this.filled;
    if (n === 0) return;
    this.filled = 0;
    if (n >= MIN_BLOCK_TO_COMPRESS) {
      const chunk = new Uint8Array(LZF_COMPRESSED_HEADER_LENGTH + lzfCompressBound(n));
      const compressedLength = this.compressor.compress(this.buffer, 0, n, chunk, LZF_COMPRESSED_HEADER_LENGTH);
      if (compressedLength < n - 2) {
        chunk[0] = 0x5a;
        chunk[1] = 0x56;
        chunk[2] = LZF_TYPE_COMPRESSED;
        chunk[3] = compressedLength >>> 8;
        chunk[4] = compressedLength & 0xff;
        chunk[5] = n >>> 8;
        chunk[6] = n & 0xff;
        this.out.add(chunk.subarray(0, LZF_COMPRESSED_HEADER_LENGTH + compressedLength));
        return;
      }
    }
    const chunk = new Uint8Array(LZF_STORED_HEADER_LENGTH + n);
    chunk[0] = 0x5a;
    chunk[1] = 0x56;
    chunk[2] = LZF_TYPE_STORED;
    chunk[3] = n >>> 8;
    chunk[4] = n & 0xff;
    chunk.set(this.buffer.subarray(0, n), LZF_STORED_HEADER_LENGTH);
    this.out.add(chunk);
  }
}
