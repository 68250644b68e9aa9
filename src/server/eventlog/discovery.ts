import fs from 'node:fs/promises';
import path from 'node:path';
import { type CodecName, codecFromFileName } from './codecs/index.js';

/** One event-log file as found on disk. */
export interface LogFile {
  path: string;
  size: number;
  mtimeMs: number;
  codec: CodecName;
  /** Rolling index N of `events_N_…` (0 for single-file logs). */
  index: number;
}

/** One application attempt's log, in any of the layouts Spark writes (spec/eventlog.md §1). */
export interface LogSource {
  /** Stable identity: the path relative to its root, with '/' separators. */
  key: string;
  root: string;
  path: string;
  layout: 'single' | 'rolling' | 'legacy';
  /** First folder under the root when the log is nested (a MaxCompute project folder). */
  project: string | undefined;
  /** Files to replay, in order (rolling: from the last compacted file on). */
  files: LogFile[];
  /** Size and mtime of the last file, Spark's change signal. */
  size: number;
  mtimeMs: number;
  /** The writer may still append (`.inprogress` file, or rolling appstatus `.inprogress`). */
  inProgress: boolean;
  /** Why the log cannot be read, when that is known without reading it. */
  error?: string;
}

const ROLLING_PREFIX = 'eventlog_v2_';
const MAX_DEPTH = 4;

/** A folder (or a root) that could not be listed: what was under it is unknown, not gone. */
export interface UnreadablePath {
  root: string;
  /** Absolute path of the folder or file that could not be read. */
  path: string;
  /** The error code and text, without the path (e.g. `ENOENT: no such file or directory`). */
  error: string;
}

export interface ScanResult {
  sources: LogSource[];
  unreadable: UnreadablePath[];
}

/**
 * Lists every event log under the roots. Like Spark's FsHistoryProvider it ignores dot-files and treats any
 * other file as a single-file log and `eventlog_v2_*` folders as rolling logs; unlike Spark it also descends
 * into plain sub-folders (one per project), and lists Spark 1.0–1.2 legacy folders as unsupported.
 */
export async function discoverLogs(roots: string[]): Promise<LogSource[]> {
  return (await scanRoots(roots)).sources;
}

/**
 * discoverLogs, plus the folders that could not be read. A root that is absent or unreadable (remount,
 * EMFILE) lists nothing, and that must not read as "all its logs were deleted".
 */
export async function scanRoots(roots: string[]): Promise<ScanResult> {
  const result: ScanResult = { sources: [], unreadable: [] };
  for (const root of roots) {
    const abs = path.resolve(root);
    await walk(abs, abs, 0, result);
    // A root that went away while it was walked gave a partial listing: none of it counts as gone.
    if (!result.unreadable.some((u) => u.root === abs && u.path === abs)) {
      try {
        await fs.stat(abs);
      } catch (err) {
        result.unreadable.push({ root: abs, path: abs, error: fsErrorText(err) });
      }
    }
  }
  return result;
}

/** An fs error's code and description without the path Node appends (`…, scandir '/abs/path'`). */
export function fsErrorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const message = String(e?.message ?? err).replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
  return message;
}

/** A vanished entry (rename of .inprogress) is simply gone; any other error leaves the entry unknown. */
function isGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

async function walk(root: string, dir: string, depth: number, result: ScanResult): Promise<void> {
  const out = result.sources;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    // Below the root, a folder that vanished is gone with its logs; the root itself never is.
    if (dir === root || !isGone(err)) result.unreadable.push({ root, path: dir, error: fsErrorText(err) });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const key = path.relative(root, full).split(path.sep).join('/');
    const project = depth > 0 ? key.split('/')[0] : undefined;
    try {
      if (entry.isFile()) {
        const st = await fs.stat(full);
        out.push(singleFileSource(root, full, key, project, st.size, st.mtimeMs));
      } else if (entry.isDirectory()) {
        if (entry.name.startsWith(ROLLING_PREFIX)) {
          const src = await rollingSource(root, full, key, project);
          if (src) out.push(src);
        } else if (await isLegacyDir(full)) {
          const st = await fs.stat(full);
          out.push({
            key, root, path: full, layout: 'legacy', project, files: [], size: 0, mtimeMs: st.mtimeMs, inProgress: false,
            error: 'Spark 1.0–1.2 legacy log directory (EVENT_LOG_n files) is not supported; Spark 2.0+ cannot read it either',
          });
        } else if (depth < MAX_DEPTH) {
          await walk(root, full, depth + 1, result);
        }
      }
    } catch (err) {
      // A file that vanished between readdir and stat (rename of .inprogress) is simply picked up next scan,
      // unless its folder vanished with it: then the rest of this folder's listing is unknown, not gone.
      if (!isGone(err)) result.unreadable.push({ root, path: full, error: fsErrorText(err) });
      else if (!(await exists(dir))) {
        result.unreadable.push({ root, path: dir, error: fsErrorText(err) });
        return;
      }
    }
  }
}

export function singleFileSource(root: string, full: string, key: string, project: string | undefined, size: number, mtimeMs: number): LogSource {
  const name = path.basename(full);
  const bare = name.replace(/\.compact$/, '');
  return {
    key, root, path: full, layout: 'single', project,
    files: [{ path: full, size, mtimeMs, codec: codecFromFileName(name), index: 0 }],
    size, mtimeMs,
    inProgress: bare.endsWith('.inprogress'),
  };
}

async function isLegacyDir(dir: string): Promise<boolean> {
  try {
    const names = await fs.readdir(dir);
    return names.some((n) => n.startsWith('EVENT_LOG_'));
  } catch {
    return false;
  }
}

/**
 * The log at `full` (a single file or a rolling folder) under `root`, as a scan would find it; undefined
 * when there is none (or a folder is not a rolling log yet).
 */
export async function sourceAt(root: string, full: string): Promise<LogSource | undefined> {
  const st = await fs.stat(full).catch(() => undefined);
  if (!st) return undefined;
  const key = path.relative(root, full).split(path.sep).join('/');
  const project = key.includes('/') ? key.split('/')[0] : undefined;
  if (st.isFile()) return singleFileSource(root, full, key, project, st.size, st.mtimeMs);
  if (st.isDirectory() && path.basename(full).startsWith(ROLLING_PREFIX)) return rollingSource(root, full, key, project).catch(() => undefined);
  return undefined;
}

/** Spark's RollingEventLogFilesFileReader rules: needs events_* and appstatus_*, drops files before the last compact. */
async function rollingSource(root: string, dir: string, key: string, project: string | undefined): Promise<LogSource | undefined> {
  const names = await fs.readdir(dir);
  const status = names.find((n) => n.startsWith('appstatus_'));
  const eventNames = names.filter((n) => n.startsWith('events_'));
  if (!status || eventNames.length === 0) return undefined; // not an app log (yet)
  const parsed = eventNames
    .map((n) => {
      const m = /^events_(\d+)_/.exec(n);
      return { name: n, index: m ? Number(m[1]) : Number.NaN, compact: n.endsWith('.compact') };
    })
    .filter((f) => Number.isFinite(f.index))
    .sort((a, b) => a.index - b.index || Number(a.compact) - Number(b.compact));
  let start = 0;
  parsed.forEach((f, i) => {
    if (f.compact) start = i;
  });
  const retained = parsed.slice(start);
  const files: LogFile[] = [];
  for (const f of retained) {
    const st = await fs.stat(path.join(dir, f.name));
    files.push({ path: path.join(dir, f.name), size: st.size, mtimeMs: st.mtimeMs, codec: codecFromFileName(f.name), index: f.index });
  }
  let error: string | undefined;
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.index !== files[i - 1]!.index + 1) {
      error = `Found missing event log file, expected index ${files[i - 1]!.index + 1} but found ${files[i]!.index}`;
      break;
    }
  }
  const last = files[files.length - 1]!;
  return {
    key, root, path: dir, layout: 'rolling', project, files,
    size: last.size, mtimeMs: last.mtimeMs,
    inProgress: status.endsWith('.inprogress'),
    error,
  };
}
