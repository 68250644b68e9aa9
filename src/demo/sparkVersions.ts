// Per-version field rules: which fields and events a given Spark release writes.
// Source: spec/eventlog.md §3.0 (field-introduction timeline) and §3.1–3.9. Every writer in
// eventWriters.ts consults these flags instead of comparing version strings itself, so the
// rules live in one place.

export interface SparkVersionRules {
  /** What LogStart says, e.g. "3.4.2-odps0.48.0" (vendor suffixes are realistic, §3.1). */
  version: string;
  major: number;
  minor: number;
  patch: number;
  scalaVersion: string;
  /** 3.0+: TaskEnd "Task Executor Metrics", TaskMetrics "Peak Execution Memory". */
  taskExecutorMetrics: boolean;
  /** 3.0+: Environment "Hadoop Properties". */
  hadoopProperties: boolean;
  /** 3.0+: ExecutorInfo Attributes/Resources, RDDInfo Barrier, ApplicationStart Driver Attributes. */
  executorAttributes: boolean;
  rddBarrier: boolean;
  /** 3.0+: FetchFailed "Map Index" and Map ID = map task attempt id. */
  fetchFailedMapIndex: boolean;
  /** 3.0+: SparkListenerStageExecutorMetrics (when spark.eventLog.logStageExecutorMetrics). */
  stageExecutorMetrics: boolean;
  /** 3.1+: ResourceProfileAdded, StageInfo/ExecutorInfo "Resource Profile Id". */
  resourceProfiles: boolean;
  /** 3.1+: *Excluded* events posted alongside the *Blacklisted* ones. */
  excludedEvents: boolean;
  /** 2.4+: *BlacklistedForStage* events. */
  blacklistedForStage: boolean;
  /** 3.1+: StageSubmitted property resource.executor.cores. */
  stageResourceProperty: boolean;
  /** 3.2+: RDDInfo DeterministicLevel. */
  deterministicLevel: boolean;
  /** 3.2+: JobStart/StageSubmitted Properties are redacted too. */
  redactJobProperties: boolean;
  /** 3.3+: TaskInfo "Partition ID", executor metric TotalGCTime, SQL start modifiedConfigs. */
  partitionId: boolean;
  totalGCTime: boolean;
  sqlModifiedConfigs: boolean;
  /** 3.4+ */
  metricsProperties: boolean;
  registrationTime: boolean;
  useOffHeap: boolean;
  shufflePushStageFields: boolean;
  pushBasedShuffleReadMetrics: boolean;
  sqlRootExecutionId: boolean;
  sqlErrorMessage: boolean;
  /** 3.5+: SQL start jobTags, JobStart property spark.job.tags. */
  jobTags: boolean;
  /** 2.4+: TaskKilled carries "Accumulator Updates". */
  taskKilledAccumUpdates: boolean;
  /** 3.0+: rolling event logs exist. */
  rollingLogs: boolean;
  /** 3.0+: event-log codec key is spark.eventLog.compression.codec. */
  eventLogCodecKey: boolean;
  /** 3.2+: AQE on by default → SQLAdaptiveExecutionUpdate events. */
  adaptiveExecution: boolean;
  /** Default spark.redaction.regex for this release (spec/maxcompute.md §1.4). */
  redactionRegex: RegExp;
  /** Kill reason for tasks of a stage cancelled because its job was aborted. */
  stageCancelledReason: (failure: string) => string;
  /** log4j 2 (3.3+) uses MiB/GiB in sizes; log4j 1 era Spark printed "MB". */
  binaryUnits: boolean;
}

export function parseVersion(version: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) throw new Error(`unparseable Spark version ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

export function versionRules(version: string): SparkVersionRules {
  const [major, minor, patch] = parseVersion(version);
  const at = (ma: number, mi: number) => major > ma || (major === ma && minor >= mi);
  const scala = at(3, 5) ? 'version 2.12.18' : at(3, 4) ? 'version 2.12.17' : at(3, 0) ? 'version 2.12.10' : 'version 2.11.12';
  const regex = at(3, 2)
    ? /secret|password|token|access[.]key/i
    : at(3, 0)
      ? /secret|password|token/i
      : /secret|password/i;
  return {
    version,
    major,
    minor,
    patch,
    scalaVersion: scala,
    taskExecutorMetrics: at(3, 0),
    hadoopProperties: at(3, 0),
    executorAttributes: at(3, 0),
    rddBarrier: at(3, 0),
    fetchFailedMapIndex: at(3, 0),
    stageExecutorMetrics: at(3, 0),
    resourceProfiles: at(3, 1),
    excludedEvents: at(3, 1),
    blacklistedForStage: at(2, 4),
    stageResourceProperty: at(3, 1),
    deterministicLevel: at(3, 2),
    redactJobProperties: at(3, 2),
    partitionId: at(3, 3),
    totalGCTime: at(3, 3),
    sqlModifiedConfigs: at(3, 3),
    metricsProperties: at(3, 4),
    registrationTime: at(3, 4),
    useOffHeap: at(3, 4),
    shufflePushStageFields: at(3, 4),
    pushBasedShuffleReadMetrics: at(3, 4),
    sqlRootExecutionId: at(3, 4),
    sqlErrorMessage: at(3, 4),
    jobTags: at(3, 5),
    taskKilledAccumUpdates: at(2, 4),
    rollingLogs: at(3, 0),
    eventLogCodecKey: at(3, 0),
    adaptiveExecution: at(3, 2),
    redactionRegex: regex,
    stageCancelledReason: at(3, 4) ? (f) => `Stage cancelled: ${f}` : () => 'Stage cancelled',
    binaryUnits: at(3, 0),
  };
}

/** The MaxCompute Spark client releases (spec/maxcompute.md §1.2) plus stock Apache builds. */
export const MAXCOMPUTE_VERSIONS = {
  '2.4': '2.4.5-odps0.34.0',
  '3.1': '3.1.1-odps0.34.1',
  '3.4': '3.4.2-odps0.48.0',
  '3.5': '3.5.2-odps0.49.0',
} as const;

export type VersionLine = keyof typeof MAXCOMPUTE_VERSIONS;

/** "spark-3.4.2-odps0.48.0", the value of spark.hadoop.odps.spark.version. */
export function odpsSparkVersion(version: string): string {
  return `spark-${version}`;
}
