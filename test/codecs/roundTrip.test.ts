import { describe, expect, it } from 'vitest';
import { type CodecName, sniffCodec } from '../../src/server/eventlog/codecs/index.js';
import { COMPRESSED_CODECS, decodeAll, encodeLikeSpark, readLog, walkUnits } from './helpers.js';

const LOGS = ['app-20200706201101-0003', 'local-1642039451826'];
const CHUNK_SIZES = [1, 7, 64 * 1024];

describe.each(COMPRESSED_CODECS)('%s round trip through Spark-like encoding', (codec) => {
  describe.each(LOGS)('%s', (log) => {
    const plain = readLog(log);
    const { bytes } = encodeLikeSpark(codec, plain);

    it.each(CHUNK_SIZES)('decodes exactly when fed in %i-byte chunks', async (size) => {
      const decoded = await decodeAll(codec, bytes, size, { truncatedTailOk: false });
      expect(decoded.length).toBe(plain.length);
      expect(Buffer.compare(decoded, plain)).toBe(0);
    });

    it('is recognised by sniffCodec and decodes under the sniffed codec', async () => {
      const sniffed = sniffCodec(bytes.subarray(0, 16));
      expect(sniffed).toBe(codec);
      const decoded = await decodeAll(sniffed!, bytes, 1 << 20, { truncatedTailOk: false });
      expect(Buffer.compare(decoded, plain)).toBe(0);
    });
  });
});

describe('encoder framing matches Spark', () => {
  const plain = readLog('app-20200706201101-0003');
  const units = (codec: CodecName) => walkUnits(codec, encodeLikeSpark(codec, plain).bytes);

  it('lz4: 32 KiB blocks with level-5 tokens, really compressed, then one end marker', () => {
    const { bytes } = encodeLikeSpark('lz4', plain);
    const blocks = walkUnits('lz4', bytes);
    const tokens = new Set(blocks.map((u) => bytes[u.start + 8]));
    expect([...tokens].every((t) => t === 0x25 || t === 0x15)).toBe(true);
    expect(tokens.has(0x25)).toBe(true);
    const data = blocks.slice(0, -1);
    expect(data.slice(0, -1).every((u) => u.decoded === 32768)).toBe(true);
    const marker = blocks.at(-1)!;
    expect(marker.end - marker.start).toBe(21);
    expect(marker.decoded).toBe(0);
    expect(bytes.length).toBeLessThan(plain.length / 2);
  });

  it('snappy: lazily written 16-byte header, chunks of at most 32 KiB, really compressed', () => {
    const chunks = units('snappy');
    expect(chunks[0]).toMatchObject({ start: 0, end: 16 });
    expect(chunks.slice(1).every((u) => u.decoded > 0 && u.decoded <= 32768)).toBe(true);
    expect(chunks.at(-1)!.end).toBeLessThan(plain.length / 2);
  });

  it('lzf: chunks of at most 65535 bytes, compressed ones among them', () => {
    const { bytes } = encodeLikeSpark('lzf', plain);
    const chunks = walkUnits('lzf', bytes);
    expect(chunks.every((u) => u.decoded > 0 && u.decoded <= 65535)).toBe(true);
    expect(chunks.some((u) => bytes[u.start + 2] === 1)).toBe(true);
    expect(bytes.length).toBeLessThan(plain.length / 2);
  });

  it('zstd: one frame per Spark flush point, window log 19, no content size or checksum', () => {
    const { bytes, snapshots } = encodeLikeSpark('zstd', plain);
    const blocks = walkUnits('zstd', bytes);
    const frames = blocks.filter((u) => u.cleanAfter).length;
    // One frame per flush, plus one for the lines after the last flush (if any).
    expect(frames).toBeGreaterThanOrEqual(snapshots.length);
    expect(frames).toBeLessThanOrEqual(snapshots.length + 1);
    expect([...bytes.subarray(0, 6)]).toEqual([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x48]);
  });

  it('plain: encoder and decoder pass bytes through', async () => {
    const { bytes } = encodeLikeSpark('none', plain);
    expect(Buffer.compare(bytes, plain)).toBe(0);
    const decoded = await decodeAll('none', bytes, 7, { truncatedTailOk: false });
    expect(Buffer.compare(decoded, plain)).toBe(0);
  });
});
