// Driver and executor log files, laid out like a standalone worker's work dir
// (<appLogs>/<appId>/<executorId>/stdout|stderr) plus the driver's <appId>_driver.log, with
// log4j lines in Spark's default pattern "%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n". The
// simulator writes lines as it processes events, so every log line's timestamp matches the
// event it describes. Timestamps use a fixed UTC+8 offset (MaxCompute regions), never the
// machine's time zone, so output does not vary between machines.

import * as fs from 'node:fs';
import * as path from 'node:path';

const TZ_OFFSET_MIN = 480;

function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** log4j %d{yy/MM/dd HH:mm:ss} in UTC+8. */
export function log4jTime(ms: number): string {
  const d = new Date(ms + TZ_OFFSET_MIN * 60_000);
  return `${p2(d.getUTCFullYear() % 100)}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** ISO-8601 with +0800, as -XX:+PrintGCDateStamps prints it. */
export function gcTime(ms: number): string {
  const d = new Date(ms + TZ_OFFSET_MIN * 60_000);
  const ms3 = String(d.getUTCMilliseconds()).padStart(3, '0');
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${ms3}+0800`;
}

/** Utils.bytesToString: 3.x prints binary units ("MiB"), 2.x "MB" (same 1024 base). */
export function bytesToString(bytes: number, binaryUnits: boolean): string {
  const units = binaryUnits ? ['B', 'KiB', 'MiB', 'GiB', 'TiB'] : ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 * 2 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${bytes}.0 B` : `${v.toFixed(1)} ${units[u]}`;
}

const BUFFER_LIMIT = 256 * 1024;

class BufferedTextFile {
  private fd: number | null = null;
  private parts: string[] = [];
  private size = 0;

  constructor(readonly file: string) {}

  append(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BUFFER_LIMIT) this.drain();
  }

  drain(): void {
    if (this.parts.length === 0) return;
    if (this.fd === null) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, 'a');
    }
    fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(mtimeMs?: number): void {
    this.drain();
    if (this.fd === null) {
      // Even an executor that logged nothing has (empty) stdout/stderr files.
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, '', { flag: 'a' });
    } else {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    if (mtimeMs !== undefined) fs.utimesSync(this.file, new Date(mtimeMs), new Date(mtimeMs));
  }
}

export type Level = 'INFO' | 'WARN' | 'ERROR' | 'DEBUG';

/**
 * All log files of one application. A disabled instance (root null) discards everything
 * (re-simulation, bench logs). A deferred instance queues lines until release(t) — the live
 * appender uses it so log lines appear when the wall clock reaches their timestamps.
 */
export class AppLogs {
  private files = new Map<string, BufferedTextFile>();
  private pending: { t: number; path: string; text: string }[] | null;
  private head = 0;

  constructor(
    /** <ws>/app-logs/<project>, or null to discard. */
    readonly root: string | null,
    readonly appId: string,
    opts: { deferred?: boolean } = {},
  ) {
    this.pending = opts.deferred ? [] : null;
  }

  get enabled(): boolean {
    return this.root !== null;
  }

  driverLogPath(): string | null {
    return this.root === null ? null : path.join(this.root, `${this.appId}_driver.log`);
  }

  executorLogPath(execId: string, stream: 'stdout' | 'stderr'): string | null {
    return this.root === null ? null : path.join(this.root, this.appId, execId, stream);
  }

  private file(p: string): BufferedTextFile {
    let f = this.files.get(p);
    if (!f) {
      f = new BufferedTextFile(p);
      this.files.set(p, f);
    }
    return f;
  }

  private put(t: number, p: string, text: string): void {
    if (this.pending) this.pending.push({ t, path: p, text });
    else this.file(p).append(text);
  }

  driver(t: number, level: Level, logger: string, msg: string): void {
    const p = this.driverLogPath();
    if (p) this.put(t, p, `${log4jTime(t)} ${level} ${logger}: ${msg}\n`);
  }

  executor(execId: string, t: number, level: Level, logger: string, msg: string): void {
    // In local mode the "executor" is the driver JVM: its lines belong to the driver log.
    if (execId === 'driver') return this.driver(t, level, logger, msg);
    const p = this.executorLogPath(execId, 'stderr');
    if (p) this.put(t, p, `${log4jTime(t)} ${level} ${logger}: ${msg}\n`);
  }

  /** Raw stdout text (GC log lines, user println output). */
  stdout(execId: string, t: number, text: string): void {
    if (execId === 'driver') return;
    const p = this.executorLogPath(execId, 'stdout');
    if (p) this.put(t, p, text.endsWith('\n') ? text : text + '\n');
  }

  /**
   * Create both files of a new executor right away (a container's stdout/stderr exist from the
   * moment it starts, even before anything is written to them).
   */
  touchExecutor(execId: string): void {
    if (execId === 'driver') return;
    for (const stream of ['stdout', 'stderr'] as const) {
      const p = this.executorLogPath(execId, stream);
      if (!p) continue;
      this.file(p);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.closeSync(fs.openSync(p, 'a'));
    }
  }

  /** Deferred mode: write queued lines (in order) up to the first one later than t. */
  release(t: number): void {
    const q = this.pending;
    if (!q) return;
    while (this.head < q.length && q[this.head]!.t <= t) {
      const e = q[this.head++]!;
      this.file(e.path).append(e.text);
    }
    if (this.head > 4096 && this.head * 2 > q.length) {
      q.splice(0, this.head);
      this.head = 0;
    }
  }

  get queued(): number {
    return this.pending ? this.pending.length - this.head : 0;
  }

  /** Drop lines that were never released (live appender stopped mid-round). */
  discardPending(): void {
    if (this.pending) {
      this.pending.length = 0;
      this.head = 0;
    }
  }

  drain(): void {
    for (const f of this.files.values()) f.drain();
  }

  close(mtimeMs?: number): void {
    for (const f of this.files.values()) f.close(mtimeMs);
    this.files.clear();
  }

  /** Paths of every file written so far. */
  paths(): string[] {
    return [...this.files.keys()];
  }
}

/** Java 8 -XX:+PrintGCDetails -XX:+PrintGCDateStamps young-collection line. */
export function gcLogLineJava8(t: number, uptimeSec: number, youngBeforeK: number, youngAfterK: number, youngCapK: number, heapBeforeK: number, heapAfterK: number, heapCapK: number, secs: number): string {
  const real = secs.toFixed(2);
  return `${gcTime(t)}: ${uptimeSec.toFixed(3)}: [GC (Allocation Failure) [PSYoungGen: ${youngBeforeK}K->${youngAfterK}K(${youngCapK}K)] ${heapBeforeK}K->${heapAfterK}K(${heapCapK}K), ${secs.toFixed(7)} secs] [Times: user=${(secs * 3.6).toFixed(2)} sys=${(secs * 0.4).toFixed(2)}, real=${real} secs] `;
}

/** Java 17 unified GC logging (-Xlog:gc*) pause line. */
export function gcLogLineJava17(t: number, uptimeSec: number, gcId: number, beforeM: number, afterM: number, capM: number, ms: number): string {
  return `[${gcTime(t)}][${uptimeSec.toFixed(3)}s][info][gc] GC(${gcId}) Pause Young (Normal) (G1 Evacuation Pause) ${beforeM}M->${afterM}M(${capM}M) ${ms.toFixed(3)}ms`;
}
