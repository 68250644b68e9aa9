import { z } from 'zod';
import { Long, Milliseconds, SparkDateString } from './scalars.js';

/** One attempt of an application (`applications/{appId}/{attemptId}` answers this shape alone). */
export const ApplicationAttemptInfo = z.looseObject({
  /** Absent for apps that have no attempt id (local, standalone, YARN client mode). */
  attemptId: z.string().optional(),
  startTime: SparkDateString,
  /** `1969-12-31T23:59:59.999GMT` (epoch -1) while the attempt is incomplete. */
  endTime: SparkDateString,
  lastUpdated: SparkDateString,
  /** 0 for an incomplete attempt in the History Server. */
  duration: Milliseconds,
  sparkUser: z.string(),
  completed: z.boolean(),
  appSparkVersion: z.string(),
  // Spark 4.x logs only (Spark 4's History Server adds these):
  /** The driver's exit code (`ExitCode` of the application-end event); absent while running. */
  exitCode: z.number().int().optional(),
  /** The event-log directory the attempt was read from (its URI). */
  logSourceName: z.string().optional(),
  logSourceFullPath: z.string().optional(),
  // Derived getters that Jackson also serializes after the fields above (in no stable order, per Spark's
  // own golden files; clients compare JSON objects by key).
  startTimeEpoch: Long,
  endTimeEpoch: Long,
  lastUpdatedEpoch: Long,
});
export type ApplicationAttemptInfo = z.infer<typeof ApplicationAttemptInfo>;

export const ApplicationInfo = z.looseObject({
  id: z.string(),
  name: z.string(),
  // Only the live standalone UI fills these; the History Server omits them (empty Options).
  coresGranted: Long.optional(),
  maxCores: Long.optional(),
  coresPerExecutor: Long.optional(),
  memoryPerExecutorMB: Long.optional(),
  /** Newest attempt first. */
  attempts: z.array(ApplicationAttemptInfo),
});
export type ApplicationInfo = z.infer<typeof ApplicationInfo>;
