/** Collects output pieces and joins them once, so encoders can emit piecemeal cheaply. */
export class ByteChunks {
  private parts: Uint8Array[] = [];
  private length = 0;

  add(part: Uint8Array): void {
    if (part.length === 0) return;
    this.parts.push(part);
    this.length += part.length;
  }

  /** Everything added so far as one array; the collector is empty afterwards. */
  take(): Uint8Array {
    const parts = this.parts;
    this.parts = [];
    const length = this.length;
    this.length = 0;
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(length);
    let p = 0;
    for (const part of parts) {
      out.set(part, p);
      p += part.length;
    }
    return out;
  }
}

export function writeI32LE(b: Uint8Array, p: number, v: number): void {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
  b[p + 2] = (v >>> 16) & 0xff;
  b[p + 3] = (v >>> 24) & 0xff;
}

export function writeI32BE(b: Uint8Array, p: number, v: number): void {
  b[p] = (v >>> 24) & 0xff;
  b[p + 1] = (v >>> 16) & 0xff;
  b[p + 2] = (v >>> 8) & 0xff;
  b[p + 3] = v & 0xff;
}
