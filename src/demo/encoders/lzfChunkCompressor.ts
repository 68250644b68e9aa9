// Greedy LZF compressor (liblzf format, as ning/compress emits): literal runs of ≤ 32 bytes and
// back-references of 3..264 bytes reaching ≤ 8 KiB back.

const HASH_LOG = 14;
const MAX_LITERAL = 32;
const MAX_DISTANCE = 1 << 13;
const MIN_MATCH = 3;
const MAX_MATCH = 264;

export function lzfCompressBound(n: number): number {
  return n + Math.ceil(n / MAX_LITERAL) + 16;
}

export class LzfChunkCompressor {
  private readonly table = new Int32Array(1 << HASH_LOG);

  /** Compresses `src[start, end)` into `dst` from `dp`; returns the compressed length. */
  compress(src: Uint8Array, start: number, end: number, dst: Uint8Array, dp: number): number {
    const dStart = dp;
    const table = this.table.fill(-1);
    let anchor = start;
    let p = start;

    const flushLiterals = (to: number): void => {
      while (anchor < to) {
        const n = Math.min(MAX_LITERAL, to - anchor);
        dst[dp++] = n - 1;
        for (let i = 0; i < n; i++) dst[dp + i] = src[anchor + i]!;
        dp += n;
        anchor += n;
      }
    };

    while (p + MIN_MATCH <= end) {
      const seq = (src[p]! << 16) | (src[p + 1]! << 8) | src[p + 2]!;
      const h = Math.imul(seq, 2654435761) >>> (32 - HASH_LOG);
      const candidate = table[h]!;
      table[h] = p;
      if (
        candidate < 0 ||
        p - candidate > MAX_DISTANCE ||
        src[candidate] !== src[p] ||
        src[candidate + 1] !== src[p + 1] ||
        src[candidate + 2] !== src[p + 2]
      ) {
        p++;
        continue;
      }
      let len = MIN_MATCH;
      const maxLen = Math.min(MAX_MATCH, end - p);
      while (len < maxLen && src[candidate + len] === src[p + len]) len++;
      flushLiterals(p);
      const off = p - candidate - 1;
      const code = len - 2;
      if (code < 7) {
        dst[dp++] = (code << 5) | (off >>> 8);
      } else {
        dst[dp++] = (7 << 5) | (off >>> 8);
        dst[dp++] = code - 7;
      }
      dst[dp++] = off & 0xff;
      p += len;
      anchor = p;
    }
    flushLiterals(end);
    return dp - dStart;
  }
}
