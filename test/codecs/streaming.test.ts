import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodecError, type CodecName, createDecoder, decodeStream } from '../../src/server/eventlog/codecs/index.js';
import { COMPRESSED_CODECS, concat, encodeLikeSpark, readLog } from './helpers.js';

const plain = readLog('local-1642039451826');
const big = concat(Array.from({ length: 12 }, () => plain)); // ~5 MB

/** Decodes with 64 KiB input chunks; reports how much input had been read when output first appeared. */
async function firstOutputAfter(codec: CodecName, bytes: Uint8Array) {
  let consumed = 0;
  async function* source() {
    for (let i = 0; i < bytes.length; i += 65536) {
      consumed = Math.min(bytes.length, i + 65536);
      yield bytes.subarray(i, consumed);
    }
  }
  let firstAt = -1;
  let total = 0;
  for await (const c of decodeStream(codec, source(), { truncatedTailOk: false })) {
    if (firstAt < 0) firstAt = consumed;
    total += c.length;
  }
  return { firstAt, total };
}

describe('decoding is incremental, not whole-file', () => {
  it.each(COMPRESSED_CODECS)('%s yields output after the first 64 KiB of input', async (codec) => {
    const { bytes } = encodeLikeSpark(codec, big);
    expect(bytes.length).toBeGreaterThan(10 * 65536);
    const { firstAt, total } = await firstOutputAfter(codec, bytes);
    expect(firstAt).toBe(65536);
    expect(total).toBe(big.length);
  });

  it.skipIf(!existsSync('/usr/bin/zstd'))('zstd: one huge frame is streamed once it passes 2 MiB, not gathered whole', async () => {
    const noise = new Uint8Array(6 << 20);
    let x = 1;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    const compressed = new Uint8Array(execFileSync('/usr/bin/zstd', ['-q', '-1', '-c'], { input: noise, maxBuffer: 1 << 30 }));
    const { firstAt, total } = await firstOutputAfter('zstd', compressed);
    expect(firstAt).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    expect(total).toBe(noise.length);
  });
});

describe('API edges', () => {
  it('an unknown codec name is a CodecError, thrown when the stream is created', () => {
    const source = (async function* () {})();
    expect(() => decodeStream('gzip' as CodecName, source, { truncatedTailOk: false })).toThrow(CodecError);
  });

  it('a negative or NaN maxOutputBytes is rejected', () => {
    expect(() => createDecoder('lz4', { truncatedTailOk: false, maxOutputBytes: -1 })).toThrow(/maxOutputBytes/);
    expect(() => createDecoder('lz4', { truncatedTailOk: false, maxOutputBytes: Number.NaN })).toThrow(/maxOutputBytes/);
  });

  it('yielded chunks are never rewritten by later decoding', async () => {
    const { bytes } = encodeLikeSpark('lz4', big);
    const d = createDecoder('lz4', { truncatedTailOk: false });
    const kept: { chunk: Uint8Array; copy: Uint8Array }[] = [];
    for (let i = 0; i < bytes.length; i += 5000) {
      for (const c of d.push(bytes.subarray(i, i + 5000))) kept.push({ chunk: c, copy: c.slice() });
    }
    for (const c of d.end()) kept.push({ chunk: c, copy: c.slice() });
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.every(({ chunk, copy }) => Buffer.compare(chunk, copy) === 0)).toBe(true);
  });
});
