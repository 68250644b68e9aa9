import type { ChunkDecoder } from './chunkDecoder.js';
import type { DecodeOptions } from './decodeOptions.js';
import { DecodedOutput } from './decodedOutput.js';

/** Plain logs: bytes pass through untouched; only the output cap applies. */
export class PassThroughDecoder implements ChunkDecoder {
  private readonly output: DecodedOutput;
  private offset = 0;

  constructor(opts: DecodeOptions) {
    this.output = new DecodedOutput('none', opts.maxOutputBytes);
  }

  push(chunk: Uint8Array): Uint8Array[] {
    this.output.append(chunk, this.offset);
    this.offset += chunk.length;
    return this.output.take();
  }

  end(): Uint8Array[] {
    return [];
  }
}
