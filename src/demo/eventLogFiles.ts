// Event-log files on disk in Spark's two layouts (spec/eventlog.md §1.2 single file, §1.3
// rolling). Lines go through the codec encoder with flush() at Spark's flush points (§1.7), so
// compressed in-progress files have the same readable prefix a real driver leaves behind
// (e.g. zstd 3.x: one frame per flush). Writes are synchronous and buffered: generation is a
// single-threaded simulation and sync I/O keeps the byte order trivially deterministic.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  appStatusFileName,
  rollingDirName,
  rollingEventFileName,
  singleFileLogName,
  type Codec,
} from './naming.js';
import { isFlushPoint } from './eventWriters.js';
import { createEncoder } from './encoders/index.js';

export interface Encoder {
  write(data: Uint8Array): Uint8Array;
  flush(): Uint8Array;
  end(): Uint8Array;
}

export type EncoderFactory = (codec: Exclude<Codec, 'none'>) => Encoder;

/**
 * The codec encoders live in src/demo/encoders (Spark's exact framing per codec, spec §5).
 * Kept behind this accessor so writers take a factory and tests can run without codecs.
 */
export async function loadEncoderFactory(): Promise<EncoderFactory | null> {
  return (codec) => createEncoder(codec);
}

const BUFFER_LIMIT = 1 << 20;

/** One physical file: buffered, optionally compressed. */
class EncodedFile {
  private fd: number;
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  /** Uncompressed bytes written (what Spark's rolling check counts). */
  rawBytes = 0;
  /** Bytes that reached (or will reach) the file. */
  diskBytes = 0;

  constructor(
    readonly file: string,
    private readonly encoder: Encoder | null,
    append = false,
  ) {
    this.fd = fs.openSync(file, append ? 'a' : 'w', 0o660);
    if (append) this.diskBytes = fs.fstatSync(this.fd).size;
  }

  private push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.chunks.push(bytes);
    this.buffered += bytes.length;
    this.diskBytes += bytes.length;
    if (this.buffered >= BUFFER_LIMIT) this.drain();
  }

  writeLine(line: string, flush: boolean): void {
    const bytes = Buffer.from(line + '\n', 'utf8');
    this.rawBytes += bytes.length;
    if (this.encoder) {
      this.push(this.encoder.write(bytes));
      if (flush) this.push(this.encoder.flush());
    } else {
      this.push(bytes);
    }
  }

  /** Hand buffered bytes to the OS (what a reader sees while the app runs). */
  drain(): void {
    if (this.buffered === 0) return;
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    let off = 0;
    while (off < all.length) off += fs.writeSync(this.fd, all, off, all.length - off);
    this.chunks = [];
    this.buffered = 0;
  }

  close(): void {
    if (this.encoder) this.push(this.encoder.end());
    this.drain();
    fs.closeSync(this.fd);
  }
}

export interface EventLogTarget {
  /** Directory that holds the app's log (the project's event-log folder). */
  logDir: string;
  appId: string;
  attemptId?: string;
  codec: Codec;
  layout: 'single' | 'rolling';
  /** spark.eventLog.rolling.maxFileSize in bytes (rolling only). */
  rollingMaxBytes?: number;
}

export interface EventLogWriter {
  writeLine(line: string): void;
  /** Make everything written so far visible on disk (live appends). */
  drain(): void;
  /**
   * Finish the log. completed=true renames like a clean SparkContext.stop(); otherwise the
   * file keeps its in-progress name (driver killed). Returns the final path.
   */
  close(opts: { completed: boolean; mtimeMs?: number }): string;
  /** Path of the log as the History Server sees it now (file or rolling directory). */
  readonly currentPath: string;
  /** Uncompressed bytes written in total. */
  readonly rawBytes: number;
  readonly diskBytes: number;
  lines: number;
}

function setMtime(p: string, ms: number | undefined): void {
  if (ms === undefined) return;
  const t = new Date(ms);
  fs.utimesSync(p, t, t);
}

class SingleFileWriter implements EventLogWriter {
  private file: EncodedFile;
  currentPath: string;
  lines = 0;

  constructor(private readonly t: EventLogTarget, encoder: Encoder | null, append: boolean) {
    this.currentPath = path.join(t.logDir, singleFileLogName(t.appId, t.attemptId, t.codec, true));
    this.file = new EncodedFile(this.currentPath, encoder, append);
  }

  get rawBytes(): number {
    return this.file.rawBytes;
  }

  get diskBytes(): number {
    return this.file.diskBytes;
  }

  writeLine(line: string): void {
    this.file.writeLine(line, isFlushPoint(line));
    this.lines++;
  }

  drain(): void {
    this.file.drain();
  }

  close(opts: { completed: boolean; mtimeMs?: number }): string {
    this.file.close();
    if (opts.completed) {
      const final = path.join(this.t.logDir, singleFileLogName(this.t.appId, this.t.attemptId, this.t.codec, false));
      fs.renameSync(this.currentPath, final);
      this.currentPath = final;
    }
    setMtime(this.currentPath, opts.mtimeMs);
    return this.currentPath;
  }
}

class RollingWriter implements EventLogWriter {
  private file: EncodedFile;
  private index = 1;
  private readonly dir: string;
  private totalRaw = 0;
  private totalDisk = 0;
  lines = 0;

  constructor(
    private readonly t: EventLogTarget,
    private readonly newEncoder: () => Encoder | null,
  ) {
    this.dir = path.join(t.logDir, rollingDirName(t.appId, t.attemptId));
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o770 });
    fs.writeFileSync(path.join(this.dir, appStatusFileName(t.appId, t.attemptId, true)), '');
    this.file = this.open();
  }

  get currentPath(): string {
    return this.dir;
  }

  get rawBytes(): number {
    return this.totalRaw + this.file.rawBytes;
  }

  get diskBytes(): number {
    return this.totalDisk + this.file.diskBytes;
  }

  private open(): EncodedFile {
    return new EncodedFile(path.join(this.dir, rollingEventFileName(this.index, this.t.appId, this.t.attemptId, this.t.codec)), this.newEncoder());
  }

  writeLine(line: string): void {
    // RollingEventLogFilesWriter: roll *before* a line that would overflow; events never split.
    const max = this.t.rollingMaxBytes ?? 128 * 1024 * 1024;
    if (this.file.rawBytes > 0 && this.file.rawBytes + line.length > max) {
      this.file.close();
      this.totalRaw += this.file.rawBytes;
      this.totalDisk += this.file.diskBytes;
      this.index++;
      this.file = this.open();
    }
    this.file.writeLine(line, isFlushPoint(line));
    this.lines++;
  }

  drain(): void {
    this.file.drain();
  }

  close(opts: { completed: boolean; mtimeMs?: number }): string {
    this.file.close();
    if (opts.completed) {
      fs.renameSync(
        path.join(this.dir, appStatusFileName(this.t.appId, this.t.attemptId, true)),
        path.join(this.dir, appStatusFileName(this.t.appId, this.t.attemptId, false)),
      );
    }
    if (opts.mtimeMs !== undefined) {
      for (const f of fs.readdirSync(this.dir)) setMtime(path.join(this.dir, f), opts.mtimeMs);
      setMtime(this.dir, opts.mtimeMs);
    }
    return this.dir;
  }
}

export function openEventLog(t: EventLogTarget, encoders: EncoderFactory | null, opts: { append?: boolean } = {}): EventLogWriter {
  fs.mkdirSync(t.logDir, { recursive: true });
  if (t.codec !== 'none' && !encoders) throw new Error(`codec ${t.codec} requested but src/demo/encoders is not available`);
  const codec = t.codec;
  const newEncoder = (): Encoder | null => (codec === 'none' ? null : encoders!(codec));
  if (t.layout === 'rolling') return new RollingWriter(t, newEncoder);
  return new SingleFileWriter(t, newEncoder(), opts.append ?? false);
}

/** A log written to exactly `file` (benchmarks): no in-progress suffix, no rename. */
export function openEventLogAt(file: string, codec: Codec, encoders: EncoderFactory | null): EventLogWriter {
  if (codec !== 'none' && !encoders) throw new Error(`codec ${codec} requested but src/demo/encoders is not available`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const f = new EncodedFile(file, codec === 'none' ? null : encoders!(codec));
  let lines = 0;
  return {
    writeLine(line: string) {
      f.writeLine(line, isFlushPoint(line));
      lines++;
    },
    drain() {
      f.drain();
    },
    close() {
      f.close();
      return file;
    },
    currentPath: file,
    get rawBytes() {
      return f.rawBytes;
    },
    get diskBytes() {
      return f.diskBytes;
    },
    get lines() {
      return lines;
    },
    set lines(_v: number) {},
  };
}

/** A writer that only counts: used when re-simulating an app to rebuild its state. */
export class NullEventLogWriter implements EventLogWriter {
  rawBytes = 0;
  diskBytes = 0;
  lines = 0;
  currentPath = '';
  writeLine(line: string): void {
    this.rawBytes += line.length + 1;
    this.lines++;
  }
  drain(): void {}
  close(): string {
    return '';
  }
}
