import type { StageGraph } from '../../api/console/stageGraph.js';
import type { TaskTimeline } from '../../api/console/taskTimeline.js';
import { gettingResultTime } from '../status/taskData.js';
import { M } from '../status/taskMetrics.js';
import type { AppStoreReader } from '../store/appStoreReader.js';

/** Every stage attempt's parents, RDDs, jobs and locality, for the job and stage DAGs. */
export function stageGraph(store: AppStoreReader): StageGraph {
  const stages = store.stages().map((s) => ({
    stageId: s.data.stageId as number,
    attemptId: s.data.attemptId as number,
    name: s.data.name as string,
    status: s.data.status as string,
    numTasks: s.data.numTasks as number,
    parentIds: s.parentIds,
    jobIds: s.jobIds,
    localitySummary: s.localitySummary as Record<string, number>,
    rdds: s.rddGraph.map((r) => ({
      id: r.id as number,
      name: r.name as string,
      ...(r.scope !== undefined && r.scope !== null ? { scope: r.scope as string } : {}),
      callSite: (r.callSite as string) ?? '',
      parentIds: (r.parentIds as number[]) ?? [],
      cached: Boolean(r.cached),
      barrier: Boolean(r.barrier),
      deterministicLevel: (r.deterministicLevel as string) ?? 'DETERMINATE',
    })),
  }));
  stages.sort((a, b) => a.stageId - b.stageId || a.attemptId - b.attemptId);
  return { stages };
}

/**
 * A stage attempt's tasks as parallel arrays with Spark's timeline phases (spec §2.11 C): scheduler delay,
 * deserialization, shuffle read (fetch wait), shuffle write (ns → ms), result serialization and getting
 * result. Computing time is the rest of the duration, left to the client.
 */
export function taskTimeline(store: AppStoreReader, stageId: number, attemptId: number): TaskTimeline {
  const rows = store.timelineRows(stageId, attemptId);
  const n = rows.length;
  const execIndex = new Map<string, number>();
  const executors: { id: string; host: string }[] = [];
  const statusIndex = new Map<string, number>();
  const statuses: string[] = [];
  const t: TaskTimeline = {
    stageId, attemptId, count: n, executors, statuses,
    taskId: new Array(n), index: new Array(n), attempt: new Array(n), executor: new Array(n), status: new Array(n),
    speculative: new Array(n), launchTime: new Array(n), duration: new Array(n), schedulerDelay: new Array(n),
    deserialization: new Array(n), shuffleRead: new Array(n), shuffleWrite: new Array(n), serialization: new Array(n),
    gettingResult: new Array(n),
  };
  for (let i = 0; i < n; i++) {
    const [taskId, idx, attempt, execId, host, status, speculative, launch, duration, fetchStart, blob] = rows[i]!;
    let e = execIndex.get(execId);
    if (e === undefined) {
      e = executors.length;
      execIndex.set(execId, e);
      executors.push({ id: execId, host });
    }
    let s = statusIndex.get(status);
    if (s === undefined) {
      s = statuses.length;
      statusIndex.set(status, s);
      statuses.push(status);
    }
    t.taskId[i] = taskId;
    t.index[i] = idx;
    t.attempt[i] = attempt;
    t.executor[i] = e;
    t.status[i] = s;
    t.speculative[i] = speculative;
    t.launchTime[i] = launch;
    t.duration[i] = duration;
    const metric = (slot: number) => (blob ? blob.readDoubleLE(slot * 8) : 0);
    const getting = blob ? gettingResultTime(launch, fetchStart, duration) : 0;
    const deser = metric(M.executorDeserializeTime);
    const ser = metric(M.resultSerializationTime);
    const run = metric(M.executorRunTime);
    t.schedulerDelay[i] = blob ? Math.max(0, duration - run - deser - ser - getting) : 0;
    t.deserialization[i] = deser;
    t.shuffleRead[i] = metric(M.shuffleFetchWaitTime);
    t.shuffleWrite[i] = Math.round(metric(M.shuffleWriteTime) / 1e6);
    t.serialization[i] = ser;
    t.gettingResult[i] = getting;
  }
  return t;
}
