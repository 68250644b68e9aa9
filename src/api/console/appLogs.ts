import { z } from 'zod';
import { intParam } from '../query/paramKinds.js';
import { defineQuery, type QueryError, type QueryInputOf, type QueryOf, type RawQuery } from '../query/queryDefinition.js';

/*
 * Historical driver and executor logs (`/api/console/apps/{appId}/logs…`), read from the configured app-log
 * roots in the layouts Spark writes them: standalone worker `<appId>/<executorId>/stdout|stderr` and the
 * driver's `<appId>_driver.log` (spark.driver.log.dfsDir), optionally under a project folder.
 */

export const LOG_TYPES = ['stdout', 'stderr', 'driver.log'] as const;
export type LogType = (typeof LOG_TYPES)[number];

export const AppLogFile = z.looseObject({
  /** `driver` for the driver log, else the executor id. */
  executorId: z.string(),
  logType: z.enum(LOG_TYPES),
  /** Bytes on disk now (logs of a running application grow). */
  size: z.int(),
  /** Epoch ms of the last write. */
  lastModified: z.int(),
  /**
   * The files making up this log, in reading order, when there are several: Spark's rolled pieces
   * (`stdout--2016-11-15--23-20`, `….gz`) then the active file. Offsets and `size` address their concatenation.
   */
  pieces: z.array(z.string()).optional(),
});
export type AppLogFile = z.infer<typeof AppLogFile>;

export const AppLogList = z.looseObject({ appId: z.string(), files: z.array(AppLogFile) });
export type AppLogList = z.infer<typeof AppLogList>;

/** Spark's log page reads 100 KiB at a time; the console does the same and caps a request at 1 MiB. */
export const LOG_CHUNK_DEFAULT = 100 * 1024;
export const LOG_CHUNK_MAX = 1024 * 1024;

export const logChunkQuery = defineQuery({
  offset: intParam({ default: -1, min: -1, max: Number.MAX_SAFE_INTEGER, description: 'First byte to return; -1 means the last `length` bytes (the tail).' }),
  length: intParam({ default: LOG_CHUNK_DEFAULT, min: 1, max: LOG_CHUNK_MAX, description: 'Number of bytes to return.' }),
});
export type LogChunkQuery = QueryOf<typeof logChunkQuery>;
export type LogChunkQueryInput = QueryInputOf<typeof logChunkQuery>;
export const parseLogChunkQuery = (raw: RawQuery): LogChunkQuery | QueryError => logChunkQuery.parse(raw);

/** One slice of a log file: `text` holds bytes [start, end) of `size`. */
export const LogChunk = z.looseObject({
  start: z.int(),
  end: z.int(),
  size: z.int(),
  text: z.string(),
  /** The bytes hold NUL characters: this is not a text log (shown as text anyway). */
  binary: z.boolean().optional(),
});
export type LogChunk = z.infer<typeof LogChunk>;
