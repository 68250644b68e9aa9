// XXH32 (Yann Collet's xxHash, 32-bit variant), written from the published algorithm description.
// lz4-java's block stream stores XXH32 of each decoded block (seed 0x9747B28C, masked to 28 bits).

const PRIME1 = 0x9e3779b1;
const PRIME2 = 0x85ebca77;
const PRIME3 = 0xc2b2ae3d;
const PRIME4 = 0x27d4eb2f;
const PRIME5 = 0x165667b1;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** XXH32 of `data[start, end)` as an unsigned 32-bit number. */
export function xxhash32(data: Uint8Array, start: number, end: number, seed: number): number {
  const b = data;
  let p = start;
  const len = end - start;
  let h: number;
  if (len >= 16) {
    let v1 = (seed + PRIME1 + PRIME2) | 0;
    let v2 = (seed + PRIME2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - PRIME1) | 0;
    const limit = end - 16;
    // Four independent lanes of 4 bytes each per 16-byte stripe.
    while (p <= limit) {
      v1 = Math.imul(rotl((v1 + Math.imul(b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24), PRIME2)) | 0, 13), PRIME1);
      v2 = Math.imul(rotl((v2 + Math.imul(b[p + 4]! | (b[p + 5]! << 8) | (b[p + 6]! << 16) | (b[p + 7]! << 24), PRIME2)) | 0, 13), PRIME1);
      v3 = Math.imul(rotl((v3 + Math.imul(b[p + 8]! | (b[p + 9]! << 8) | (b[p + 10]! << 16) | (b[p + 11]! << 24), PRIME2)) | 0, 13), PRIME1);
      v4 = Math.imul(rotl((v4 + Math.imul(b[p + 12]! | (b[p + 13]! << 8) | (b[p + 14]! << 16) | (b[p + 15]! << 24), PRIME2)) | 0, 13), PRIME1);
      p += 16;
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + PRIME5) | 0;
  }
  h = (h + len) | 0;
  while (p + 4 <= end) {
    const w = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
    h = Math.imul(rotl((h + Math.imul(w, PRIME3)) | 0, 17), PRIME4);
    p += 4;
  }
  while (p < end) {
    h = Math.imul(rotl((h + Math.imul(b[p]!, PRIME5)) | 0, 11), PRIME1);
    p++;
  }
  h ^= h >>> 15;
  h = Math.imul(h, PRIME2);
  h ^= h >>> 13;
  h = Math.imul(h, PRIME3);
  h ^= h >>> 16;
  return h >>> 0;
}
