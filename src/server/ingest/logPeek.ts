import fs from 'node:fs';
import type { LogSource } from '../eventlog/discovery.js';
import { sniffCodec } from '../eventlog/codecs/index.js';
import { readLogLines } from '../eventlog/lineReader.js';
import type { Json } from '../status/eventJson.js';
import { optStr, str, time } from '../status/eventJson.js';

/** The listing fields of a log, read from its head (and, for plain files, its tail) only. */
export interface LogPeek {
  appId: string | undefined;
  attemptId: string | undefined;
  name: string;
  sparkUser: string;
  startTime: number;
  sparkVersion: string;
  /** -1 when no ApplicationEnd was found in the tail (or the tail could not be read cheaply). */
  endTime: number;
}

const HEAD_LINES = 200;
const TAIL_BYTES = 1024 * 1024;
const END_PREFIX = '{"Event":"SparkListenerApplicationEnd"';

class StopReading extends Error {}

/**
 * Spark's listing pass (FsHistoryProvider + AppListingListener): ApplicationStart and LogStart from the head,
 * ApplicationEnd from the last MiB of an uncompressed file — enough to list an application long before its
 * full replay has finished.
 */
export async function peekLog(source: LogSource): Promise<LogPeek> {
  const peek: LogPeek = { appId: undefined, attemptId: undefined, name: '', sparkUser: '', startTime: -1, sparkVersion: '', endTime: -1 };
  let lines = 0;
  const onLine = (line: string) => {
    if (++lines > HEAD_LINES) throw new StopReading();
    if (!line.startsWith('{"Event":"SparkListener')) return;
    let e: Json;
    try {
      e = JSON.parse(line);
    } catch {
      return;
    }
    if (e['Event'] === 'SparkListenerLogStart') peek.sparkVersion = str(e['Spark Version']);
    if (e['Event'] === 'SparkListenerApplicationStart') {
      peek.appId = optStr(e['App ID']);
      peek.attemptId = optStr(e['App Attempt ID']);
      peek.name = str(e['App Name']);
      peek.sparkUser = str(e['User']);
      peek.startTime = time(e['Timestamp'], -1);
      throw new StopReading();
    }
  };
  try {
    const first = source.files[0];
    const head = first && first.codec === 'none' ? readPlainHead(first.path) : undefined;
    if (head !== undefined) {
      // Plain file (most logs): one read of its head, no stream machinery.
      const text = head.toString('utf8');
      const complete = text.lastIndexOf('\n');
      for (const line of text.slice(0, complete < 0 ? text.length : complete).split('\n')) onLine(line.replace(/\r$/, ''));
    } else {
      await readLogLines({ ...source, inProgress: true }, { readChunkBytes: 64 * 1024, onLine });
    }
  } catch (err) {
    if (!(err instanceof StopReading)) throw err;
  }
  const last = source.files[source.files.length - 1];
  if (peek.appId !== undefined && last && last.codec === 'none') peek.endTime = readEndTime(last.path, last.size);
  return peek;
}

/** The first 64 KiB of an uncompressed file, or undefined when its magic bytes say it is compressed. */
function readPlainHead(file: string): Buffer | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n);
    const sniffed = sniffCodec(head);
    return sniffed === undefined || sniffed === 'none' ? head : undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function readEndTime(file: string, size: number): number {
  const start = Math.max(0, size - TAIL_BYTES);
  const buf = Buffer.allocUnsafe(size - start);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buf, 0, buf.length, start);
  } finally {
    fs.closeSync(fd);
  }
  const text = buf.toString('utf8');
  const at = text.lastIndexOf(END_PREFIX);
  if (at < 0) return -1;
  const endOfLine = text.indexOf('\n', at);
  try {
    const e = JSON.parse(text.slice(at, endOfLine < 0 ? undefined : endOfLine));
    return time(e['Timestamp'], -1);
  } catch {
    return -1;
  }
}
