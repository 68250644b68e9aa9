// Cross-checks the raw LZ4 block decoder and XXH32 against the reference lz4 CLI: its frame
// format wraps the same raw blocks and ends with XXH32(content, seed 0).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeLz4Block } from '../../src/server/eventlog/codecs/lz4Block.js';
import { xxhash32 } from '../../src/server/eventlog/codecs/xxhash32.js';
import { concat, readLog } from './helpers.js';

const LZ4 = '/usr/bin/lz4';
const BLOCK = 64 * 1024;

/** Splits an lz4 frame (independent 64 KiB blocks, content checksum) into its parts. */
function parseFrame(frame: Uint8Array) {
  const dv = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  expect(dv.getUint32(0, true)).toBe(0x184d2204);
  const flags = frame[4]!;
  let p = 7 + (flags & 0x08 ? 8 : 0) + (flags & 0x01 ? 4 : 0);
  const blocks: { bytes: Uint8Array; compressed: boolean }[] = [];
  for (;;) {
    const word = dv.getUint32(p, true);
    p += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    blocks.push({ bytes: frame.subarray(p, p + size), compressed: (word & 0x80000000) === 0 });
    p += size + (flags & 0x10 ? 4 : 0);
  }
  return { blocks, contentChecksum: flags & 0x04 ? dv.getUint32(p, true) : undefined };
}

describe.skipIf(!existsSync(LZ4))('against the lz4 CLI', () => {
  const log = readLog('local-1642039451826');
  const text = new TextEncoder().encode('The quick brown fox jumps over the lazy dog. '.repeat(5000));

  it.each([
    ['-1', log],
    ['-9', log],
    ['-12', text],
  ] as const)('decodes every raw block of `lz4 %s` and matches its XXH32 content checksum', (level, data) => {
    const frame = new Uint8Array(execFileSync(LZ4, ['-q', level, '-BI', '-B4', '-c'], { input: data, maxBuffer: 1 << 28 }));
    const { blocks, contentChecksum } = parseFrame(frame);
    expect(blocks.some((b) => b.compressed)).toBe(true);
    const out: Uint8Array[] = [];
    blocks.forEach((b, i) => {
      const size = Math.min(BLOCK, data.length - i * BLOCK);
      if (!b.compressed) {
        out.push(b.bytes);
        return;
      }
      const dst = new Uint8Array(size);
      decodeLz4Block(b.bytes, 0, b.bytes.length, dst, 0, size);
      out.push(dst);
    });
    expect(Buffer.compare(concat(out), data)).toBe(0);
    expect(xxhash32(data, 0, data.length, 0)).toBe(contentChecksum);
  });

  it('XXH32 agrees for every length from 0 to 64 (all tail paths)', () => {
    for (let n = 0; n <= 64; n++) {
      const data = log.subarray(1000, 1000 + n);
      const frame = new Uint8Array(execFileSync(LZ4, ['-q', '-c'], { input: data }));
      expect(xxhash32(data, 0, n, 0), `length ${n}`).toBe(parseFrame(frame).contentChecksum);
    }
  });
});
