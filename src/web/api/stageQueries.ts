import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef, type StageQueryInput, type TaskListQueryInput, type TaskSummaryQueryInput } from '../../api/index.js';
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

/** Quantiles of the stage's task metrics; a 404 means no task reported metrics yet. */
export function useTaskSummary(app: AppRef, stageId: number, attemptId: number, params: TaskSummaryQueryInput) {
  return useQuery({
    queryKey: appKeys.app(app).stage(stageId, attemptId).taskSummary(params),
    queryFn: ({ signal }) => apiClient.taskSummary(app, stageId, attemptId, params, { signal }),
  });
}

/** One page of a stage's tasks, sorted and filtered by the server. */
export function useTaskList(app: AppRef, stageId: number, attemptId: number, params: TaskListQueryInput) {
  return useQuery({
    queryKey: appKeys.app(app).stage(stageId, attemptId).tasks(params),
    queryFn: ({ signal }) => apiClient.taskList(app, stageId, attemptId, params, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Most tasks one stage page loads for its timeline and distributions (the timeline's draw budget). */
export const STAGE_TASKS_CAP = 100_000;
const TASK_CHUNK = 10_000;

/**
 * Every task of a stage attempt (up to STAGE_TASKS_CAP, in id order) for the task timeline, the locality
 * summary and the duration histogram. Fetched through the paged `taskList` in chunks, so a huge stage never
 * asks the server for one enormous answer; the stage detail itself is loaded without its task map.
 */
export function useAllStageTasks(app: AppRef, stageId: number, attemptId: number, taskCount: number) {
  const wanted = Math.min(taskCount, STAGE_TASKS_CAP);
  return useQuery({
    queryKey: appKeys.app(app).stage(stageId, attemptId).tasks({ offset: 0, length: wanted, sortBy: 'ID' }),
    queryFn: async ({ signal }) => {
      const all = [];
      for (let offset = 0; offset < wanted; offset += TASK_CHUNK) {
        const chunk = await apiClient.taskList(app, stageId, attemptId, { offset, length: Math.min(TASK_CHUNK, wanted - offset), sortBy: 'ID' }, { signal });
        all.push(...chunk);
        if (chunk.length < TASK_CHUNK) break;
      }
      return all;
    },
  });
}
