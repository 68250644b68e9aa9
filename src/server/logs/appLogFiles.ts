import fs from 'node:fs';
import path from 'node:path';
import type { AppLogFile, LogChunk, LogType } from '../../api/console/appLogs.js';
import { compareExecutorIds } from '../../api/executorOrder.js';

/** Ids Spark writes into log paths: no separators, no dot-dot; anything else is refused before touching disk. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id) && !id.includes('..') && id.length <= 255;
}

/**
 * Finds an application's driver and executor logs under the app-log roots, as Spark's standalone worker and
 * driver-log persistence lay them out: `<root>[/<project>]/<appId>/<executorId>/stdout|stderr` and
 * `<root>[/<project>]/<appId>_driver.log`. Every resolved path is checked to stay inside its root.
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
    if (!isSafeId(appId)) return [];
    const files: AppLogFile[] = [];
    const seen = new Set<string>();
    for (const { root, dir } of this.appDirs(appId, project)) {
      const driver = this.inside(root, path.join(dir, `${appId}_driver.log`));
      if (driver) this.add(files, seen, 'driver', 'driver.log', driver);
      const execRoot = this.inside(root, path.join(dir, appId));
      if (!execRoot || !isDirectory(execRoot)) continue;
      for (const exec of fs.readdirSync(execRoot).sort(compareExecutorIds)) {
        if (!isSafeId(exec)) continue;
        for (const type of ['stdout', 'stderr'] as const) {
          const file = this.inside(root, path.join(execRoot, exec, type));
          if (file) this.add(files, seen, exec, type, file);
        }
      }
    }
    return files;
  }

  /** The file for one log, or undefined when it does not exist (or the ids are not safe). */
  resolve(appId: string, project: string | null, executorId: string, logType: LogType): string | undefined {
    if (!isSafeId(appId) || !isSafeId(executorId)) return undefined;
    for (const { root, dir } of this.appDirs(appId, project)) {
      const candidate =
        logType === 'driver.log'
          ? executorId === 'driver' ? path.join(dir, `${appId}_driver.log`) : undefined
          : path.join(dir, appId, executorId, logType);
      const file = candidate && this.inside(root, candidate);
      if (file && isFile(file)) return file;
    }
    return undefined;
  }

  /** Bytes [offset, offset+length) of a log, or its last `length` bytes when offset is -1. */
  read(file: string, offset: number, length: number): LogChunk {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      let start = offset < 0 ? Math.max(0, size - length) : Math.min(offset, size);
      let end = Math.min(size, start + length);
      const buf = Buffer.alloc(end - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      // Cut at UTF-8 character boundaries, so a character split between two chunks is read whole by one.
      let from = 0;
      while (from < buf.length && start + from > 0 && (buf[from]! & 0xc0) === 0x80) from++;
      let to = buf.length;
      if (end < size) {
        let lead = to - 1;
        while (lead > from && (buf[lead]! & 0xc0) === 0x80) lead--;
        const need = buf[lead]! >= 0xf0 ? 4 : buf[lead]! >= 0xe0 ? 3 : buf[lead]! >= 0xc0 ? 2 : 1;
        if (lead + need > to) to = lead;
      }
      start += from;
      end = start + (to - from);
      return { start, end, size, text: buf.toString('utf8', from, to) };
    } finally {
      fs.closeSync(fd);
    }
  }

  private add(files: AppLogFile[], seen: Set<string>, executorId: string, logType: LogType, file: string): void {
    const key = `${executorId}/${logType}`;
    if (seen.has(key)) return;
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile()) return;
    seen.add(key);
    files.push({ executorId, logType, size: st.size, lastModified: Math.round(st.mtimeMs) });
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

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

