// ning/compress LZFOutputStream format (spec §5.5): a bare sequence of chunks, no stream header
// and no end marker. "ZV" + type 0 (stored: BE u16 length) or type 1 (compressed: BE u16
// compressed length + BE u16 uncompressed length).
import { BufferedDecoder } from './bufferedDecoder.js';
import { codecError } from './codecError.js';
import type { DecodeOptions } from './decodeOptions.js';
import { LzfBlockError, decodeLzfBlock } from './lzfBlock.js';

export const LZF_TYPE_STORED = 0;
export const LZF_TYPE_COMPRESSED = 1;
export const LZF_STORED_HEADER_LENGTH = 5;
export const LZF_COMPRESSED_HEADER_LENGTH = 7;

export class LzfStreamDecoder extends BufferedDecoder {
  constructor(opts: DecodeOptions) {
    super('lzf', opts, LZF_STORED_HEADER_LENGTH);
  }

  end(): Uint8Array[] {
    this.drain();
    const q = this.input;
    if (q.length > 0) {
      // A torn tail must still start like a chunk; anything else is garbage.
      this.checkSignature(Math.min(q.length, 3));
      if (!this.opts.truncatedTailOk) {
        throw codecError('lzf', q.offset, `stream ended inside a chunk (${q.length} of ${this.need} bytes present)`);
      }
    }
    return this.output.take();
  }

  private checkSignature(available: number): void {
    const q = this.input;
    const ok =
      q.byteAt(0) === 0x5a &&
      (available < 2 || q.byteAt(1) === 0x56) &&
      (available < 3 || q.byteAt(2) === LZF_TYPE_STORED || q.byteAt(2) === LZF_TYPE_COMPRESSED);
    if (!ok) throw codecError('lzf', q.offset, 'bad chunk signature (expected "ZV" and type 0 or 1)');
  }

  protected drain(): void {
    const q = this.input;
    while (q.length >= LZF_STORED_HEADER_LENGTH) {
      const at = q.offset;
      this.checkSignature(3);
      const type = q.byteAt(2);
      if (type === LZF_TYPE_STORED) {
        const h = q.peek(LZF_STORED_HEADER_LENGTH);
        const len = (h[3]! << 8) | h[4]!;
        const total = LZF_STORED_HEADER_LENGTH + len;
        this.output.checkRoom(len, at);
        if (q.length < total) {
          this.need = total;
          return;
        }
        const dst = this.output.reserve(len, at);
        dst.set(q.peek(total).subarray(LZF_STORED_HEADER_LENGTH), this.output.pos);
        this.output.commit(len);
        q.skip(total);
        continue;
      }
      if (q.length < LZF_COMPRESSED_HEADER_LENGTH) {
        this.need = LZF_COMPRESSED_HEADER_LENGTH;
        return;
      }
      const h = q.peek(LZF_COMPRESSED_HEADER_LENGTH);
      const compressedLen = (h[3]! << 8) | h[4]!;
      const originalLen = (h[5]! << 8) | h[6]!;
      if (compressedLen === 0 || originalLen === 0) {
        throw codecError('lzf', at, `corrupt chunk header (compressed ${compressedLen}, uncompressed ${originalLen})`);
      }
      this.output.checkRoom(originalLen, at);
      const total = LZF_COMPRESSED_HEADER_LENGTH + compressedLen;
      if (q.length < total) {
        this.need = total;
        return;
      }
      const chunk = q.peek(total);
      const dst = this.output.reserve(originalLen, at);
      const dp = this.output.pos;
      try {
        decodeLzfBlock(chunk, LZF_COMPRESSED_HEADER_LENGTH, total, dst, dp, dp + originalLen);
      } catch (e) {
        if (e instanceof LzfBlockError) throw codecError('lzf', at, `corrupt compressed chunk: ${e.message}`);
        throw e;
      }
      this.output.commit(originalLen);
      q.skip(total);
    }
    this.need = LZF_STORED_HEADER_LENGTH;
  }
}
