// Decoder for the LZF payload of one compressed ning/compress chunk (liblzf format): control byte
// < 32 is a literal run of ctrl+1 bytes; otherwise a back-reference of length (ctrl>>5)+2
// (7 → plus the next byte) at distance ((ctrl&31)<<8 | next byte) + 1.

export class LzfBlockError extends Error {}

const NATIVE_COPY_MIN = 32;

/** Decodes `src[sp, sEnd)` into exactly `dst[dp, dEnd)`. */
export function decodeLzfBlock(src: Uint8Array, sp: number, sEnd: number, dst: Uint8Array, dp: number, dEnd: number): void {
  const dStart = dp;
  while (sp < sEnd) {
    const ctrl = src[sp++]!;
    if (ctrl < 32) {
      const len = ctrl + 1;
      if (len > sEnd - sp) throw new LzfBlockError('literal run runs past the input');
      if (len > dEnd - dp) throw new LzfBlockError('literal run runs past the declared length');
      for (let i = 0; i < len; i++) dst[dp + i] = src[sp + i]!;
      sp += len;
      dp += len;
      continue;
    }
    let len = ctrl >>> 5;
    if (len === 7) {
      if (sp >= sEnd) throw new LzfBlockError('input ends inside a back-reference');
      len += src[sp++]!;
    }
    if (sp >= sEnd) throw new LzfBlockError('input ends inside a back-reference');
    const distance = ((ctrl & 0x1f) << 8) + src[sp++]! + 1;
    len += 2;
    if (distance > dp - dStart) throw new LzfBlockError(`back-reference distance ${distance} points outside the chunk`);
    if (len > dEnd - dp) throw new LzfBlockError('back-reference runs past the declared length');
    let from = dp - distance;
    if (distance >= len && len >= NATIVE_COPY_MIN) {
      dst.copyWithin(dp, from, from + len);
      dp += len;
    } else {
      const end = dp + len;
      while (dp < end) dst[dp++] = dst[from++]!;
    }
  }
  if (dp !== dEnd) throw new LzfBlockError(`chunk decodes to ${dp - dStart} bytes, its header says ${dEnd - dStart}`);
}
