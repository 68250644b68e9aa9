import { describe, expect, it } from 'vitest';
import { CodecError, type CodecName } from '../../src/server/eventlog/codecs/index.js';
import { COMPRESSED_CODECS, concat, decodeAll, encodeLikeSpark, readLog, walkUnits } from './helpers.js';

const plain = readLog('app-20200706201101-0003');
const other = readLog('application_1578436911597_0052');

async function decodeError(codec: CodecName, bytes: Uint8Array, truncatedTailOk = false): Promise<CodecError> {
  try {
    await decodeAll(codec, bytes, 4096, { truncatedTailOk });
  } catch (e) {
    expect(e).toBeInstanceOf(CodecError);
    return e as CodecError;
  }
  throw new Error('expected a CodecError');
}

describe('lz4', () => {
  const { bytes } = encodeLikeSpark('lz4', plain);
  const blocks = walkUnits('lz4', bytes);

  it('a flipped checksum byte is reported as a checksum mismatch at the block offset', async () => {
    const second = blocks[1]!.start;
    const bad = bytes.slice();
    bad[second + 17]! ^= 0x01;
    const e = await decodeError('lz4', bad);
    expect(e.message).toMatch(/checksum/);
    expect(e.message).toContain(`at byte ${second}`);
    expect(e.codec).toBe('lz4');
    expect(e.offset).toBe(second);
    // A damaged block is not a torn tail: still an error when tails are tolerated.
    expect((await decodeError('lz4', bad, true)).message).toMatch(/checksum/);
  });

  it('a flipped payload byte is caught (by the block decoder or the checksum)', async () => {
    const bad = bytes.slice();
    bad[blocks[0]!.start + 21 + 100]! ^= 0x20;
    const e = await decodeError('lz4', bad);
    expect(e.message).toMatch(/checksum|corrupt/);
  });

  it('garbage after a valid stream is an error, even when tails are tolerated', async () => {
    const garbage = new TextEncoder().encode('this is not an lz4 block header at all');
    for (const tolerate of [false, true]) {
      const e = await decodeError('lz4', concat([bytes, garbage]), tolerate);
      expect(e.message).toMatch(/magic/);
      expect(e.offset).toBe(bytes.length);
    }
    // Too short to be a header, but still not the start of one.
    expect((await decodeError('lz4', concat([bytes, garbage.subarray(0, 5)]), true)).message).toMatch(/magic/);
  });

  it('concatenated streams (end marker in the middle) decode as one, as Spark 2.3+ reads them', async () => {
    const second = encodeLikeSpark('lz4', other).bytes;
    const out = await decodeAll('lz4', concat([bytes, second]), 1000, { truncatedTailOk: false });
    expect(Buffer.compare(out, concat([plain, other]))).toBe(0);
  });

  it('rejects impossible headers: bad method, over-long block, raw lengths that differ', async () => {
    const header = (token: number, clen: number, olen: number) => {
      const h = new Uint8Array(21 + Math.max(0, clen));
      h.set(new TextEncoder().encode('LZ4Block'));
      h[8] = token;
      new DataView(h.buffer).setInt32(9, clen, true);
      new DataView(h.buffer).setInt32(13, olen, true);
      return h;
    };
    expect((await decodeError('lz4', header(0x35, 10, 10))).message).toMatch(/method/);
    expect((await decodeError('lz4', header(0x25, 100, 32769))).message).toMatch(/corrupt block header/);
    expect((await decodeError('lz4', header(0x15, 10, 11))).message).toMatch(/corrupt block header/);
    expect((await decodeError('lz4', header(0x25, 0, 10))).message).toMatch(/corrupt block header/);
    expect((await decodeError('lz4', header(0x25, -5, 10))).message).toMatch(/corrupt block header/);
  });
});

describe('snappy', () => {
  const { bytes } = encodeLikeSpark('snappy', plain);
  const chunks = walkUnits('snappy', bytes);

  it('concatenated streams (a header where a chunk length is expected) decode as one', async () => {
    const second = encodeLikeSpark('snappy', other).bytes;
    const out = await decodeAll('snappy', concat([bytes, second]), 333, { truncatedTailOk: false });
    expect(Buffer.compare(out, concat([plain, other]))).toBe(0);
  });

  it('a negative or absurd chunk length is corruption', async () => {
    const bad = bytes.slice();
    bad[16] = 0xff;
    expect((await decodeError('snappy', bad, true)).message).toMatch(/bad chunk length/);
    bad[16] = 0x7f;
    expect((await decodeError('snappy', bad, true)).message).toMatch(/bad chunk length/);
  });

  it('a chunk whose declared size disagrees with its contents is corruption', async () => {
    const bad = bytes.slice();
    // Bump the varint's low byte: the block now decodes to fewer bytes than it claims.
    bad[chunks[1]!.start + 4]! += 1;
    const e = await decodeError('snappy', bad);
    expect(e.message).toMatch(/corrupt chunk/);
    expect(e.offset).toBe(16);
  });
});

describe('lzf', () => {
  it('an unknown chunk type is corruption', async () => {
    const { bytes } = encodeLikeSpark('lzf', plain);
    const bad = bytes.slice();
    bad[2] = 2;
    expect((await decodeError('lzf', bad, true)).message).toMatch(/signature/);
  });
});

describe('wrong codec or garbage', () => {
  const json = plain.subarray(0, 1000);
  it.each(COMPRESSED_CODECS)('%s rejects a plain JSON log with a clear message at byte 0', async (codec) => {
    const e = await decodeError(codec, json);
    expect(e.message).toMatch(/magic|header|signature/);
    expect(e.message).toMatch(new RegExp(`^${codec}: `));
    expect(e.offset).toBe(0);
  });

  it.each([
    ['lz4', 'snappy'],
    ['snappy', 'zstd'],
    ['zstd', 'lzf'],
    ['lzf', 'lz4'],
  ] as const)('%s data given to the %s decoder is rejected', async (written, read) => {
    const { bytes } = encodeLikeSpark(written, plain);
    await decodeError(read, bytes, true);
  });

  it('the snappy framing format (not what Spark writes) is rejected', async () => {
    const framed = Uint8Array.of(0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59, 0, 0, 0, 0, 0, 0);
    expect((await decodeError('snappy', framed)).message).toMatch(/header/);
  });
});
