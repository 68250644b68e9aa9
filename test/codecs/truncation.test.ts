import { describe, expect, it } from 'vitest';
import { CodecError } from '../../src/server/eventlog/codecs/index.js';
import { createEncoder } from '../../src/demo/encoders/index.js';
import { COMPRESSED_CODECS, concat, decodeAll, encodeLikeSpark, expectationAtCut, readLog, walkUnits } from './helpers.js';

const plain = readLog('app-20200706201101-0003');

/** Offsets to cut at: every unit boundary and its neighbours, plus a spread of arbitrary ones. */
function cutOffsets(units: { end: number }[], length: number): number[] {
  const cuts = new Set<number>([0, 1, 2, 5, 15, 16, 17, 20, 21, 22, length - 1]);
  for (const u of units) for (const d of [-1, 0, 1, 2]) cuts.add(u.end + d);
  let seed = 12345;
  for (let i = 0; i < 40; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    cuts.add(seed % length);
  }
  return [...cuts].filter((c) => c >= 0 && c < length).sort((a, b) => a - b);
}

describe.each(COMPRESSED_CODECS)('%s with a truncated tail', (codec) => {
  const { bytes } = encodeLikeSpark(codec, plain);
  const units = walkUnits(codec, bytes);
  const cuts = cutOffsets(units, bytes.length);

  it(`tolerated: every cut decodes to exactly the complete units before it (${cuts.length} cuts)`, async () => {
    for (const cut of cuts) {
      const { decoded: expected } = expectationAtCut(units, cut);
      const out = await decodeAll(codec, bytes.subarray(0, cut), 4096, { truncatedTailOk: true });
      expect(out.length, `cut at ${cut}`).toBe(expected);
      expect(Buffer.compare(out, plain.subarray(0, expected)), `cut at ${cut}`).toBe(0);
    }
  });

  it('not tolerated: a CodecError at every cut except clean unit boundaries', async () => {
    let clean = 0;
    let torn = 0;
    for (const cut of cuts) {
      const { decoded: expected, clean: isClean } = expectationAtCut(units, cut);
      const run = decodeAll(codec, bytes.subarray(0, cut), 4096, { truncatedTailOk: false });
      if (isClean) {
        clean++;
        const out = await run;
        expect(out.length, `cut at ${cut}`).toBe(expected);
      } else {
        torn++;
        await expect(run, `cut at ${cut}`).rejects.toThrow(CodecError);
      }
    }
    expect(clean).toBeGreaterThan(2);
    expect(torn).toBeGreaterThan(20);
  });
});

describe('what an in-progress reader sees after each Spark flush (spec §5.7)', () => {
  it.each(['snappy', 'lzf', 'zstd'] as const)('%s: everything written up to the flush', async (codec) => {
    const { snapshots } = encodeLikeSpark(codec, plain);
    expect(snapshots.length).toBeGreaterThan(10);
    for (const { file, written } of snapshots) {
      const out = await decodeAll(codec, file, 65536, { truncatedTailOk: false });
      expect(out.length).toBe(written);
      expect(Buffer.compare(out, plain.subarray(0, written))).toBe(0);
    }
  });

  it('lz4: only complete 32 KiB blocks (syncFlush=false), still a clean stream', async () => {
    const { snapshots } = encodeLikeSpark('lz4', plain);
    for (const { file, written } of snapshots) {
      // lz4-java writes a full block only once the next byte arrives.
      const visible = written <= 32768 ? 0 : Math.floor((written - 1) / 32768) * 32768;
      const out = await decodeAll('lz4', file, 65536, { truncatedTailOk: false });
      expect(out.length).toBe(visible);
      expect(Buffer.compare(out, plain.subarray(0, visible))).toBe(0);
    }
  });

  it('empty files are valid and empty for every codec (nothing flushed yet)', async () => {
    for (const codec of COMPRESSED_CODECS) {
      const out = await decodeAll(codec, new Uint8Array(0), 1, { truncatedTailOk: false });
      expect(out.length).toBe(0);
    }
  });

  it('a snappy stream flushed before any data is just its header', async () => {
    const enc = createEncoder('snappy');
    const file = enc.flush();
    expect(file.length).toBe(16);
    expect((await decodeAll('snappy', file, 1, { truncatedTailOk: false })).length).toBe(0);
  });

  it('a zstd stream closed without data is one empty frame (as zstd-jni writes)', async () => {
    const enc = createEncoder('zstd');
    const file = concat([enc.flush(), enc.end()]);
    expect(file.length).toBeGreaterThan(0);
    expect((await decodeAll('zstd', file, 1, { truncatedTailOk: false })).length).toBe(0);
  });
});
