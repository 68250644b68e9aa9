import type { TaskData } from '../../../api/index.js';
import { sparkTime } from '../../lib/formatDate.js';
import { taskPhaseDurations } from './taskPhases.js';
import type { TimelineTaskInput } from './taskTimelineLayout.js';

/** Spark's TaskData → the timeline's plain input (finish = launch + duration, or now while running). */
export function timelineTaskFromSpark(task: TaskData, now: number): TimelineTaskInput {
  const launch = sparkTime(task.launchTime) ?? now;
  const running = task.duration === undefined;
  const finish = running ? Math.max(now, launch) : launch + task.duration!;
  const m = task.taskMetrics;
  return {
    executorId: task.executorId,
    host: task.host,
    launch,
    finish,
    phases: taskPhaseDurations({
      totalMs: finish - launch,
      running,
      schedulerDelay: task.schedulerDelay,
      gettingResultTime: task.gettingResultTime,
      executorDeserializeTime: m?.executorDeserializeTime ?? 0,
      resultSerializationTime: m?.resultSerializationTime ?? 0,
      executorRunTime: m?.executorRunTime,
      shuffleFetchWaitTime: m?.shuffleReadMetrics.fetchWaitTime ?? 0,
      shuffleWriteTimeNs: m?.shuffleWriteMetrics.writeTime ?? 0,
    }),
  };
}
