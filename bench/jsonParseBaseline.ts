import { performance } from 'node:perf_hooks';
import type { LogSource } from '../src/server/eventlog/discovery.js';
import { readLogLines } from '../src/server/eventlog/lineReader.js';

/*
 * Our replay against the floor it cannot beat on one core: reading the same log's lines and JSON.parse of
 * each, nothing else. Then what a second core could take: parsing in another thread means handing each
 * parsed event to the fold's thread, and that structured clone (what postMessage does) is timed here over
 * the same events, since it would replace JSON.parse on the fold's thread rather than remove it.
 */
export async function benchJsonParseBaseline(source: LogSource, replaySeconds: number, report: (name: string, value: string) => void): Promise<void> {
  const MB = 1024 * 1024;
  let t = performance.now();
  let bytes = 0;
  await readLogLines(source, { onLine: (line) => void (bytes += line.length) });
  const readSeconds = (performance.now() - t) / 1000;
  report('read + split lines only', `${(bytes / MB / readSeconds).toFixed(0)} MB/s (${readSeconds.toFixed(2)} s)`);

  t = performance.now();
  await readLogLines(source, { onLine: (line) => void JSON.parse(line) });
  const parseSeconds = (performance.now() - t) / 1000;
  report('read + JSON.parse of every line', `${(bytes / MB / parseSeconds).toFixed(0)} MB/s (${parseSeconds.toFixed(2)} s)`);
  report('replay speed / JSON.parse speed (one core)', `${(parseSeconds / replaySeconds).toFixed(2)}× (goal ≥ 0.6×)`);

  let cloneMs = 0;
  await readLogLines(source, {
    onLine: (line) => {
      const event: unknown = JSON.parse(line);
      const c = performance.now();
      structuredClone(event);
      cloneMs += performance.now() - c;
    },
  });
  const parseOnly = parseSeconds - readSeconds;
  report('structured clone of every parsed event (cost of parsing in another thread)', `${(cloneMs / 1000).toFixed(2)} s vs JSON.parse ${parseOnly.toFixed(2)} s`);
}
