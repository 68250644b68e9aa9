export interface StreamEncoder {
  /** Feed uncompressed bytes; returns bytes ready to append to the file now (may be empty). */
  write(data: Uint8Array): Uint8Array;
  /** What Spark's writer emits on flush() (see §5.7: lz4 emits nothing for a partial block because syncFlush=false; snappy/lzf emit the pending chunk; zstd 3.x ends the current frame). */
  flush(): Uint8Array;
  /** Close the stream (lz4 writes its end marker; zstd ends the frame). */
  end(): Uint8Array;
}
