import type { CodecName } from './codecName.js';
import {
  LZ4_BLOCK_MAGIC,
  LZF_CHUNK_SIGNATURE,
  SNAPPY_STREAM_MAGIC,
  ZSTD_FRAME_MAGIC,
  ZSTD_SKIPPABLE_MAGIC,
  ZSTD_SKIPPABLE_MAGIC_MASK,
  readU32LE,
} from './magic.js';

const OPEN_BRACE = 0x7b;
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

function startsWith(head: Uint8Array, magic: Uint8Array): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

/**
 * Codec from the first bytes of a log (spec §5.6). Returns undefined when the head is too short
 * to decide or matches nothing, so the caller can fall back to the file name.
 * Plain logs are recognised by their first `{`, optionally after a UTF-8 BOM.
 */
export function sniffCodec(head: Uint8Array): CodecName | undefined {
  if (startsWith(head, LZ4_BLOCK_MAGIC)) return 'lz4';
  if (startsWith(head, SNAPPY_STREAM_MAGIC)) return 'snappy';
  if (head.length >= 4) {
    const word = readU32LE(head, 0);
    if (word === ZSTD_FRAME_MAGIC) return 'zstd';
    // Spark never writes skippable frames first, but a zstd tool may; still zstd.
    if (((word & ZSTD_SKIPPABLE_MAGIC_MASK) >>> 0) === ZSTD_SKIPPABLE_MAGIC) return 'zstd';
  }
  if (head.length >= 3 && startsWith(head, LZF_CHUNK_SIGNATURE) && (head[2] === 0 || head[2] === 1)) return 'lzf';
  if (head.length >= 1 && head[0] === OPEN_BRACE) return 'none';
  if (head.length >= 4 && startsWith(head, UTF8_BOM) && head[3] === OPEN_BRACE) return 'none';
  return undefined;
}
