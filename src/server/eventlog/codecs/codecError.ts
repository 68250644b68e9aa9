import type { CodecName } from './codecName.js';

/** Where a decode failed: which codec and at which byte of the compressed input. */
export interface CodecErrorDetails {
  codec?: CodecName;
  /** Byte offset in the compressed input of the block/frame/chunk that failed. */
  offset?: number;
}

/**
 * A compressed event log could not be decoded (bad magic, corrupt block, checksum mismatch,
 * torn tail on a finished file, decompression-bomb cap). The message names the codec, what
 * was wrong and the byte offset, so it can be shown as-is next to the log in the listing.
 */
export class CodecError extends Error {
  readonly codec: CodecName | undefined;
  readonly offset: number | undefined;

  constructor(message: string, details: CodecErrorDetails = {}) {
    super(message);
    this.name = 'CodecError';
    this.codec = details.codec;
    this.offset = details.offset;
  }
}

/** Builds a CodecError whose message starts with the codec and ends with the byte offset. */
export function codecError(codec: CodecName, offset: number, what: string): CodecError {
  return new CodecError(`${codec}: ${what} (at byte ${offset})`, { codec, offset });
}
