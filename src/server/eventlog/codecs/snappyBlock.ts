// Decoder for one raw Snappy block (what snappy-java's Snappy.compress produces), written from
// the Snappy format description: a varint uncompressed length, then literal and copy elements
// whose tag's low two bits select literal / copy-1 / copy-2 / copy-4.

export class SnappyBlockError extends Error {}

const NATIVE_COPY_MIN = 32;

/** The block's uncompressed length and how many bytes its varint took. */
export function readSnappyLength(src: Uint8Array, sp: number, sEnd: number): { length: number; headerBytes: number } {
  let length = 0;
  for (let i = 0; i < 5; i++) {
    if (sp + i >= sEnd) throw new SnappyBlockError('input ends inside the length varint');
    const b = src[sp + i]!;
    length += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) {
      if (length > 0xffffffff) throw new SnappyBlockError('length varint exceeds 32 bits');
      return { length, headerBytes: i + 1 };
    }
  }
  throw new SnappyBlockError('length varint longer than 5 bytes');
}

/** Decodes the elements in `src[sp, sEnd)` into exactly `dst[dp, dEnd)`. */
export function decodeSnappyElements(src: Uint8Array, sp: number, sEnd: number, dst: Uint8Array, dp: number, dEnd: number): void {
  const dStart = dp;
  while (sp < sEnd) {
    const tag = src[sp++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        // 60..63: the length-1 follows in 1..4 little-endian bytes.
        const n = len - 59;
        if (sEnd - sp < n) throw new SnappyBlockError('input ends inside a literal length');
        len = src[sp]!;
        if (n > 1) len |= src[sp + 1]! << 8;
        if (n > 2) len |= src[sp + 2]! << 16;
        if (n > 3) len = (len | (src[sp + 3]! << 24)) >>> 0;
        sp += n;
      }
      len += 1;
      if (len > sEnd - sp) throw new SnappyBlockError('literal runs past the input');
      if (len > dEnd - dp) throw new SnappyBlockError('literal runs past the declared length');
      if (len < NATIVE_COPY_MIN) {
        for (let i = 0; i < len; i++) dst[dp + i] = src[sp + i]!;
      } else {
        dst.set(src.subarray(sp, sp + len), dp);
      }
      sp += len;
      dp += len;
      continue;
    }
    let len: number;
    let distance: number;
    if (kind === 1) {
      if (sp >= sEnd) throw new SnappyBlockError('input ends inside a copy');
      len = ((tag >>> 2) & 7) + 4;
      distance = ((tag >>> 5) << 8) | src[sp++]!;
    } else if (kind === 2) {
      if (sEnd - sp < 2) throw new SnappyBlockError('input ends inside a copy');
      len = (tag >>> 2) + 1;
      distance = src[sp]! | (src[sp + 1]! << 8);
      sp += 2;
    } else {
      if (sEnd - sp < 4) throw new SnappyBlockError('input ends inside a copy');
      len = (tag >>> 2) + 1;
      distance = (src[sp]! | (src[sp + 1]! << 8) | (src[sp + 2]! << 16) | (src[sp + 3]! << 24)) >>> 0;
      sp += 4;
    }
    if (distance === 0 || distance > dp - dStart) throw new SnappyBlockError(`copy offset ${distance} points outside the block`);
    if (len > dEnd - dp) throw new SnappyBlockError('copy runs past the declared length');
    let from = dp - distance;
    if (distance >= len && len >= NATIVE_COPY_MIN) {
      dst.copyWithin(dp, from, from + len);
      dp += len;
    } else {
      const end = dp + len;
      while (dp < end) dst[dp++] = dst[from++]!;
    }
  }
  if (dp !== dEnd) throw new SnappyBlockError(`block decodes to ${dp - dStart} bytes, its header says ${dEnd - dStart}`);
}

/**
 * Upper bound of the uncompressed size of a valid block of `compressedLength` bytes: the
 * densest element is a 3-byte copy-2 of 64 bytes. A larger declared length is a lie (or a bomb).
 */
export function snappyMaxUncompressedLength(compressedLength: number): number {
  return Math.ceil((compressedLength * 64) / 3);
}
