// Encoders that write Spark's exact on-disk framing for each event-log codec (spec §5). Used by
// tests, the demo-data generator and benchmarks — never by the server itself.
import type { CodecName } from '../../server/eventlog/codecs/index.js';
import { Lz4BlockStreamEncoder } from './lz4BlockStreamEncoder.js';
import { LzfStreamEncoder } from './lzfStreamEncoder.js';
import { SnappyStreamEncoder } from './snappyStreamEncoder.js';
import type { StreamEncoder } from './streamEncoder.js';
import { ZstdFrameEncoder } from './zstdFrameEncoder.js';

export type { StreamEncoder } from './streamEncoder.js';

/** Plain logs: bytes are written as they come. */
class PlainEncoder implements StreamEncoder {
  write(data: Uint8Array): Uint8Array {
    return data.slice();
  }
  flush(): Uint8Array {
    return new Uint8Array(0);
  }
  end(): Uint8Array {
    return new Uint8Array(0);
  }
}

export function createEncoder(codec: CodecName): StreamEncoder {
  switch (codec) {
    case 'none':
      return new PlainEncoder();
    case 'lz4':
      return new Lz4BlockStreamEncoder();
    case 'snappy':
      return new SnappyStreamEncoder();
    case 'zstd':
      return new ZstdFrameEncoder();
    case 'lzf':
      return new LzfStreamEncoder();
    default:
      throw new Error(`unknown codec "${String(codec)}"`);
  }
}
