import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef, type StageQueryInput, type TaskSummaryQueryInput, type TaskTableQueryInput } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** Every stage attempt without task details (the Stages tab, the job page, the DAG). */
export function useStages(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).stages(), queryFn: ({ signal }) => apiClient.stages(app, undefined, { signal }) });
}

/** One stage attempt; `details` (default true) adds the tasks and per-executor maps. */
export function useStage(app: AppRef, stageId: number, attemptId: number, params?: StageQueryInput) {
  return useQuery({
    queryKey: appKeys.app(app).stage(stageId, attemptId).detail(params),
    queryFn: ({ signal }) => apiClient.stage(app, stageId, attemptId, params, { signal }),
  });
}

/** Every attempt of a stage (for the attempt switcher). */
export function useStageAttempts(app: AppRef, stageId: number) {
  const params: StageQueryInput = { details: false };
  return useQuery({
    queryKey: appKeys.app(app).stageAttempts(stageId, params),
    queryFn: ({ signal }) => apiClient.stageAttempts(app, stageId, params, { signal }),
  });
}

/**
 * Quantiles of the stage's task metrics; a 404 means no task reported metrics yet. `enabled: false` when the
 * stage's counters already say so (no task ended: a skipped or just-started stage), to spare the request.
 */
export function useTaskSummary(app: AppRef, stageId: number, attemptId: number, params: TaskSummaryQueryInput, enabled = true) {
  return useQuery({
    queryKey: appKeys.app(app).stage(stageId, attemptId).taskSummary(params),
    queryFn: ({ signal }) => apiClient.taskSummary(app, stageId, attemptId, params, { signal }),
    enabled,
  });
}

/** One page of the console task table: sorted on any column, filtered by status and a search text, with its total. */
export function useTaskTable(app: AppRef, stageId: number, attemptId: number, params: TaskTableQueryInput) {
  return useQuery({
    queryKey: appKeys.app(app).stage(stageId, attemptId).taskTable(params),
    queryFn: ({ signal }) => apiClient.taskTable(app, stageId, attemptId, params, { signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every task of a stage attempt as timeline columns (the console's task-timeline endpoint): one request, a few
 * MB even for 100k tasks, for the task timeline and the duration histogram.
 */
export function useTaskTimeline(app: AppRef, stageId: number, attemptId: number) {
  return useQuery({
    queryKey: appKeys.app(app).stage(stageId, attemptId).timeline(),
    queryFn: ({ signal }) => apiClient.taskTimeline(app, stageId, attemptId, { signal }),
  });
}

/** Parents, RDD graphs, jobs and locality of every stage attempt (console stage graph; the DAGs draw from it). */
export function useStageGraph(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).stageGraph(), queryFn: ({ signal }) => apiClient.stageGraph(app, { signal }) });
}
