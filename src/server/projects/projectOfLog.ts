import path from 'node:path';
import { DEFAULT_PROJECT } from '../../api/access.js';

/** What decides a log's project: where it was found, and (later) what its Spark properties say. */
export interface LogLocation {
  readonly path: string;
  /** The first folder under its event-log root, if any. */
  readonly project: string | null;
  /** `spark.hadoop.odps.project.name` from its Spark properties, if set. */
  readonly odpsProject: string | null;
}

/**
 * A log belongs to the project whose declared event-log folder holds it; else to the project its Spark
 * properties name (`spark.hadoop.odps.project.name`); else to the one its folder under an event-log root
 * names; else to `default`.
 */
export function projectResolver(declared: readonly { name: string; eventLogs: readonly string[] }[]): (log: LogLocation) => string {
  const folders = declared.flatMap((p) => p.eventLogs.map((dir) => ({ prefix: path.resolve(dir) + path.sep, name: p.name })));
  // The deepest folder wins when declared folders nest.
  folders.sort((a, b) => b.prefix.length - a.prefix.length);
  return (log) => {
    for (const f of folders) if (log.path.startsWith(f.prefix)) return f.name;
    return log.odpsProject || log.project || DEFAULT_PROJECT;
  };
}
