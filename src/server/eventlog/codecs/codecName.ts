export type CodecName = 'none' | 'lz4' | 'snappy' | 'zstd' | 'lzf';

export const CODEC_NAMES: readonly CodecName[] = ['none', 'lz4', 'snappy', 'zstd', 'lzf'];

export function isCodecName(value: string): value is CodecName {
  return (CODEC_NAMES as readonly string[]).includes(value);
}
