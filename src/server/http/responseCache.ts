import crypto from 'node:crypto';
import zlib from 'node:zlib';

/** One cached answer: its bytes, the same gzipped (made once), and its entity tag. */
export interface CachedAnswer {
  readonly etag: string;
  readonly body: Buffer;
  readonly gzip: Buffer | undefined;
}

/** Below this, gzip costs more than it saves. */
const GZIP_MIN_BYTES = 1024;

/**
 * Answers of finished applications, per store version: the same request about the same store gives the same
 * bytes, so repeated answers cost a lookup (and a 304 when the client has them). Bounded by total bytes,
 * least recently used first out. Keys carry the store version, so a replay makes old entries unreachable.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  put(key: string, text: string): CachedAnswer {
    const body = Buffer.from(text);
    const answer: CachedAnswer = {
      etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"`,
      body,
      gzip: body.length >= GZIP_MIN_BYTES ? zlib.gzipSync(body, { level: 6 }) : undefined,
    };
    const size = body.length + (answer.gzip?.length ?? 0);
    if (size > this.maxBytes / 8) return answer; // one huge answer would evict everything else
    this.entries.set(key, answer);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length + (v.gzip?.length ?? 0);
    }
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
