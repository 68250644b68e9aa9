/**
 * The thresholds of the diagnostics rules (issue 14), the ones DataFlint uses. A rule fires strictly above
 * its threshold: a value exactly at it does not.
 */
export const THRESHOLDS = {
  /** Skew: the slowest task of a stage runs longer than this… */
  skewMinMaxMs: 5_000,
  /** …and longer than this many times the median task. */
  skewRatio: 10,
  /** GC time as a share of task time, per stage and per executor. */
  gcShare: 0.1,
  /** Many tiny tasks: more tasks than this in one stage attempt… */
  tinyTasksCount: 5_000,
  /** …with a median task shorter than this. */
  tinyTasksMedianMs: 500,
  /** Idle cores: the share of allocated core time no task used. */
  idleCoreShare: 0.5,
  /** Large partition: one task read more input or shuffle data than this. */
  largePartitionBytes: 5 * 1024 ** 3,
  /** Executor memory under-provisioned: peak heap use above this share of spark.executor.memory… */
  memoryHighShare: 0.95,
  /** …over-provisioned: the busiest executor's peak stays below this share. */
  memoryLowShare: 0.7,
  /** Small files: more files than this read or written by one plan node… */
  smallFilesCount: 100,
  /** …with an average file smaller than this. */
  smallFileAvgBytes: 3 * 1024 ** 2,
  /** Large broadcast: a broadcast exchange's data size above this. */
  broadcastBytes: 1024 ** 3,
} as const;

/** How many skewed tasks a skew finding lists. */
export const SKEWED_TASKS_SHOWN = 5;

/** Failed task rows read for grouping errors: enough for any real failure pattern, bounded for huge logs. */
export const FAILED_TASKS_READ = 5_000;

/** A core-hour of task or idle time, in ms; counted as one CU-hour (1 CU = 1 core + 4 GB). */
export const MS_PER_CORE_HOUR = 3_600_000;

/** SQL executions read for the file and broadcast rules: every query of a batch job, bounded for streaming ones. */
export const SQL_EXECUTIONS_READ = 2_000;
