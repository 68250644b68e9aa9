// When each encoder hands bytes to the file: this decides what an in-progress reader can see.
import { describe, expect, it } from 'vitest';
import { createEncoder } from '../../src/demo/encoders/index.js';
import { concat, decodeAll, readLog } from './helpers.js';

const log = readLog('app-20200706201101-0003');

describe('lz4 (lz4-java, syncFlush=false)', () => {
  it('writes a full 32 KiB block only when the next byte arrives, and never on flush', () => {
    const enc = createEncoder('lz4');
    expect(enc.write(log.subarray(0, 32768)).length).toBe(0);
    expect(enc.flush().length).toBe(0);
    const block = enc.write(log.subarray(32768, 32769));
    expect(new TextDecoder().decode(block.subarray(0, 8))).toBe('LZ4Block');
    expect(new DataView(block.buffer, block.byteOffset).getInt32(13, true)).toBe(32768);
    const tail = enc.end();
    // The 1 pending byte (raw, 22 bytes) and then the 21-byte end marker.
    expect(tail.length).toBe(21 + 1 + 21);
    expect([...tail.subarray(21 + 1 + 8)]).toEqual([0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('snappy (snappy-java)', () => {
  it('writes the header with the first chunk, and a chunk as soon as 32 KiB are buffered', () => {
    const enc = createEncoder('snappy');
    expect(enc.write(log.subarray(0, 32767)).length).toBe(0);
    const first = enc.write(log.subarray(32767, 32768));
    expect(first[0]).toBe(0x82);
    expect(enc.write(log.subarray(32768, 32800)).length).toBe(0);
    const flushed = enc.flush();
    expect(flushed.length).toBeGreaterThan(4);
    expect(enc.flush().length).toBe(0);
  });
});

describe('lzf (ning, finishBlockOnFlush=true)', () => {
  it('writes a chunk when 65535 bytes are buffered and on flush; tiny inputs are stored', async () => {
    const enc = createEncoder('lzf');
    expect(enc.write(log.subarray(0, 65534)).length).toBe(0);
    const chunk = enc.write(log.subarray(65534, 65535));
    expect([...chunk.subarray(0, 3)]).toEqual([0x5a, 0x56, 1]);
    expect((chunk[5]! << 8) | chunk[6]!).toBe(65535);
    enc.write(log.subarray(65535, 65545));
    const small = enc.flush();
    expect([...small.subarray(0, 5)]).toEqual([0x5a, 0x56, 0, 0, 10]);
    expect(enc.end().length).toBe(0);
    const out = await decodeAll('lzf', concat([chunk, small]), 1000, { truncatedTailOk: false });
    expect(Buffer.compare(out, log.subarray(0, 65545))).toBe(0);
  });
});

describe('zstd (zstd-jni, closeFrameOnFlush=true)', () => {
  it('starts a frame lazily, ends it on flush, and emits nothing on a flush without writes', () => {
    const enc = createEncoder('zstd');
    expect(enc.flush().length).toBe(0);
    expect(enc.write(log.subarray(0, 128 * 1024)).length).toBe(0);
    const firstBlock = enc.write(log.subarray(128 * 1024, 128 * 1024 + 1));
    expect([...firstBlock.subarray(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
    expect(firstBlock.length).toBe(6 + 3 + 128 * 1024);
    const rest = enc.flush();
    expect([...rest]).toEqual([0x09, 0, 0, log[128 * 1024]]); // last raw block of 1 byte
    expect(enc.flush().length).toBe(0);
    expect(enc.end().length).toBe(0);
  });

  it('uses RLE blocks for runs of one byte value', async () => {
    const enc = createEncoder('zstd');
    const zeros = new Uint8Array(100_000);
    const file = concat([enc.write(zeros), enc.end()]);
    expect(file.length).toBe(6 + 3 + 1);
    expect(Buffer.compare(await decodeAll('zstd', file, 3, { truncatedTailOk: false }), zeros)).toBe(0);
  });
});
