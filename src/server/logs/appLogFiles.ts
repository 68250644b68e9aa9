import fs from 'node:fs';
import path from 'node:path';
import type { AppLogFile, LogChunk, LogType } from '../../api/console/appLogs.js';
import { compareExecutorIds } from '../../api/executorOrder.js';
import { LogicalLog, orderPieces, statPiece, type LogPiece } from './logicalLog.js';

/** Ids Spark writes into log paths: no separators, no dot-dot; anything else is refused before touching disk. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id) && !id.includes('..') && id.length <= 255;
}

/**
 * An application id as a part of a log's path. `spark.app.id` is the user's choice in local mode, and Spark
 * writes `<appId>_driver.log` without sanitizing it, so quotes, spaces, CR/LF and non-ASCII are all names it
 * may write: any single path segment is looked for (no separator, no NUL, not `.` or `..` or hidden), and
 * what it resolves to is still checked to stay inside the root.
 */
export function isSafeAppId(id: string): boolean {
  return id.length > 0 && !/[/\\\0]/.test(id) && !id.startsWith('.') && Buffer.byteLength(id) <= 240;
}

/** One log of an application: who wrote it, which kind, and its pieces in reading order. */
export interface AppLog {
  readonly executorId: string;
  readonly logType: LogType;
  readonly log: LogicalLog;
}

/**
 * Finds an application's driver and executor logs under the app-log roots, as Spark's standalone worker and
 * driver-log persistence lay them out: `<root>[/<project>]/<appId>/<executorId>/stdout|stderr` (with the
 * RollingFileAppender's rolled `stdout--…[.gz]` pieces beside them) and `<root>[/<project>]/<appId>_driver.log`
 * (spark.driver.log.dfsDir). Every resolved path is checked to stay inside its root, symlinks included.
 */
export class AppLogFiles {
  constructor(private readonly roots: string[]) {}

  private appDirs(appId: string, project: string | null): { root: string; dir: string }[] {
    const out: { root: string; dir: string }[] = [];
    for (const root of this.roots) {
      const bases = project && isSafeId(project) ? [path.join(root, project), root] : [root];
      for (const base of bases) out.push({ root, dir: base });
    }
    return out;
  }

  list(appId: string, project: string | null): AppLogFile[] {
    return this.logs(appId, project).map(({ executorId, logType, log }) => ({
      executorId,
      logType,
      size: log.size,
      lastModified: log.lastModified,
      ...(log.pieces.length > 1 ? { pieces: log.pieces.map((p) => p.name) } : {}),
    }));
  }

  /** Every log of the application, driver first, then executors in numeric order. */
  logs(appId: string, project: string | null): AppLog[] {
    if (!isSafeAppId(appId)) return [];
    const out: AppLog[] = [];
    const seen = new Set<string>();
    const add = (executorId: string, logType: LogType, log: LogicalLog | undefined) => {
      const key = `${executorId}/${logType}`;
      if (!log || seen.has(key)) return;
      seen.add(key);
      out.push({ executorId, logType, log });
    };
    for (const { root, dir } of this.appDirs(appId, project)) {
      add('driver', 'driver.log', this.driverLog(root, dir, appId));
      const execRoot = this.inside(root, path.join(dir, appId));
      if (!execRoot || !isDirectory(execRoot)) continue;
      for (const exec of readdir(execRoot).sort(compareExecutorIds)) {
        if (!isSafeId(exec)) continue;
        for (const type of ['stdout', 'stderr'] as const) add(exec, type, this.executorLog(root, path.join(execRoot, exec), type));
      }
    }
    return out;
  }

  /** One log, or undefined when it does not exist (or the ids are not safe). */
  resolve(appId: string, project: string | null, executorId: string, logType: LogType): LogicalLog | undefined {
    if (!isSafeAppId(appId) || !isSafeId(executorId)) return undefined;
    for (const { root, dir } of this.appDirs(appId, project)) {
      const log =
        logType === 'driver.log'
          ? executorId === 'driver' ? this.driverLog(root, dir, appId) : undefined
          : this.executorLog(root, path.join(dir, appId, executorId), logType);
      if (log) return log;
    }
    return undefined;
  }

  /** Bytes [offset, offset+length) of a log, or its last `length` bytes when offset is -1. */
  async read(log: LogicalLog, offset: number, length: number): Promise<LogChunk> {
    const size = log.size;
    let start = offset < 0 ? Math.max(0, size - length) : Math.min(offset, size);
    let end = Math.min(size, start + length);
    const buf = await log.read(start, end - start);
    // Cut at UTF-8 character boundaries, so a character split between two chunks is read whole by one.
    let from = 0;
    while (from < buf.length && start + from > 0 && (buf[from]! & 0xc0) === 0x80) from++;
    let to = buf.length;
    if (end < size && to > from) {
      let lead = to - 1;
      while (lead > from && (buf[lead]! & 0xc0) === 0x80) lead--;
      const need = buf[lead]! >= 0xf0 ? 4 : buf[lead]! >= 0xe0 ? 3 : buf[lead]! >= 0xc0 ? 2 : 1;
      if (lead + need > to) to = lead;
    }
    start += from;
    end = start + (to - from);
    // NUL bytes do not occur in text logs: say so rather than show garbage as if it were text.
    const binary = buf.subarray(from, to).includes(0);
    return { start, end, size, text: buf.toString('utf8', from, to), ...(binary ? { binary } : {}) };
  }

  private driverLog(root: string, dir: string, appId: string): LogicalLog | undefined {
    const file = this.inside(root, path.join(dir, `${appId}_driver.log`));
    const piece = file && statPiece(file, `${appId}_driver.log`);
    return piece ? new LogicalLog([piece]) : undefined;
  }

  /** `stdout` or `stderr` of one executor folder with its rolled pieces; undefined when there is none. */
  private executorLog(root: string, execDir: string, type: 'stdout' | 'stderr'): LogicalLog | undefined {
    const realDir = this.inside(root, execDir);
    if (!realDir || !isDirectory(realDir)) return undefined;
    const pieces: LogPiece[] = [];
    for (const name of orderPieces(type, readdir(realDir))) {
      const file = this.inside(root, path.join(realDir, name));
      const piece = file && statPiece(file, name);
      if (piece) pieces.push(piece);
    }
    return pieces.length > 0 ? new LogicalLog(pieces) : undefined;
  }

  /** The real path when it stays inside the root (symlinks included), else undefined. */
  private inside(root: string, candidate: string): string | undefined {
    let real: string;
    try {
      real = fs.realpathSync(candidate);
    } catch {
      return undefined;
    }
    const realRoot = fs.realpathSync(root);
    return real === realRoot || real.startsWith(realRoot + path.sep) ? real : undefined;
  }
}

/** A folder's names; an unreadable folder has none. */
function readdir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

