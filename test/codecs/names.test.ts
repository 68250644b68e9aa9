import { describe, expect, it } from 'vitest';
import { codecFromFileName, sniffCodec } from '../../src/server/eventlog/codecs/index.js';
import { createEncoder } from '../../src/demo/encoders/index.js';
import { COMPRESSED_CODECS, concat } from './helpers.js';

describe('codecFromFileName', () => {
  it.each([
    ['app-20200706201101-0003', 'none'],
    ['local-1430917381535_1', 'none'],
    ['application_1516285256255_0012_1.lz4', 'lz4'],
    ['app-1.lzf', 'lzf'],
    ['app-1.snappy', 'snappy'],
    ['app-1.zstd', 'zstd'],
    ['app-1.zstd.inprogress', 'zstd'],
    ['app-1.inprogress', 'none'],
    ['events_1_app-1.lz4', 'lz4'],
    ['events_3_app-1.snappy.compact', 'snappy'],
    ['events_3_app-1.zstd.inprogress.compact', 'zstd'],
    ['events_3_app-1.compact', 'none'],
    ['app-1.gz', 'none'],
    ['app-1.LZ4', 'none'],
    ['/logs/spark.events/app-1.lz4', 'lz4'],
    ['/logs/spark.events/app-1', 'none'],
  ])('%s → %s', (name, codec) => {
    expect(codecFromFileName(name)).toBe(codec);
  });
});

describe('sniffCodec', () => {
  it.each(COMPRESSED_CODECS)('recognises the head of a %s stream written by the encoder', (codec) => {
    const enc = createEncoder(codec);
    const head = concat([enc.write(new TextEncoder().encode('{"Event":"SparkListenerLogStart"}\n'.repeat(3000))), enc.end()]);
    expect(sniffCodec(head.subarray(0, 8))).toBe(codec);
  });

  it('recognises plain JSON, with or without a UTF-8 BOM', () => {
    expect(sniffCodec(new TextEncoder().encode('{"Event":"x"}'))).toBe('none');
    expect(sniffCodec(Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b))).toBe('none');
  });

  it('recognises lzf chunk types 0 and 1 only', () => {
    expect(sniffCodec(Uint8Array.of(0x5a, 0x56, 0x00, 0x00))).toBe('lzf');
    expect(sniffCodec(Uint8Array.of(0x5a, 0x56, 0x01, 0x00))).toBe('lzf');
    expect(sniffCodec(Uint8Array.of(0x5a, 0x56, 0x02, 0x00))).toBeUndefined();
  });

  it('recognises zstd frames and skippable frames', () => {
    expect(sniffCodec(Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd))).toBe('zstd');
    expect(sniffCodec(Uint8Array.of(0x5e, 0x2a, 0x4d, 0x18))).toBe('zstd');
  });

  it('is undefined for heads that are too short or unknown', () => {
    expect(sniffCodec(new Uint8Array(0))).toBeUndefined();
    expect(sniffCodec(new TextEncoder().encode('LZ4Blo'))).toBeUndefined();
    expect(sniffCodec(Uint8Array.of(0x82, 0x53, 0x4e))).toBeUndefined();
    expect(sniffCodec(Uint8Array.of(0xef, 0xbb, 0xbf))).toBeUndefined();
    expect(sniffCodec(new TextEncoder().encode('[1,2,3]'))).toBeUndefined();
    expect(sniffCodec(Uint8Array.of(0x1f, 0x8b, 0x08, 0x00))).toBeUndefined(); // gzip
    expect(sniffCodec(Uint8Array.of(0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50))).toBeUndefined(); // snappy framing format
  });
});
