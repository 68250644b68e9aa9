// Greedy single-pass LZ4 *block* compressor (hash of 4 bytes → last position). Ratio is below
// lz4's own, but the output is valid LZ4 that any LZ4 decoder (and lz4-java) accepts: the last
// match starts ≥ 12 bytes before the end and the last 5 bytes are literals.

const MIN_MATCH = 4;
const LAST_LITERALS = 5;
const MATCH_FIND_LIMIT = 12;
const MAX_DISTANCE = 65535;
const HASH_LOG = 14;

/** Output capacity that always suffices for `n` input bytes. */
export function lz4CompressBound(n: number): number {
  return n + Math.floor(n / 255) + 16;
}

function read32(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
}

function writeLength(dst: Uint8Array, dp: number, n: number): number {
  while (n >= 255) {
    dst[dp++] = 255;
    n -= 255;
  }
  dst[dp++] = n;
  return dp;
}

export class Lz4BlockCompressor {
  private readonly table = new Int32Array(1 << HASH_LOG);

  /** Compresses `src[start, end)` into `dst` from `dp`; returns the compressed length. */
  compress(src: Uint8Array, start: number, end: number, dst: Uint8Array, dp: number): number {
    const dStart = dp;
    const table = this.table.fill(-1);
    const matchEnd = end - LAST_LITERALS;
    const lastMatchStart = end - MATCH_FIND_LIMIT;
    let anchor = start;
    let p = start;
    while (p < lastMatchStart) {
      const seq = read32(src, p);
      const h = Math.imul(seq, 2654435761) >>> (32 - HASH_LOG);
      const candidate = table[h]!;
      table[h] = p;
      if (candidate < 0 || p - candidate > MAX_DISTANCE || read32(src, candidate) !== seq) {
        p++;
        continue;
      }
      let len = MIN_MATCH;
      while (p + len < matchEnd && src[candidate + len] === src[p + len]) len++;

      const literals = p - anchor;
      const tokenAt = dp++;
      const litCode = literals >= 15 ? 15 : literals;
      if (literals >= 15) dp = writeLength(dst, dp, literals - 15);
      dst.set(src.subarray(anchor, p), dp);
      dp += literals;
      const distance = p - candidate;
      dst[dp++] = distance & 0xff;
      dst[dp++] = distance >>> 8;
      const extra = len - MIN_MATCH;
      if (extra >= 15) dp = writeLength(dst, dp, extra - 15);
      dst[tokenAt] = (litCode << 4) | (extra >= 15 ? 15 : extra);

      p += len;
      anchor = p;
      // Remember a position inside the match too; helps the next repeat of this text.
      if (p - 2 < lastMatchStart) table[Math.imul(read32(src, p - 2), 2654435761) >>> (32 - HASH_LOG)] = p - 2;
    }
    const literals = end - anchor;
    const tokenAt = dp++;
    if (literals >= 15) dp = writeLength(dst, dp, literals - 15);
    dst[tokenAt] = (literals >= 15 ? 15 : literals) << 4;
    dst.set(src.subarray(anchor, end), dp);
    dp += literals;
    return dp - dStart;
  }
}
