import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Text gathered before the stream hands a chunk on and lets other requests run. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A JSON answer produced piece by piece (a lazy sequence of JSON texts): large answers — stages with all their
 * tasks, long task lists — are never one string in memory, and other requests are served between chunks.
 * Pieces are computed as the stream is read, so a read that fails midway ends only this response.
 */
export class StreamedJson {
  private constructor(private readonly pieces: Iterable<string>) {}

  /** A JSON array of `elements` (values, or streamed values), each serialised when the stream reaches it. */
  static array(elements: Iterable<unknown>): StreamedJson {
    return new StreamedJson(
      (function* () {
        yield '[';
        let first = true;
        for (const element of elements) {
          if (!first) yield ',';
          first = false;
          if (element instanceof StreamedJson) yield* element.pieces;
          else yield JSON.stringify(element);
        }
        yield ']';
      })(),
    );
  }

  /** A JSON object from `[key, value]` entries, each value serialised when the stream reaches it. */
  static object(entries: Iterable<[string, unknown]>): StreamedJson {
    return new StreamedJson(
      (function* () {
        yield '{';
        let first = true;
        for (const [key, value] of entries) {
          yield `${first ? '' : ','}${JSON.stringify(key)}:`;
          first = false;
          if (value instanceof StreamedJson) yield* value.pieces;
          else yield JSON.stringify(value);
        }
        yield '}';
      })(),
    );
  }

  /**
   * `value` serialised as JSON.stringify would, where any property holding a StreamedJson is streamed in place:
   * the key order of `value` is kept (Spark's field order), only the streamed parts are produced lazily.
   */
  static withStreamedFields(value: Record<string, unknown>): StreamedJson {
    const streamed: StreamedJson[] = [];
    // A marker no data can hold: a fresh id per answer, serialised where each streamed value goes.
    const marker = `\u0000streamed-${randomUUID()}-`;
    const text = JSON.stringify(value, (_key, v: unknown) => {
      if (!(v instanceof StreamedJson)) return v;
      streamed.push(v);
      return `${marker}${streamed.length - 1}`;
    });
    const parts = text.split(new RegExp(`${escapeRegExp(JSON.stringify(marker).slice(0, -1))}(\\d+)"`));
    return new StreamedJson(
      (function* () {
        // split with one capture group: text, index, text, index, …, text.
        for (let i = 0; i < parts.length; i++) {
          if (i % 2 === 0) yield parts[i]!;
          else yield* streamed[Number(parts[i])]!.pieces;
        }
      })(),
    );
  }

  toStream(): Readable {
    const pieces = this.pieces;
    return Readable.from(
      (async function* () {
        let chunk = '';
        for (const piece of pieces) {
          chunk += piece;
          if (chunk.length < CHUNK_CHARS) continue;
          yield chunk;
          chunk = '';
          await yieldToEventLoop();
        }
        if (chunk !== '') yield chunk;
      })(),
      { objectMode: false },
    );
  }

  /** The whole text (for tests and small answers). */
  text(): string {
    let out = '';
    for (const piece of this.pieces) out += piece;
    return out;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
