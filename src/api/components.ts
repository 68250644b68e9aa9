import type { z } from 'zod';
import * as consoleApi from './console/index.js';
import * as spark from './spark/index.js';

/**
 * The schemas that get a name in the OpenAPI document (`#/components/schemas/<name>`) and are referenced
 * from wherever they occur. Scalars (dates, string maps) stay inline: a `$ref` to "Long" helps nobody.
 */
export const componentSchemas: Readonly<Record<string, z.ZodType>> = {
  // Spark /api/v1
  AccumulableInfo: spark.AccumulableInfo,
  ApplicationAttemptInfo: spark.ApplicationAttemptInfo,
  ApplicationEnvironmentInfo: spark.ApplicationEnvironmentInfo,
  ApplicationInfo: spark.ApplicationInfo,
  ExecutionData: spark.ExecutionData,
  ExecutorMetrics: spark.ExecutorMetrics,
  ExecutorMetricsDistributions: spark.ExecutorMetricsDistributions,
  ExecutorResourceRequest: spark.ExecutorResourceRequest,
  ExecutorStageSummary: spark.ExecutorStageSummary,
  ExecutorSummary: spark.ExecutorSummary,
  InputMetricDistributions: spark.InputMetricDistributions,
  InputMetrics: spark.InputMetrics,
  JobData: spark.JobData,
  JobStatus: spark.JobStatus,
  MemoryMetrics: spark.MemoryMetrics,
  OutputMetricDistributions: spark.OutputMetricDistributions,
  OutputMetrics: spark.OutputMetrics,
  ProcessSummary: spark.ProcessSummary,
  RDDDataDistribution: spark.RDDDataDistribution,
  RDDPartitionInfo: spark.RDDPartitionInfo,
  RDDStorageInfo: spark.RDDStorageInfo,
  ResourceInformation: spark.ResourceInformation,
  ResourceProfileInfo: spark.ResourceProfileInfo,
  RuntimeInfo: spark.RuntimeInfo,
  ShufflePushReadMetricDistributions: spark.ShufflePushReadMetricDistributions,
  ShufflePushReadMetrics: spark.ShufflePushReadMetrics,
  ShuffleReadMetricDistributions: spark.ShuffleReadMetricDistributions,
  ShuffleReadMetrics: spark.ShuffleReadMetrics,
  ShuffleWriteMetricDistributions: spark.ShuffleWriteMetricDistributions,
  ShuffleWriteMetrics: spark.ShuffleWriteMetrics,
  SpeculationStageSummary: spark.SpeculationStageSummary,
  SqlExecutionStatus: spark.SqlExecutionStatus,
  SqlPlanEdge: spark.SqlPlanEdge,
  SqlPlanMetric: spark.SqlPlanMetric,
  SqlPlanNode: spark.SqlPlanNode,
  StageData: spark.StageData,
  StageStatus: spark.StageStatus,
  TaskData: spark.TaskData,
  TaskLocality: spark.TaskLocality,
  TaskMetricDistributions: spark.TaskMetricDistributions,
  TaskMetrics: spark.TaskMetrics,
  TaskResourceRequest: spark.TaskResourceRequest,
  TaskStatus: spark.TaskStatus,
  ThreadStackTrace: spark.ThreadStackTrace,
  VersionInfo: spark.VersionInfo,
  // Console /api/console
  AppChangeEvent: consoleApi.AppChangeEvent,
  AppChangeScope: consoleApi.AppChangeScope,
  AppListItem: consoleApi.AppListItem,
  AppListPage: consoleApi.AppListPage,
  AppListStatus: consoleApi.AppListStatus,
};
