export interface DecodeOptions {
  /** The file may still be written (in-progress or last rolling file): a torn final block/frame/chunk ends the stream quietly instead of throwing. */
  truncatedTailOk: boolean;
  /** Hard cap on total decoded bytes (decompression-bomb guard); exceeding it throws CodecError. Default: no cap. */
  maxOutputBytes?: number;
}
