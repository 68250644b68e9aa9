// Really-compressed zstd (Huffman/FSE blocks) from Debian's zstd CLI, as CI installs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CodecError, decodeStream, sniffCodec } from '../../src/server/eventlog/codecs/index.js';
import { chunked, concat, decodeAll, readLog, sparkFlushesAfter, splitLines } from './helpers.js';

const ZSTD = '/usr/bin/zstd';
const dir = mkdtempSync(join(tmpdir(), 'codecs-zstd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zstd(args: string[], input?: Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync(ZSTD, args, { input, maxBuffer: 1 << 30 }));
}

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Deterministic, poorly compressible bytes (so a few MiB stay a few MiB compressed). */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 0x12345678;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const logA = readLog('app-20200706201101-0003');
const logB = readLog('local-1642039451826');
const logC = readLog('application_1578436911597_0052');

describe.skipIf(!existsSync(ZSTD))('zstd frames from the zstd CLI', () => {
  it.each([
    ['-1', ['-q', '-1', '-c']],
    ['-19', ['-q', '-19', '-c']],
    ['--ultra -22', ['-q', '--ultra', '-22', '-c']],
    ['-3 --no-check', ['-q', '-3', '--no-check', '-c']],
  ])('single frame (%s, content size known) decodes exactly in 1, 7 and 64 KiB chunks', async (_label, args) => {
    const compressed = zstd([...args, file('a.json', logA)]);
    expect(sniffCodec(compressed)).toBe('zstd');
    for (const size of [1, 7, 65536]) {
      const out = await decodeAll('zstd', compressed, size, { truncatedTailOk: false });
      expect(Buffer.compare(out, logA)).toBe(0);
    }
  });

  it('frame from stdin (size unknown, 512 KiB window, as zstd-jni writes) decodes exactly', async () => {
    const compressed = zstd(['-q', '-1', '--no-check', '-c'], logB);
    const out = await decodeAll('zstd', compressed, 4096, { truncatedTailOk: false });
    expect(Buffer.compare(out, logB)).toBe(0);
  });

  it('several CLI files concatenated with `cat` decode to the concatenation', async () => {
    const paths = [
      file('a.zst', zstd(['-q', '-1', '-c', file('a.json', logA)])),
      file('b.zst', zstd(['-q', '-9', '-c', file('b.json', logB)])),
      file('c.zst', zstd(['-q', '-1', '--no-check', '-c'], logC)),
    ];
    const catted = new Uint8Array(execFileSync('cat', paths, { maxBuffer: 1 << 30 }));
    for (const size of [7, 65536, 1 << 20]) {
      const out = await decodeAll('zstd', catted, size, { truncatedTailOk: false });
      expect(Buffer.compare(out, concat([logA, logB, logC]))).toBe(0);
    }
  });

  it('one compressed frame per Spark flush point (Spark 3.x layout) decodes exactly', async () => {
    const segments: Uint8Array[] = [];
    let current: Uint8Array[] = [];
    for (const line of splitLines(logA)) {
      current.push(line);
      if (sparkFlushesAfter(line)) {
        segments.push(concat(current));
        current = [];
      }
    }
    if (current.length) segments.push(concat(current));
    expect(segments.length).toBeGreaterThan(10);
    const frames = concat(segments.map((s) => zstd(['-q', '-1', '--no-check', '-c'], s)));
    for (const size of [7, 65536]) {
      const out = await decodeAll('zstd', frames, size, { truncatedTailOk: false });
      expect(Buffer.compare(out, logA)).toBe(0);
    }
  });

  it('skippable frames before and between frames are skipped', async () => {
    const skippable = (magicLow: number, payload: Uint8Array) => {
      const h = new Uint8Array(8);
      new DataView(h.buffer).setUint32(0, 0x184d2a50 | magicLow, true);
      new DataView(h.buffer).setUint32(4, payload.length, true);
      return concat([h, payload]);
    };
    const a = zstd(['-q', '-1', '-c'], logA);
    const c = zstd(['-q', '-1', '-c'], logC);
    const stream = concat([skippable(0, new Uint8Array(100_000).fill(7)), a, skippable(0xf, new Uint8Array(0)), c, skippable(3, new Uint8Array(5))]);
    expect(sniffCodec(stream)).toBe('zstd');
    for (const size of [1, 4096]) {
      const out = await decodeAll('zstd', stream, size, { truncatedTailOk: false });
      expect(Buffer.compare(out, concat([logA, logC]))).toBe(0);
    }
  });

  describe('a frame too big to gather is streamed', () => {
    const data = concat([logA, noise(3 << 20), logB]);
    const compressed = zstd(['-q', '-1', '--no-check', '-c'], data);

    it('and decodes exactly in 7-byte, 64 KiB and 1 MiB chunks', async () => {
      expect(compressed.length).toBeGreaterThan(3 << 20);
      for (const size of [7, 65536, 1 << 20]) {
        const out = await decodeAll('zstd', compressed, size, { truncatedTailOk: false });
        expect(out.length).toBe(data.length);
        expect(Buffer.compare(out, data)).toBe(0);
      }
    });

    it('and, torn, yields a prefix covering all complete blocks (or throws when not tolerated)', async () => {
      for (const cut of [100, 1_000_000, 2_500_000, compressed.length - 10]) {
        const torn = compressed.subarray(0, cut);
        const out = await decodeAll('zstd', torn, 65536, { truncatedTailOk: true });
        expect(Buffer.compare(out, data.subarray(0, out.length))).toBe(0);
        // Blocks hold at most 128 KiB, and little of the noise compresses.
        if (cut > 1_000_000) expect(out.length).toBeGreaterThan(cut - 300_000);
        await expect(decodeAll('zstd', torn, 65536, { truncatedTailOk: false })).rejects.toThrow(CodecError);
      }
    });
  });

  it('a torn gathered frame yields its complete blocks', async () => {
    const data = concat([logA, logB, logC]);
    const compressed = zstd(['-q', '-1', '-B16384', '-c'], data); // many small blocks
    let sawPartial = false;
    for (let cut = 20; cut < compressed.length; cut += Math.floor(compressed.length / 37)) {
      const out = await decodeAll('zstd', compressed.subarray(0, cut), 5000, { truncatedTailOk: true });
      expect(Buffer.compare(out, data.subarray(0, out.length))).toBe(0);
      if (out.length > 0 && out.length < data.length) sawPartial = true;
    }
    expect(sawPartial).toBe(true);
  });

  it('a declared content size that does not match the data is corruption', async () => {
    const compressed = zstd(['-q', '-1', '-c', file('a.json', logA)]);
    const descriptor = compressed[4]!;
    const fcsBytes = [descriptor & 0x20 ? 1 : 0, 2, 4, 8][descriptor >>> 6]!;
    expect(fcsBytes).toBe(4); // a 266 KB file: 4-byte content size
    const fcsAt = 4 + 1 + (descriptor & 0x20 ? 0 : 1) + [0, 1, 2, 4][descriptor & 3]!;
    const bad = compressed.slice();
    new DataView(bad.buffer).setUint32(fcsAt, logA.length - 1, true);
    await expect(decodeAll('zstd', bad, 65536, { truncatedTailOk: false })).rejects.toThrow(/decodes to more|header says/);
  });

  it('a zstd bomb (64 MiB of zeros) stops at maxOutputBytes', async () => {
    const compressed = zstd(['-q', '-1', '-c'], new Uint8Array(64 << 20));
    expect(compressed.length).toBeLessThan(64 * 1024);
    let produced = 0;
    const run = async () => {
      for await (const c of decodeStream('zstd', chunked(compressed, 65536), { truncatedTailOk: false, maxOutputBytes: 1 << 20 })) produced += c.length;
    };
    await expect(run()).rejects.toThrow(/maxOutputBytes/);
    expect(produced).toBeLessThanOrEqual(1 << 20);
  });

  it('rejects reserved bits, reserved block types, dictionaries and oversized windows', async () => {
    const good = zstd(['-q', '-1', '--no-check', '-c'], logC);
    const withByte = (at: number, value: number) => {
      const b = good.slice();
      b[at] = value;
      return b;
    };
    await expect(decodeAll('zstd', withByte(4, good[4]! | 0x08), 4096, { truncatedTailOk: true })).rejects.toThrow(/reserved bit/);
    await expect(decodeAll('zstd', withByte(4, good[4]! | 0x01), 4096, { truncatedTailOk: true })).rejects.toThrow(/dictionar/);
    await expect(decodeAll('zstd', withByte(5, 0xf8), 4096, { truncatedTailOk: true })).rejects.toThrow(/window/);
    // First block header right after the 6-byte frame header: set block type 3 (reserved).
    expect(good[4]).toBe(0);
    await expect(decodeAll('zstd', withByte(6, good[6]! | 0x06), 4096, { truncatedTailOk: true })).rejects.toThrow(/reserved block type/);
  });
});
