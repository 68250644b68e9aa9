/** Stream signatures of the codecs Spark writes (spec §5.6). */
export const LZ4_BLOCK_MAGIC = Uint8Array.of(0x4c, 0x5a, 0x34, 0x42, 0x6c, 0x6f, 0x63, 0x6b); // "LZ4Block"
export const SNAPPY_STREAM_MAGIC = Uint8Array.of(0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00); // 0x82 "SNAPPY" 0
export const ZSTD_FRAME_MAGIC = 0xfd2fb528; // bytes 28 B5 2F FD, little-endian
/** Skippable zstd frames use magics 0x184D2A50..0x184D2A5F. */
export const ZSTD_SKIPPABLE_MAGIC_MASK = 0xfffffff0;
export const ZSTD_SKIPPABLE_MAGIC = 0x184d2a50;
export const LZF_CHUNK_SIGNATURE = Uint8Array.of(0x5a, 0x56); // "ZV"

/** True if `bytes[at .. at+len)` agrees with the start of `magic` over the bytes present. */
export function matchesMagicPrefix(bytes: Uint8Array, at: number, magic: Uint8Array): boolean {
  const n = Math.min(magic.length, bytes.length - at);
  for (let i = 0; i < n; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

export function readU32LE(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

export function readI32LE(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
}

export function readI32BE(b: Uint8Array, p: number): number {
  return (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
}

export function hex32(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}
