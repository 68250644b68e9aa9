import { describe, expect, it } from 'vitest';
import { CodecError, type CodecName, decodeStream } from '../../src/server/eventlog/codecs/index.js';
import { COMPRESSED_CODECS, chunked, concat, encodeLikeSpark, readLog } from './helpers.js';

const plain = readLog('app-20200706201101-0003');
// Highly compressible: 8 MiB of one repeated log.
const big = concat(Array.from({ length: Math.ceil((8 << 20) / plain.length) }, () => plain));

/** Decodes until done or failed; returns how much came out and the error, if any. */
async function decodeCapped(codec: CodecName, bytes: Uint8Array, cap: number, truncatedTailOk = false) {
  let produced = 0;
  try {
    for await (const c of decodeStream(codec, chunked(bytes, 64 * 1024), { truncatedTailOk, maxOutputBytes: cap })) produced += c.length;
    return { produced, error: undefined };
  } catch (e) {
    return { produced, error: e };
  }
}

describe.each([...COMPRESSED_CODECS, 'none'] as CodecName[])('%s: maxOutputBytes', (codec) => {
  const { bytes } = encodeLikeSpark(codec, big);

  it('throws a CodecError once the decoded size would pass the cap, never yielding more than it', async () => {
    const cap = 1 << 20;
    const { produced, error } = await decodeCapped(codec, bytes, cap);
    expect(error).toBeInstanceOf(CodecError);
    expect((error as Error).message).toMatch(/maxOutputBytes/);
    expect(produced).toBeLessThanOrEqual(cap);
  });

  it('allows output of exactly the cap', async () => {
    const { produced, error } = await decodeCapped(codec, bytes, big.length);
    expect(error).toBeUndefined();
    expect(produced).toBe(big.length);
  });
});

describe('bombs are refused before their data is buffered', () => {
  it('lz4: a header claiming a 32 MiB block fails at the header', async () => {
    const h = new Uint8Array(21);
    h.set(new TextEncoder().encode('LZ4Block'));
    h[8] = 0x2f; // LZ4, level 15 → blocks up to 32 MiB
    new DataView(h.buffer).setInt32(9, 200_000, true);
    new DataView(h.buffer).setInt32(13, 32 << 20, true);
    const { error } = await decodeCapped('lz4', h, 1 << 20, true);
    expect((error as Error).message).toMatch(/maxOutputBytes/);
  });
});
