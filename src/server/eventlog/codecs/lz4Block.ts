// Decoder for one raw LZ4 *block* (the payload lz4-java puts after each 21-byte header),
// written from the LZ4 block format description: sequences of
// token(literal-length:4 | match-length:4) [length bytes] literals [offset LE16 match].

/** Thrown by the block decoder; the stream decoder adds codec and byte offset. */
export class Lz4BlockError extends Error {}

/** Above this many bytes, a native set/copyWithin beats a byte loop. */
const NATIVE_COPY_MIN = 32;

/**
 * Decodes `src[sp, sEnd)` into `dst[dp, dEnd)`. The block must fill the destination exactly
 * and use all of its input, as lz4-java requires (a block that decodes short or leaves input
 * over is corrupt). Blocks are independent: matches may only reach back into this block.
 */
export function decodeLz4Block(src: Uint8Array, sp: number, sEnd: number, dst: Uint8Array, dp: number, dEnd: number): void {
  const dStart = dp;
  for (;;) {
    if (sp >= sEnd) throw new Lz4BlockError('input ends before the last sequence');
    const token = src[sp++]!;

    let literals = token >>> 4;
    if (literals === 15) {
      let b: number;
      do {
        if (sp >= sEnd) throw new Lz4BlockError('input ends inside a literal length');
        b = src[sp++]!;
        literals += b;
      } while (b === 255);
    }
    if (literals > 0) {
      if (literals > sEnd - sp) throw new Lz4BlockError('literal run runs past the input');
      if (literals > dEnd - dp) throw new Lz4BlockError('literal run runs past the declared length');
      if (literals < NATIVE_COPY_MIN) {
        for (let i = 0; i < literals; i++) dst[dp + i] = src[sp + i]!;
      } else {
        dst.set(src.subarray(sp, sp + literals), dp);
      }
      sp += literals;
      dp += literals;
    }

    // The last sequence carries literals only and ends the block.
    if (sp === sEnd) break;

    if (sEnd - sp < 2) throw new Lz4BlockError('input ends inside a match offset');
    const distance = src[sp]! | (src[sp + 1]! << 8);
    sp += 2;
    if (distance === 0 || distance > dp - dStart) throw new Lz4BlockError(`match offset ${distance} points outside the block`);

    let matchLen = (token & 15) + 4;
    if (matchLen === 19) {
      let b: number;
      do {
        if (sp >= sEnd) throw new Lz4BlockError('input ends inside a match length');
        b = src[sp++]!;
        matchLen += b;
      } while (b === 255);
    }
    if (matchLen > dEnd - dp) throw new Lz4BlockError('match runs past the declared length');

    let from = dp - distance;
    if (distance >= matchLen && matchLen >= NATIVE_COPY_MIN) {
      dst.copyWithin(dp, from, from + matchLen);
      dp += matchLen;
    } else {
      // Overlapping matches repeat the last `distance` bytes, so copy forward byte by byte.
      const end = dp + matchLen;
      while (dp < end) dst[dp++] = dst[from++]!;
    }
  }
  if (dp !== dEnd) throw new Lz4BlockError(`block decodes to ${dp - dStart} bytes, header says ${dEnd - dStart}`);
}

/** Largest compressed size a block of `n` bytes can have (all literals, plus length bytes). */
export function lz4MaxCompressedLength(n: number): number {
  return n + Math.floor(n / 255) + 16;
}
