import type { CodecName } from './codecName.js';

const COMPACTED_SUFFIX = '.compact';
const IN_PROGRESS_SUFFIX = '.inprogress';
const COMPRESSED_EXTENSIONS: ReadonlySet<string> = new Set(['lz4', 'lzf', 'snappy', 'zstd']);

/**
 * Codec named by a Spark log file name, the way Spark's EventLogFileReader.codecName reads it:
 * strip `.compact`, then `.inprogress`, then take the last `.` token. A missing or unknown
 * token means plain text (Spark's own names never contain other dots).
 */
export function codecFromFileName(fileName: string): CodecName {
  // Accept a path too: only the last segment is the log's name.
  let name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  if (name.endsWith(COMPACTED_SUFFIX)) name = name.slice(0, -COMPACTED_SUFFIX.length);
  if (name.endsWith(IN_PROGRESS_SUFFIX)) name = name.slice(0, -IN_PROGRESS_SUFFIX.length);
  const dot = name.lastIndexOf('.');
  if (dot < 0) return 'none';
  const token = name.slice(dot + 1);
  return COMPRESSED_EXTENSIONS.has(token) ? (token as CodecName) : 'none';
}
