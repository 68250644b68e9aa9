import type { AppUsage } from '../../api/console/usage.js';
import type { RetentionLimits } from '../config.js';
import type { LogSource } from '../eventlog/discovery.js';

/** Counters that tell a user how clean a log was. */
export interface ReplayStats {
  lines: number;
  malformedLines: number;
  oversizedLines: number;
  bytes: number;
  failedEvents: number;
  unknownEvents: number;
  tornTail: boolean;
}

/** What the listing index needs to know about one replayed log. */
export interface AttemptSummary {
  key: string;
  dbFile: string;
  appId: string | undefined;
  attemptId: string | undefined;
  name: string;
  sparkUser: string;
  startTime: number;
  endTime: number;
  completed: boolean;
  sparkVersion: string;
  /** Spark 4.x: the driver's exit code, from the application-end event. */
  exitCode: number | undefined;
  lastUpdated: number;
  /** The latest time any event of the log carries (-1 when none): where a log without an end event stops. */
  lastEventTime: number;
  /** Completed and its last job failed: the console's "failed" status (Spark has no app-level failure). */
  failed: boolean;
  jobs: number;
  stats: ReplayStats;
  /** Compute used (executor and driver lifetimes). */
  usage: AppUsage;
  /** `spark.hadoop.odps.project.name`: the MaxCompute project the job ran in, when it says. */
  odpsProject: string | undefined;
  /** The log could only be read up to this error (what came before it is kept). */
  error: string | undefined;
}

/** Main thread → worker. */
export type IngestRequest =
  | {
      type: 'replay';
      id: number;
      source: LogSource;
      /** The store the index currently serves ('' if none); continued when the worker still holds its fold. */
      dbFile: string;
      /** Where a from-scratch replay writes, so readers keep the old store until the new one is complete. */
      newDbFile: string;
      /** Replay from the start even if the worker could continue (file shrank, replaced, or failed before). */
      fresh: boolean;
      retention: RetentionLimits;
      maxLineBytes: number;
    }
  | { type: 'forget'; key: string };

/** Worker → main thread. */
export type IngestResponse =
  | { type: 'done'; id: number; summary: AttemptSummary }
  /** `transient`: the machine failed (disk full, no descriptors), not the log; try again later. */
  | { type: 'failed'; id: number; key: string; message: string; transient: boolean }
  | { type: 'progress'; id: number; key: string; bytes: number };
