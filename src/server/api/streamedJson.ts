import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * A JSON array answer produced element by element: large answers (stages with their tasks) are never
 * one string in memory, and other requests are served between elements.
 */
export class StreamedJsonArray {
  constructor(private readonly elements: Iterable<unknown>) {}

  toStream(): Readable {
    const elements = this.elements;
    return Readable.from(
      (async function* () {
        yield '[';
        let first = true;
        for (const element of elements) {
          yield first ? JSON.stringify(element) : `,${JSON.stringify(element)}`;
          first = false;
          await yieldToEventLoop();
        }
        yield ']';
      })(),
      { objectMode: false },
    );
  }
}
