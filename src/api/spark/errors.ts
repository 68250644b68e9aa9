/**
 * Spark's plain-text error bodies, byte for byte (note the double spaces Spark puts after a full stop).
 * The server answers with these; the route table documents them by calling the same functions with
 * `{placeholder}` arguments, so a text exists in exactly one place.
 */
export const sparkErrors = {
  /** 404 on `applications/{appId}`. */
  unknownApp: (appId: string) => `unknown app: ${appId}`,
  /** 404 on `applications/{appId}/{attemptId}`. */
  unknownAppAttempt: (appId: string, attemptId: string) => `unknown app ${appId}, attempt ${attemptId}`,
  /** 404 on any sub-resource (jobs, stages, …, logs) of an unknown app or attempt. */
  noSuchApp: (appId: string, attemptId?: string) =>
    `no such app: ${attemptId === undefined ? appId : `${appId}/${attemptId}`}`,
  /** 403 when ACLs deny the remote user. */
  notAuthorized: (user: string) => `user "${user}" is not authorized`,
  unknownJob: (jobId: number | string) => `unknown job: ${jobId}`,
  unknownStage: (stageId: number | string) => `unknown stage: ${stageId}`,
  /** `attempts` are the attempt ids that do exist, e.g. `[0,1]`. */
  unknownStageAttempt: (stageId: number | string, attempts: readonly (number | string)[]) =>
    `unknown attempt for stage ${stageId}.  Found attempts: [${attempts.join(',')}]`,
  /** 404 from taskSummary when no task of the attempt has metrics yet. */
  noTaskMetrics: (stageId: number | string, attemptId: number | string) =>
    `No tasks reported metrics for ${stageId} / ${attemptId} yet.`,
  unknownRdd: (rddId: number | string) => `no rdd found w/ id ${rddId}`,
  unknownSqlExecution: (executionId: number | string) => `unknown query execution id: ${executionId}`,
  /** 503 when the event-log zip cannot be produced. */
  eventLogsUnavailable: (appId: string) => `Event logs are not available for app: ${appId}.`,
  /** 503: thread dumps need a live executor. */
  threadDumpsUnavailable: () => 'Thread dumps not available through the history server.',
  /** 400 on `executors/{executorId}/threads`. */
  invalidExecutorId: () => "Invalid executorId: neither 'driver' nor number.",
  /**
   * 400 for a query parameter Spark cannot convert. `expected` carries its article, e.g. `a double`, so
   * `badParameter('quantiles', 'a double', 'foo')` is Spark's exact text.
   */
  badParameter: (param: string, expected: string, actual: string) =>
    `Bad value for parameter "${param}".  Expected ${expected}, got "${actual}"`,
  /** 400 for minDate/maxDate/minEndDate/maxEndDate. */
  badDate: (value: string) => `Couldn't parse date: ${value}`,
} as const;

export type SparkErrorName = keyof typeof sparkErrors;
