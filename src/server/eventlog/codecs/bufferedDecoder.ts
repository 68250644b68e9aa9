import { ByteQueue } from './byteQueue.js';
import type { ChunkDecoder } from './chunkDecoder.js';
import type { CodecName } from './codecName.js';
import type { DecodeOptions } from './decodeOptions.js';
import { DecodedOutput } from './decodedOutput.js';

/**
 * The skeleton the block/chunk formats (lz4-java, snappy-java, lzf) share: compressed bytes queue up until
 * the next unit (header or payload) is complete, then `drain()` decodes every complete unit.
 */
export abstract class BufferedDecoder implements ChunkDecoder {
  protected readonly input = new ByteQueue();
  protected readonly output: DecodedOutput;
  /** Bytes the next step needs; push() does nothing until they are buffered. */
  protected need: number;

  constructor(codec: CodecName, protected readonly opts: DecodeOptions, firstUnitBytes: number) {
    this.output = new DecodedOutput(codec, opts.maxOutputBytes);
    this.need = firstUnitBytes;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    this.input.push(chunk);
    if (this.input.length >= this.need) this.drain();
    return this.output.take();
  }

  abstract end(): Uint8Array[];

  /** Decodes every complete unit in the queue and sets `need` for the next one. */
  protected abstract drain(): void;
}
