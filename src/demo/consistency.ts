// Internal-consistency checks for one generated event log. They encode what "realistic" means
// for the generator (and what a fold over the log may rely on), so tests — and anyone who
// edits the simulator — can verify a log in one call. Returns a list of problems (empty = ok).

import { parseVersion } from './sparkVersions.js';
import type { SparkEvent } from './readBack.js';

type Obj = Record<string, unknown>;

const num = (o: unknown, k: string): number => (o as Obj)[k] as number;
const obj = (o: unknown, k: string): Obj => (o as Obj)[k] as Obj;

/** Moment an event describes, for the ordering check (undefined: no own timestamp). */
export function eventTime(e: SparkEvent): number | undefined {
  switch (e.Event) {
    case 'SparkListenerTaskStart':
      return num(e['Task Info'], 'Launch Time');
    case 'SparkListenerTaskEnd':
      return (obj(e, 'Task End Reason')['Reason'] as string) === 'Resubmitted' ? undefined : num(e['Task Info'], 'Finish Time');
    case 'SparkListenerStageSubmitted':
      return num(e['Stage Info'], 'Submission Time');
    case 'SparkListenerStageCompleted':
      return num(e['Stage Info'], 'Completion Time');
    case 'SparkListenerJobStart':
      return num(e, 'Submission Time');
    case 'SparkListenerJobEnd':
      return num(e, 'Completion Time');
    case 'SparkListenerExecutorAdded':
    case 'SparkListenerExecutorRemoved':
    case 'SparkListenerBlockManagerAdded':
    case 'SparkListenerBlockManagerRemoved':
    case 'SparkListenerApplicationEnd':
      return num(e, 'Timestamp');
    case 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart':
    case 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd':
      return num(e, 'time');
    default:
      return undefined;
  }
}

export interface ConsistencyOptions {
  /** Shuffle read of a stage must be within this fraction of its parents' write. */
  shuffleTolerance?: number;
}

export function checkLogConsistency(events: SparkEvent[], opts: ConsistencyOptions = {}): string[] {
  const problems: string[] = [];
  const p = (msg: string) => {
    if (problems.length < 50) problems.push(msg);
  };
  if (events.length === 0) return ['empty log'];
  if (events[0]!.Event !== 'SparkListenerLogStart') p(`first event is ${events[0]!.Event}`);
  const [major, minor] = parseVersion(String(events[0]!['Spark Version'] ?? '0.0'));
  const v = major * 10 + minor;
  const alive = new Set<string>(['driver']);
  const stageSubmitted = new Map<string, number>();
  const stageCompleted = new Set<string>();
  const runTimeSum = new Map<string, number>();
  const started = new Map<number, Obj>();
  const ended = new Set<number>();
  const jobSubmitted = new Map<number, number>();
  const stageJobs = new Map<number, number[]>();
  const parents = new Map<number, number[]>();
  // Shuffle data is keyed by the stage's last RDD: a later job's new stage over the same shuffle
  // (skipped, or re-run for lost partitions) has a new stage id but the same RDDs.
  const shuffleKey = new Map<number, number>();
  const write = new Map<number, Map<number, number>>();
  const read = new Map<number, Map<number, number>>();
  const retried = new Set<number>();
  let last = -Infinity;
  let appEnded = false;
  for (const e of events) {
    const t = eventTime(e);
    if (t !== undefined) {
      if (t < last) p(`${e.Event} at ${t} goes back in time (previous ${last})`);
      last = Math.max(last, t);
    }
    switch (e.Event) {
      case 'SparkListenerExecutorAdded': {
        alive.add(e['Executor ID'] as string);
        const info = obj(e, 'Executor Info');
        if ((v >= 34) !== ('Registration Time' in info)) p(`ExecutorAdded Registration Time presence wrong for ${v}`);
        if ((v >= 31) !== ('Resource Profile Id' in info)) p(`ExecutorAdded Resource Profile Id presence wrong for ${v}`);
        break;
      }
      case 'SparkListenerExecutorRemoved':
        alive.delete(e['Executor ID'] as string);
        break;
      case 'SparkListenerResourceProfileAdded':
        if (v < 31) p('ResourceProfileAdded before 3.1');
        break;
      case 'SparkListenerJobStart': {
        jobSubmitted.set(num(e, 'Job ID'), num(e, 'Submission Time'));
        for (const s of e['Stage Infos'] as Obj[]) {
          const id = s['Stage ID'] as number;
          stageJobs.set(id, [...(stageJobs.get(id) ?? []), num(e, 'Job ID')]);
          parents.set(id, s['Parent IDs'] as number[]);
          shuffleKey.set(id, Math.max(...(s['RDD Info'] as Obj[]).map((r) => r['RDD ID'] as number)));
          if ((v >= 31) !== ('Resource Profile Id' in s)) p(`StageInfo Resource Profile Id presence wrong for ${v}`);
          if ((v >= 34) !== ('Shuffle Push Enabled' in s)) p(`StageInfo Shuffle Push Enabled presence wrong for ${v}`);
          for (const r of s['RDD Info'] as Obj[]) {
            if ((v >= 34) !== ('Use Off Heap' in (r['Storage Level'] as Obj))) p(`StorageLevel Use Off Heap presence wrong for ${v}`);
            if ((v >= 32) !== ('DeterministicLevel' in r)) p(`RDDInfo DeterministicLevel presence wrong for ${v}`);
          }
        }
        break;
      }
      case 'SparkListenerStageSubmitted': {
        const si = obj(e, 'Stage Info');
        const key = `${si['Stage ID']}.${si['Stage Attempt ID']}`;
        const sub = si['Submission Time'] as number;
        stageSubmitted.set(key, sub);
        if ((si['Stage Attempt ID'] as number) > 0) retried.add(si['Stage ID'] as number);
        const jobs = stageJobs.get(si['Stage ID'] as number) ?? [];
        const job = jobs[jobs.length - 1];
        if (job === undefined) p(`stage ${key} submitted without a job`);
        else if ((jobSubmitted.get(job) ?? Infinity) > sub) p(`stage ${key} submitted before its job ${job}`);
        break;
      }
      case 'SparkListenerTaskStart': {
        const ti = obj(e, 'Task Info');
        const id = ti['Task ID'] as number;
        const key = `${e['Stage ID']}.${e['Stage Attempt ID']}`;
        if (started.has(id)) p(`task ${id} started twice`);
        started.set(id, ti);
        if (!alive.has(ti['Executor ID'] as string)) p(`task ${id} launched on unknown/removed executor ${ti['Executor ID']}`);
        const sub = stageSubmitted.get(key);
        if (sub === undefined || (ti['Launch Time'] as number) < sub) p(`task ${id} outside stage ${key} window`);
        if (stageCompleted.has(key)) p(`task ${id} started after stage ${key} completed`);
        if ((v >= 33) !== ('Partition ID' in ti)) p(`TaskInfo Partition ID presence wrong for ${v}`);
        break;
      }
      case 'SparkListenerTaskEnd': {
        const ti = obj(e, 'Task Info');
        const id = ti['Task ID'] as number;
        const reason = obj(e, 'Task End Reason')['Reason'] as string;
        const key = `${e['Stage ID']}.${e['Stage Attempt ID']}`;
        if ((v >= 30) !== ('Task Executor Metrics' in e)) p(`Task Executor Metrics presence wrong for ${v}`);
        if (reason !== 'Resubmitted') {
          if (!started.has(id)) p(`task ${id} ended without starting`);
          if (ended.has(id)) p(`task ${id} ended twice`);
          ended.add(id);
        }
        const tm = e['Task Metrics'] as Obj | undefined;
        if (['Success', 'ExceptionFailure', 'TaskKilled'].includes(reason) && !tm) p(`task ${id} (${reason}) without Task Metrics`);
        if (tm) {
          const run = tm['Executor Run Time'] as number;
          const dur = (ti['Finish Time'] as number) - (ti['Launch Time'] as number);
          if (reason === 'Success' && run >= dur) p(`task ${id}: executorRunTime ${run} ≥ duration ${dur}`);
          if (!stageCompleted.has(key)) runTimeSum.set(key, (runTimeSum.get(key) ?? 0) + run);
          const sr = tm['Shuffle Read Metrics'] as Obj;
          if ((v >= 34) !== ('Push Based Shuffle' in sr)) p(`Push Based Shuffle presence wrong for ${v}`);
          if ((v >= 30) !== ('Peak Execution Memory' in tm)) p(`Peak Execution Memory presence wrong for ${v}`);
          const part = (ti['Partition ID'] as number | undefined) ?? (e['Stage Attempt ID'] === 0 ? (ti['Index'] as number) : undefined);
          if (reason === 'Success' && part !== undefined) {
            const sid = shuffleKey.get(e['Stage ID'] as number) ?? -1;
            if (!write.has(sid)) write.set(sid, new Map());
            if (!read.has(sid)) read.set(sid, new Map());
            write.get(sid)!.set(part, (tm['Shuffle Write Metrics'] as Obj)['Shuffle Bytes Written'] as number);
            read.get(sid)!.set(part, (sr['Local Bytes Read'] as number) + (sr['Remote Bytes Read'] as number));
          }
        }
        break;
      }
      case 'SparkListenerStageCompleted': {
        const si = obj(e, 'Stage Info');
        const key = `${si['Stage ID']}.${si['Stage Attempt ID']}`;
        const acc = (si['Accumulables'] as Obj[]).find((a) => a['Name'] === 'internal.metrics.executorRunTime');
        const got = (acc?.['Value'] as number | undefined) ?? 0;
        const want = runTimeSum.get(key) ?? 0;
        if (got !== want) p(`stage ${key}: accumulable executorRunTime ${got} ≠ Σ task run time ${want}`);
        stageCompleted.add(key);
        break;
      }
      case 'SparkListenerApplicationEnd':
        appEnded = true;
        break;
      case 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart':
        if ((v >= 34) !== ('rootExecutionId' in e)) p(`SQL rootExecutionId presence wrong for ${v}`);
        if ((v >= 35) !== ('jobTags' in e)) p(`SQL jobTags presence wrong for ${v}`);
        break;
      case 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd':
        if ((v >= 34) !== ('errorMessage' in e)) p(`SQL errorMessage presence wrong for ${v}`);
        break;
      default:
        if (e.Event.includes('Excluded') && v < 31) p(`${e.Event} before 3.1`);
    }
  }
  const tol = opts.shuffleTolerance ?? 0.05;
  for (const [stage, ps] of parents) {
    if (ps.length === 0) continue;
    // Before 3.3 a retried attempt's tasks do not say which partition they computed.
    if (v < 33 && (retried.has(stage) || ps.some((x) => retried.has(x)))) continue;
    let w = 0;
    for (const parent of new Set(ps.map((x) => shuffleKey.get(x)))) for (const b of write.get(parent ?? -1)?.values() ?? []) w += b;
    let r = 0;
    for (const b of read.get(shuffleKey.get(stage) ?? -1)?.values() ?? []) r += b;
    if (w > 0 && r > 0 && Math.abs(r / w - 1) > tol) p(`stage ${stage}: shuffle read ${r} vs parents' write ${w}`);
  }
  if (appEnded) for (const id of started.keys()) if (!ended.has(id)) p(`task ${id} never ended in a completed app`);
  return problems;
}
