/**
 * Synchronous core of every codec: compressed chunks in, decoded chunks out. decodeStream wraps
 * it in an async iterable; the reader can also use it directly (e.g. for a file's tail).
 */
export interface ChunkDecoder {
  /** Feeds the next compressed chunk; returns what could be decoded so far (maybe nothing). */
  push(chunk: Uint8Array): Uint8Array[];
  /** Input is over: returns the rest, or throws CodecError on a torn tail unless tolerated. */
  end(): Uint8Array[];
}
