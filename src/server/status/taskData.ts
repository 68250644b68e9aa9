import { type Json, obj } from './eventJson.js';
import { formatSparkDate } from '../../api/spark/sparkDate.js';
import { restAccumulables, taskInfoFromJson, taskStatus } from './stageInfo.js';
import { taskErrorMessage } from './taskEndReason.js';
import { M, type MetricVector, metricsFromJson, restTaskMetrics } from './taskMetrics.js';

/** What a stored task row holds that TaskData needs beyond its event line. */
export interface StoredTask {
  raw: string;
  duration: number;
}

/** AppStatusUtils.gettingResultTime. */
export function gettingResultTime(launchTime: number, fetchStart: number, duration: number, now = Date.now()): number {
  if (fetchStart <= 0) return 0;
  return duration > 0 ? launchTime + duration - fetchStart : now - fetchStart;
}

/** AppStatusUtils.schedulerDelay. */
export function schedulerDelay(launchTime: number, fetchStart: number, duration: number, m: MetricVector): number {
  return Math.max(
    0,
    duration - m[M.executorRunTime]! - m[M.executorDeserializeTime]! - m[M.resultSerializationTime]! -
      gettingResultTime(launchTime, fetchStart, duration),
  );
}

/**
 * Rebuilds Spark's REST TaskData from the task's stored event line (TaskEnd, or TaskStart while running) — the
 * same fields AppStatusStore.constructTaskData produces, with the executor's log links joined in.
 */
export function taskDataFromStored(task: StoredTask, executorLogs: Record<string, string>): Json {
  const event = JSON.parse(task.raw) as Json;
  const info = taskInfoFromJson(event['Task Info']);
  const isEnd = event['Event'] === 'SparkListenerTaskEnd';
  const metricsJson = isEnd ? obj(event['Task Metrics']) : undefined;
  const metrics = metricsJson ? metricsFromJson(metricsJson) : undefined;
  const fetchStart = info.gettingResultTime > 0 ? info.gettingResultTime : -1;
  const out: Json = {
    taskId: info.taskId,
    index: info.index,
    attempt: info.attempt,
    partitionId: info.partitionId,
    launchTime: formatSparkDate(info.launchTime),
  };
  if (fetchStart > 0) out.resultFetchStart = formatSparkDate(fetchStart);
  if (task.duration > 0) out.duration = task.duration;
  out.executorId = info.executorId;
  out.host = info.host;
  out.status = taskStatus(info);
  out.taskLocality = info.locality;
  out.speculative = info.speculative;
  out.accumulatorUpdates = restAccumulables(info.accumulables);
  const error = isEnd ? taskErrorMessage(obj(event['Task End Reason'])) : undefined;
  if (error !== undefined) out.errorMessage = error;
  if (metrics) out.taskMetrics = restTaskMetrics(metrics);
  out.executorLogs = executorLogs;
  out.schedulerDelay = metrics && task.duration > 0 ? schedulerDelay(info.launchTime, fetchStart, task.duration, metrics) : 0;
  out.gettingResultTime = gettingResultTime(info.launchTime, fetchStart, task.duration > 0 ? task.duration : -1);
  return out;
}
