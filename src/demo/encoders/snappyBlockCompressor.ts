// Greedy single-pass raw Snappy compressor (what snappy-java's Snappy.compress emits, in
// format; the match finder is simpler): varint length, then literal / copy-1 / copy-2 elements.

const HASH_LOG = 14;
const MIN_MATCH = 4;
const MAX_DISTANCE = 65535;

export function snappyCompressBound(n: number): number {
  return 32 + n + Math.floor(n / 6);
}

function read32(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
}

function writeLiteral(dst: Uint8Array, dp: number, src: Uint8Array, from: number, to: number): number {
  const n = to - from - 1;
  if (n < 60) {
    dst[dp++] = n << 2;
  } else if (n < 0x100) {
    dst[dp++] = 60 << 2;
    dst[dp++] = n;
  } else if (n < 0x10000) {
    dst[dp++] = 61 << 2;
    dst[dp++] = n & 0xff;
    dst[dp++] = n >>> 8;
  } else if (n < 0x1000000) {
    dst[dp++] = 62 << 2;
    dst[dp++] = n & 0xff;
    dst[dp++] = (n >>> 8) & 0xff;
    dst[dp++] = n >>> 16;
  } else {
    dst[dp++] = 63 << 2;
    dst[dp++] = n & 0xff;
    dst[dp++] = (n >>> 8) & 0xff;
    dst[dp++] = (n >>> 16) & 0xff;
    dst[dp++] = n >>> 24;
  }
  dst.set(src.subarray(from, to), dp);
  return dp + (to - from);
}

function writeCopy2(dst: Uint8Array, dp: number, distance: number, len: number): number {
  dst[dp++] = 2 | ((len - 1) << 2);
  dst[dp++] = distance & 0xff;
  dst[dp++] = distance >>> 8;
  return dp;
}

function writeCopy(dst: Uint8Array, dp: number, distance: number, len: number): number {
  // Copy elements hold at most 64 bytes; split long matches so that every piece is ≥ 4.
  while (len >= 68) {
    dp = writeCopy2(dst, dp, distance, 64);
    len -= 64;
  }
  if (len > 64) {
    dp = writeCopy2(dst, dp, distance, 60);
    len -= 60;
  }
  if (len < 12 && distance < 2048) {
    dst[dp++] = 1 | ((len - 4) << 2) | ((distance >>> 8) << 5);
    dst[dp++] = distance & 0xff;
    return dp;
  }
  return writeCopy2(dst, dp, distance, len);
}

export class SnappyBlockCompressor {
  private readonly table = new Int32Array(1 << HASH_LOG);

  /** Compresses `src[start, end)` into `dst` from `dp` (≥ snappyCompressBound free); returns the length. */
  compress(src: Uint8Array, start: number, end: number, dst: Uint8Array, dp: number): number {
    const dStart = dp;
    let n = end - start;
    do {
      const b = n & 0x7f;
      n = Math.floor(n / 128);
      dst[dp++] = n > 0 ? b | 0x80 : b;
    } while (n > 0);

    const table = this.table.fill(-1);
    let anchor = start;
    let p = start;
    const limit = end - MIN_MATCH;
    while (p <= limit) {
      const seq = read32(src, p);
      const h = Math.imul(seq, 0x1e35a7bd) >>> (32 - HASH_LOG);
      const candidate = table[h]!;
      table[h] = p;
      if (candidate < 0 || p - candidate > MAX_DISTANCE || read32(src, candidate) !== seq) {
        p++;
        continue;
      }
      let len = MIN_MATCH;
      while (p + len < end && src[candidate + len] === src[p + len]) len++;
      if (p > anchor) dp = writeLiteral(dst, dp, src, anchor, p);
      dp = writeCopy(dst, dp, p - candidate, len);
      p += len;
      anchor = p;
    }
    if (end > anchor) dp = writeLiteral(dst, dp, src, anchor, end);
    return dp - dStart;
  }
}
