// xerial snappy-java SnappyOutputStream format (spec §5.3), NOT the Snappy framing format:
// a 16-byte header, then chunks of BE int32 compressed length + raw Snappy block. A length word
// equal to the first 4 magic bytes starts another (concatenated) stream header.
// Not supported: snappy-java's fallback of reading a magic-less input as one raw Snappy block
// (it needs the whole file in memory, and Spark's writer always starts with the header).
import { BufferedDecoder } from './bufferedDecoder.js';
import { codecError } from './codecError.js';
import type { DecodeOptions } from './decodeOptions.js';
import { SNAPPY_STREAM_MAGIC, matchesMagicPrefix, readI32BE } from './magic.js';
import { SnappyBlockError, decodeSnappyElements, readSnappyLength, snappyMaxUncompressedLength } from './snappyBlock.js';

export const SNAPPY_HEADER_LENGTH = 16;
/** The magic's first 4 bytes read as a BE int32: marks a concatenated header where a length is expected. */
const MAGIC_HEAD_WORD = readI32BE(SNAPPY_STREAM_MAGIC, 0);
/**
 * Largest chunk accepted, compressed or not. Spark writes 32 KiB chunks; snappy-java reads up to
 * 512 MiB, but a chunk is buffered whole, so anything above this is treated as corruption.
 */
export const SNAPPY_MAX_CHUNK_BYTES = 64 * 1024 * 1024;

export class SnappyStreamDecoder extends BufferedDecoder {
  private headerSeen = false;

  constructor(opts: DecodeOptions) {
    super('snappy', opts, SNAPPY_HEADER_LENGTH);
  }

  end(): Uint8Array[] {
    this.drain();
    const q = this.input;
    // 0 bytes is a young in-progress log whose header has not been flushed yet: empty, not an error.
    if (q.length > 0) {
      const at = q.offset;
      if (!this.headerSeen && !matchesMagicPrefix(q.peek(Math.min(q.length, 8)), 0, SNAPPY_STREAM_MAGIC)) {
        throw codecError('snappy', at, 'bad stream header (not a snappy-java SnappyOutputStream)');
      }
      // snappy-java ends quietly on a partial length word; reported here like any torn tail.
      if (!this.opts.truncatedTailOk) {
        const where = !this.headerSeen ? 'the stream header' : q.length < 4 ? 'a chunk length' : 'a chunk';
        throw codecError('snappy', at, `stream ended inside ${where} (${q.length} of ${this.need} bytes present)`);
      }
    }
    return this.output.take();
  }

  protected drain(): void {
    const q = this.input;
    if (!this.headerSeen) {
      if (q.length < SNAPPY_HEADER_LENGTH) {
        if (q.length > 0 && !matchesMagicPrefix(q.peek(Math.min(q.length, 8)), 0, SNAPPY_STREAM_MAGIC)) {
          throw codecError('snappy', q.offset, 'bad stream header (not a snappy-java SnappyOutputStream)');
        }
        this.need = SNAPPY_HEADER_LENGTH;
        return;
      }
      this.readHeader(false);
    }
    while (q.length >= 4) {
      const at = q.offset;
      const word = readI32BE(q.peek(4), 0);
      if (word === MAGIC_HEAD_WORD) {
        if (q.length < SNAPPY_HEADER_LENGTH) {
          this.need = SNAPPY_HEADER_LENGTH;
          return;
        }
        this.readHeader(true);
        continue;
      }
      if (word <= 0 || word > SNAPPY_MAX_CHUNK_BYTES) {
        throw codecError('snappy', at, `bad chunk length ${word}`);
      }
      const total = 4 + word;
      if (q.length < total) {
        // Check the declared size early: no point buffering a chunk that cannot be accepted.
        if (q.length >= 9) this.checkDeclaredLength(q.peek(9), 4, 9, word, at);
        this.need = total;
        return;
      }
      const chunk = q.peek(total);
      const { length, headerBytes } = this.checkDeclaredLength(chunk, 4, total, word, at);
      const dst = this.output.reserve(length, at);
      const dp = this.output.pos;
      try {
        decodeSnappyElements(chunk, 4 + headerBytes, total, dst, dp, dp + length);
      } catch (e) {
        if (e instanceof SnappyBlockError) throw codecError('snappy', at, `corrupt chunk: ${e.message}`);
        throw e;
      }
      this.output.commit(length);
      q.skip(total);
    }
    this.need = 4;
  }

  private checkDeclaredLength(bytes: Uint8Array, sp: number, sEnd: number, compressed: number, at: number) {
    let parsed: { length: number; headerBytes: number };
    try {
      parsed = readSnappyLength(bytes, sp, sEnd);
    } catch (e) {
      if (e instanceof SnappyBlockError) throw codecError('snappy', at, `corrupt chunk: ${e.message}`);
      throw e;
    }
    if (parsed.length > SNAPPY_MAX_CHUNK_BYTES || parsed.length > snappyMaxUncompressedLength(compressed)) {
      throw codecError('snappy', at, `chunk of ${compressed} bytes claims an impossible uncompressed length ${parsed.length}`);
    }
    this.output.checkRoom(parsed.length, at);
    return parsed;
  }

  private readHeader(concatenated: boolean): void {
    const q = this.input;
    const at = q.offset;
    const h = q.peek(SNAPPY_HEADER_LENGTH);
    if (!matchesMagicPrefix(h, 0, SNAPPY_STREAM_MAGIC)) {
      throw codecError('snappy', at, 'bad stream header (not a snappy-java SnappyOutputStream)');
    }
    // snappy-java checks the version only on concatenated headers; 1 is the only one ever written.
    const version = readI32BE(h, 8);
    if (concatenated && version < 1) throw codecError('snappy', at, `incompatible stream version ${version}`);
    q.skip(SNAPPY_HEADER_LENGTH);
    this.headerSeen = true;
  }
}
