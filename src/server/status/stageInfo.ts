import { type Json, arr, bool, intId, longId, num, obj, optStr, optTime, str, time } from './eventJson.js';

/** An AccumulableInfo as read from the log. */
export interface Accumulable {
  id: number;
  name?: string;
  update?: string;
  value?: string;
  internal: boolean;
  metadata?: string;
}

export interface StorageLevel {
  useDisk: boolean;
  useMemory: boolean;
  useOffHeap: boolean;
  deserialized: boolean;
  replication: number;
}

export interface RddInfo {
  id: number;
  name: string;
  scope?: string;
  callSite: string;
  parentIds: number[];
  storageLevel: StorageLevel;
  barrier: boolean;
  deterministicLevel: string;
  numPartitions: number;
  numCachedPartitions: number;
  memSize: number;
  diskSize: number;
}

export interface StageInfo {
  stageId: number;
  attemptId: number;
  name: string;
  numTasks: number;
  rddInfos: RddInfo[];
  parentIds: number[];
  details: string;
  submissionTime?: number;
  completionTime?: number;
  failureReason?: string;
  accumulables: Map<number, Accumulable>;
  resourceProfileId: number;
  isShufflePushEnabled: boolean;
  shuffleMergersCount: number;
}

/** Accumulator values are shown as text; non-string JSON values render the way Spark's toString would. */
function accumText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    // Spark shows at most five elements of a collection accumulator (SPARK-30379).
    const shown = value.slice(0, 5).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
    return value.length > 5 ? `[${shown.join(',')},... ${value.length - 5} more items]` : `[${shown.join(', ')}]`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function accumulableFromJson(json: unknown): Accumulable {
  const a = obj(json) ?? {};
  return {
    id: longId(a['ID']),
    name: optStr(a['Name']),
    update: accumText(a['Update']),
    value: accumText(a['Value']),
    internal: bool(a['Internal']),
    metadata: optStr(a['Metadata']),
  };
}

/** Spark's newAccumulatorInfos: drop internal and SQL accumulators, keep the rest in REST form. */
export function restAccumulables(accums: Iterable<Accumulable>): Json[] {
  const out: Json[] = [];
  for (const a of accums) {
    if (a.internal || a.metadata === 'sql') continue;
    const r: Json = { id: a.id };
    if (a.name !== undefined) r.name = a.name;
    if (a.update !== undefined) r.update = a.update;
    if (a.value !== undefined) r.value = a.value;
    out.push(r);
  }
  return out;
}

export function storageLevelFromJson(json: unknown): StorageLevel {
  const s = obj(json) ?? {};
  return {
    useDisk: bool(s['Use Disk']),
    useMemory: bool(s['Use Memory']),
    useOffHeap: bool(s['Use Off Heap']),
    deserialized: bool(s['Deserialized']),
    replication: num(s['Replication'], 1),
  };
}

export function isValidStorageLevel(level: StorageLevel): boolean {
  return (level.useMemory || level.useDisk) && level.replication > 0;
}

/** StorageLevel.description, e.g. "Memory Deserialized 1x Replicated". */
export function describeStorageLevel(level: StorageLevel): string {
  let text = level.useDisk ? 'Disk ' : '';
  if (level.useMemory) text += level.useOffHeap ? 'Memory (off heap) ' : 'Memory ';
  text += level.deserialized ? 'Deserialized ' : 'Serialized ';
  return text + `${level.replication}x Replicated`;
}

export function rddInfoFromJson(json: unknown): RddInfo {
  const r = obj(json) ?? {};
  return {
    id: intId(r['RDD ID']),
    name: str(r['Name']),
    scope: optStr(r['Scope']),
    callSite: str(r['Callsite']),
    parentIds: arr(r['Parent IDs']).map((x) => intId(x)),
    storageLevel: storageLevelFromJson(r['Storage Level']),
    barrier: bool(r['Barrier']),
    deterministicLevel: str(r['DeterministicLevel'], 'DETERMINATE'),
    numPartitions: num(r['Number of Partitions']),
    numCachedPartitions: num(r['Number of Cached Partitions']),
    memSize: num(r['Memory Size']),
    diskSize: num(r['Disk Size']),
  };
}

export function stageInfoFromJson(json: unknown): StageInfo {
  const s = obj(json) ?? {};
  const accumulables = new Map<number, Accumulable>();
  for (const a of arr(s['Accumulables'])) {
    const acc = accumulableFromJson(a);
    accumulables.set(acc.id, acc);
  }
  return {
    stageId: intId(s['Stage ID']),
    attemptId: intId(s['Stage Attempt ID']),
    name: str(s['Stage Name']),
    numTasks: num(s['Number of Tasks']),
    rddInfos: arr(s['RDD Info']).map(rddInfoFromJson),
    parentIds: arr(s['Parent IDs']).map((x) => intId(x)),
    details: str(s['Details']),
    submissionTime: optTime(s['Submission Time']),
    completionTime: optTime(s['Completion Time']),
    failureReason: optStr(s['Failure Reason']),
    accumulables,
    resourceProfileId: intId(s['Resource Profile Id']),
    isShufflePushEnabled: bool(s['Shuffle Push Enabled']),
    shuffleMergersCount: num(s['Shuffle Push Mergers Count']),
  };
}

export interface TaskInfo {
  taskId: number;
  index: number;
  attempt: number;
  partitionId: number;
  launchTime: number;
  executorId: string;
  host: string;
  locality: string;
  speculative: boolean;
  gettingResultTime: number;
  finishTime: number;
  failed: boolean;
  killed: boolean;
  accumulables: Accumulable[];
}

/** `withAccumulables: false` skips the (often large) accumulator list when only counters are needed. */
export function taskInfoFromJson(json: unknown, withAccumulables = true): TaskInfo {
  const t = obj(json) ?? {};
  return {
    taskId: longId(t['Task ID']),
    index: intId(t['Index']),
    attempt: intId(t['Attempt'], 1),
    partitionId: intId(t['Partition ID'], -1),
    launchTime: time(t['Launch Time']),
    executorId: str(t['Executor ID']),
    host: str(t['Host']),
    locality: str(t['Locality'], 'ANY'),
    speculative: bool(t['Speculative']),
    gettingResultTime: time(t['Getting Result Time']),
    finishTime: time(t['Finish Time']),
    failed: bool(t['Failed']),
    killed: bool(t['Killed']),
    accumulables: withAccumulables ? arr(t['Accumulables']).map(accumulableFromJson) : [],
  };
}

/** TaskInfo.status as Spark derives it. */
export function taskStatus(t: TaskInfo): string {
  if (t.finishTime === 0) return t.gettingResultTime !== 0 ? 'GET RESULT' : 'RUNNING';
  if (t.failed) return 'FAILED';
  if (t.killed) return 'KILLED';
  return 'SUCCESS';
}

export function taskDuration(t: TaskInfo): number {
  return t.finishTime !== 0 ? t.finishTime - t.launchTime : 0;
}
