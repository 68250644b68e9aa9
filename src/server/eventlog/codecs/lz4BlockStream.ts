// lz4-java LZ4BlockOutputStream format (spec §5.2), as read by Spark's LZ4BlockInputStream with
// stopOnEmptyBlock=false: blocks with 21-byte headers, end markers, then possibly more streams.
import { BufferedDecoder } from './bufferedDecoder.js';
import { codecError } from './codecError.js';
import { LZ4_BLOCK_MAGIC, hex32, matchesMagicPrefix, readI32LE } from './magic.js';
import { Lz4BlockError, decodeLz4Block, lz4MaxCompressedLength } from './lz4Block.js';
import type { DecodeOptions } from './decodeOptions.js';
import { xxhash32 } from './xxhash32.js';

export const LZ4_HEADER_LENGTH = 21;
export const LZ4_METHOD_RAW = 0x10;
export const LZ4_METHOD_LZ4 = 0x20;
/** lz4-java's block-size exponent base: level L allows blocks of up to 1 << (10 + L) bytes. */
export const LZ4_LEVEL_BASE = 10;
export const LZ4_CHECKSUM_SEED = 0x9747b28c;
/** lz4-java's Checksum adapter keeps only the low 28 bits of XXH32. */
export const LZ4_CHECKSUM_MASK = 0x0fffffff;

export function lz4BlockChecksum(data: Uint8Array, start: number, end: number): number {
  return xxhash32(data, start, end, LZ4_CHECKSUM_SEED) & LZ4_CHECKSUM_MASK;
}

export class Lz4BlockStreamDecoder extends BufferedDecoder {
  constructor(opts: DecodeOptions) {
    super('lz4', opts, LZ4_HEADER_LENGTH);
  }

  end(): Uint8Array[] {
    this.drain();
    const q = this.input;
    if (q.length > 0) {
      const at = q.offset;
      const head = q.peek(Math.min(q.length, LZ4_BLOCK_MAGIC.length));
      // A torn tail must still look like the start of a block; anything else is garbage.
      if (!matchesMagicPrefix(head, 0, LZ4_BLOCK_MAGIC)) throw codecError('lz4', at, 'bad block magic (expected "LZ4Block")');
      // Spark's reader ends quietly on a partial *header* too; on a finished file that still
      // means lost data, so it is reported unless the caller says the file may be growing.
      if (!this.opts.truncatedTailOk) {
        const where = q.length < LZ4_HEADER_LENGTH ? 'a block header' : 'a block payload';
        throw codecError('lz4', at, `stream ended prematurely inside ${where} (${q.length} of ${this.need} bytes present)`);
      }
    }
    // A clean end at a block boundary is the end of the stream, end marker or not (Spark 2.3+).
    return this.output.take();
  }

  protected drain(): void {
    const q = this.input;
    while (q.length >= LZ4_HEADER_LENGTH) {
      const at = q.offset;
      const h = q.peek(LZ4_HEADER_LENGTH);
      for (let i = 0; i < LZ4_BLOCK_MAGIC.length; i++) {
        if (h[i] !== LZ4_BLOCK_MAGIC[i]) throw codecError('lz4', at, 'bad block magic (expected "LZ4Block")');
      }
      const token = h[8]!;
      const method = token & 0xf0;
      const maxLen = 1 << (LZ4_LEVEL_BASE + (token & 0x0f));
      const compressedLen = readI32LE(h, 9);
      const originalLen = readI32LE(h, 13);
      const check = readI32LE(h, 17);
      if (method !== LZ4_METHOD_RAW && method !== LZ4_METHOD_LZ4) {
        throw codecError('lz4', at, `bad block token 0x${token.toString(16)} (method must be 0x10 or 0x20)`);
      }
      if (
        originalLen < 0 ||
        compressedLen < 0 ||
        originalLen > maxLen ||
        (originalLen === 0) !== (compressedLen === 0) ||
        (method === LZ4_METHOD_RAW && originalLen !== compressedLen) ||
        (method === LZ4_METHOD_LZ4 && compressedLen > lz4MaxCompressedLength(originalLen))
      ) {
        throw codecError(
          'lz4',
          at,
          `corrupt block header (token 0x${token.toString(16)}, compressed ${compressedLen}, original ${originalLen}, max ${maxLen})`,
        );
      }
      if (originalLen === 0) {
        // End marker of one stream; Spark keeps reading, so concatenated streams just continue.
        if (check !== 0) throw codecError('lz4', at, `end marker with non-zero checksum ${hex32(check)}`);
        q.skip(LZ4_HEADER_LENGTH);
        continue;
      }
      this.output.checkRoom(originalLen, at);
      const total = LZ4_HEADER_LENGTH + compressedLen;
      if (q.length < total) {
        this.need = total;
        return;
      }
      const block = q.peek(total);
      const dst = this.output.reserve(originalLen, at);
      const dp = this.output.pos;
      if (method === LZ4_METHOD_RAW) {
        dst.set(block.subarray(LZ4_HEADER_LENGTH, total), dp);
      } else {
        try {
          decodeLz4Block(block, LZ4_HEADER_LENGTH, total, dst, dp, dp + originalLen);
        } catch (e) {
          if (e instanceof Lz4BlockError) throw codecError('lz4', at, `corrupt LZ4 block: ${e.message}`);
          throw e;
        }
      }
      const actual = lz4BlockChecksum(dst, dp, dp + originalLen);
      if (actual !== (check >>> 0)) {
        throw codecError('lz4', at, `block checksum mismatch (header ${hex32(check)}, data ${hex32(actual)})`);
      }
      this.output.commit(originalLen);
      q.skip(total);
    }
    this.need = LZ4_HEADER_LENGTH;
  }
}
