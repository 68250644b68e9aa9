// Known-answer tests: hand-assembled blocks exercising every element kind of each raw format,
// so the decoders are checked against the format descriptions, not only against our encoders.
import { describe, expect, it } from 'vitest';
import { decodeLz4Block } from '../../src/server/eventlog/codecs/lz4Block.js';
import { xxhash32 } from '../../src/server/eventlog/codecs/xxhash32.js';
import { concat, decodeAll } from './helpers.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const be32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const le32 = (n: number) => Uint8Array.of(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24);

describe('XXH32', () => {
  it('matches published reference values', () => {
    expect(xxhash32(new Uint8Array(0), 0, 0, 0)).toBe(0x02cc5d05);
    expect(xxhash32(ascii('abc'), 0, 3, 0)).toBe(0x32d153ff);
  });
});

describe('raw LZ4 block', () => {
  it('literals, a short overlapping match, and trailing literals', () => {
    const src = concat([Uint8Array.of(0x46), ascii('abcd'), Uint8Array.of(4, 0), Uint8Array.of(0x50), ascii('xyz12')]);
    const dst = new Uint8Array(19);
    decodeLz4Block(src, 0, src.length, dst, 0, dst.length);
    expect(new TextDecoder().decode(dst)).toBe('abcdabcdabcdabxyz12');
  });

  it('extended literal and match lengths (255-continuation bytes)', () => {
    const lits = ascii('0123456789ABCDEFGHIJ'); // 20 bytes: 15 + 5
    const src = concat([Uint8Array.of(0xff, 5), lits, Uint8Array.of(1, 0, 255, 26), Uint8Array.of(0x50), ascii('tail!')]);
    const dst = new Uint8Array(20 + 300 + 5);
    decodeLz4Block(src, 0, src.length, dst, 0, dst.length);
    expect(new TextDecoder().decode(dst)).toBe(`0123456789ABCDEFGHIJ${'J'.repeat(300)}tail!`);
  });

  it('rejects an offset reaching before the block, and a short decode', () => {
    const bad = concat([Uint8Array.of(0x10), ascii('a'), Uint8Array.of(5, 0), Uint8Array.of(0x10), ascii('b')]);
    expect(() => decodeLz4Block(bad, 0, bad.length, new Uint8Array(10), 0, 10)).toThrow(/outside/);
    const short = concat([Uint8Array.of(0x30), ascii('abc')]);
    expect(() => decodeLz4Block(short, 0, short.length, new Uint8Array(4), 0, 4)).toThrow(/3 bytes/);
  });

  it('inside an lz4-java block stream, with its 28-bit XXH32 checksum', async () => {
    const payload = concat([Uint8Array.of(0x46), ascii('abcd'), Uint8Array.of(4, 0), Uint8Array.of(0x50), ascii('xyz12')]);
    const expected = ascii('abcdabcdabcdabxyz12');
    const check = xxhash32(expected, 0, expected.length, 0x9747b28c) & 0x0fffffff;
    const header = concat([ascii('LZ4Block'), Uint8Array.of(0x25), le32(payload.length), le32(expected.length), le32(check)]);
    const endMarker = concat([ascii('LZ4Block'), Uint8Array.of(0x15), new Uint8Array(12)]);
    const out = await decodeAll('lz4', concat([header, payload, endMarker]), 3, { truncatedTailOk: false });
    expect(new TextDecoder().decode(out)).toBe('abcdabcdabcdabxyz12');
  });
});

describe('raw Snappy block in a snappy-java stream', () => {
  const streamHeader = concat([Uint8Array.of(0x82), ascii('SNAPPY'), Uint8Array.of(0), be32(1), be32(1)]);
  const block = concat([
    Uint8Array.of(91), // varint uncompressed length
    Uint8Array.of(0x0c),
    ascii('abcd'), // literal, 4 bytes
    Uint8Array.of(0x11, 0x04), // copy-1: length 8, offset 4
    Uint8Array.of(0x16, 0x0c, 0x00), // copy-2: length 6, offset 12
    Uint8Array.of(0x0b, 0x01, 0x00, 0x00, 0x00), // copy-4: length 3, offset 1
    Uint8Array.of(0xf0, 69),
    ascii('x'.repeat(70)), // literal with a 1-byte length
  ]);
  const expected = `abcdabcdabcdabcdabbbb${'x'.repeat(70)}`;

  it('decodes literal, copy-1, copy-2 and copy-4 elements', async () => {
    const out = await decodeAll('snappy', concat([streamHeader, be32(block.length), block]), 5, { truncatedTailOk: false });
    expect(new TextDecoder().decode(out)).toBe(expected);
  });

  it('rejects a copy reaching before the block', async () => {
    const bad = concat([Uint8Array.of(6, 0x00), ascii('a'), Uint8Array.of(0x05, 0x09)]); // literal 'a', then copy-1 of 5 at offset 9
    await expect(decodeAll('snappy', concat([streamHeader, be32(bad.length), bad]), 5, { truncatedTailOk: false })).rejects.toThrow(
      /outside/,
    );
  });
});

describe('LZF chunks', () => {
  it('decode stored and compressed chunks with short and long back-references', async () => {
    const payload = concat([Uint8Array.of(0x02), ascii('abc'), Uint8Array.of(0x60, 0x02), Uint8Array.of(0xe0, 11, 0x00)]);
    const compressed = concat([ascii('ZV'), Uint8Array.of(1, 0, payload.length, 0, 28), payload]);
    const stored = concat([ascii('ZV'), Uint8Array.of(0, 0, 3), ascii('end')]);
    const out = await decodeAll('lzf', concat([compressed, stored]), 2, { truncatedTailOk: false });
    expect(new TextDecoder().decode(out)).toBe(`abcabcab${'b'.repeat(20)}end`);
  });

  it('rejects a back-reference reaching before the chunk', async () => {
    const payload = Uint8Array.of(0x00, 0x61, 0x20, 0x05);
    const chunk = concat([ascii('ZV'), Uint8Array.of(1, 0, payload.length, 0, 4), payload]);
    await expect(decodeAll('lzf', chunk, 64, { truncatedTailOk: false })).rejects.toThrow(/outside/);
  });
});
