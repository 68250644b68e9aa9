// Executor logs as a standalone worker's RollingFileAppender leaves them with
// spark.executor.logs.rolling.strategy=size and rolling.enableCompression=true: the active stdout/stderr
// holds the newest lines; each time a write would have taken the file past maxSize, the file was moved
// aside as `<name>--YYYY-MM-dd--HH-mm-ss--SSSS` (SizeBasedRollingPolicy's suffix, formatted at that write)
// and gzipped to `….gz`. Spark's smallest maxSize is 80 KiB; the demo's logs are a few KiB, so the demo
// rolls at DEMO_ROLL_BYTES to show the layout.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export const DEMO_ROLL_BYTES = 4096;
const TZ_OFFSET_MIN = 480;

function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** SizeBasedRollingPolicy's suffix `--YYYY-MM-dd--HH-mm-ss--SSSS` in the worker's zone (UTC+8, as all demo timestamps). */
export function sizeRolledSuffix(ms: number): string {
  const d = new Date(ms + TZ_OFFSET_MIN * 60_000);
  const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  return `--${date}--${p2(d.getUTCHours())}-${p2(d.getUTCMinutes())}-${p2(d.getUTCSeconds())}--${String(d.getUTCMilliseconds()).padStart(4, '0')}`;
}

const LOG4J_TIME = /^(\d\d)\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) /;

/** A log4j line's time (UTC+8), or undefined for a line that continues the previous one. */
function lineTime(line: string): number | undefined {
  const m = LOG4J_TIME.exec(line);
  if (!m) return undefined;
  const [, yy, mo, dd, hh, mi, ss] = m.map(Number) as number[];
  return Date.UTC(2000 + yy!, mo! - 1, dd, hh, mi, ss) - TZ_OFFSET_MIN * 60_000;
}

/**
 * Rolls one log file in place as the appender would have while it was written: before a line that would
 * take the active file past `maxBytes`, everything so far becomes a rolled piece named after that line's
 * time (plus a millisecond part; a clash gets RollingFileAppender's `--<i>`). Lines without a time of their
 * own are written with the line they continue. Returns the rolled pieces' names, oldest first.
 */
export function rollLogFileBySize(file: string, maxBytes: number, compress: boolean, mtimeMs: number): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const names: string[] = [];
  let piece: string[] = [];
  let pieceBytes = 0;
  let lastTime = mtimeMs;
  for (const line of lines) {
    const t = lineTime(line);
    const bytes = Buffer.byteLength(line) + 1;
    if (t !== undefined && piece.length > 0 && pieceBytes + bytes > maxBytes) {
      const at = t + ((names.length * 137) % 1000);
      let name = `${path.basename(file)}${sizeRolledSuffix(at)}`;
      for (let i = 0; names.some((n) => n.startsWith(name)); i++) name = `${path.basename(file)}${sizeRolledSuffix(at)}--${i}`;
      const target = path.join(path.dirname(file), compress ? `${name}.gz` : name);
      const content = Buffer.from(`${piece.join('\n')}\n`);
      fs.writeFileSync(target, compress ? zlib.gzipSync(content) : content);
      fs.utimesSync(target, new Date(at), new Date(at));
      names.push(path.basename(target));
      piece = [];
      pieceBytes = 0;
    }
    if (t !== undefined) lastTime = t;
    piece.push(line);
    pieceBytes += bytes;
  }
  if (names.length === 0) return [];
  fs.writeFileSync(file, piece.length === 0 ? '' : `${piece.join('\n')}\n`);
  fs.utimesSync(file, new Date(Math.max(lastTime, mtimeMs)), new Date(Math.max(lastTime, mtimeMs)));
  return names;
}
