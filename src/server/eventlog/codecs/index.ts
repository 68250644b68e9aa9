// Codec layer of the event-log reader: names, sniffing and streaming decoders for the
// compression formats Spark writes event logs in (spec §5).
import type { ChunkDecoder } from './chunkDecoder.js';
import { CodecError } from './codecError.js';
import { type CodecName, isCodecName } from './codecName.js';
import type { DecodeOptions } from './decodeOptions.js';
import { Lz4BlockStreamDecoder } from './lz4BlockStream.js';
import { LzfStreamDecoder } from './lzfStream.js';
import { PassThroughDecoder } from './passThrough.js';
import { SnappyStreamDecoder } from './snappyStream.js';
import { ZstdFrameStreamDecoder } from './zstdFrames.js';

export type { ChunkDecoder } from './chunkDecoder.js';
export { CodecError, type CodecErrorDetails } from './codecError.js';
export { CODEC_NAMES, type CodecName, isCodecName } from './codecName.js';
export { codecFromFileName } from './codecFromFileName.js';
export type { DecodeOptions } from './decodeOptions.js';
export { sniffCodec } from './sniffCodec.js';

/**
 * Synchronous decoder for one stream: push compressed chunks, get decoded chunks back.
 * decodeStream is the async form; this one suits callers that already hold the bytes.
 */
export function createDecoder(codec: CodecName, opts: DecodeOptions): ChunkDecoder {
  if (!isCodecName(codec)) throw new CodecError(`unknown codec "${String(codec)}"`);
  const max = opts.maxOutputBytes;
  if (max !== undefined && !(max >= 0)) throw new CodecError(`maxOutputBytes must be a non-negative number, got ${max}`);
  switch (codec) {
    case 'none':
      return new PassThroughDecoder(opts);
    case 'lz4':
      return new Lz4BlockStreamDecoder(opts);
    case 'snappy':
      return new SnappyStreamDecoder(opts);
    case 'zstd':
      return new ZstdFrameStreamDecoder(opts);
    case 'lzf':
      return new LzfStreamDecoder(opts);
  }
}

/**
 * Streaming decode: consumes compressed chunks, yields decoded chunks. Never buffers the whole
 * input: at most one block/frame (zstd: up to 2 MiB before switching to streaming) is held.
 * Yielded chunks are never modified afterwards. 'none' passes chunks through.
 */
export function decodeStream(codec: CodecName, source: AsyncIterable<Uint8Array>, opts: DecodeOptions): AsyncIterable<Uint8Array> {
  const decoder = createDecoder(codec, opts);
  return (async function* decodeChunks() {
    for await (const chunk of source) {
      for (const out of decoder.push(chunk)) yield out;
    }
    for (const out of decoder.end()) yield out;
  })();
}
