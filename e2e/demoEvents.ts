import path from 'node:path';
import type { WorkspaceApp } from '../src/demo/index.js';
import { listEventLogs, readEvents, type SparkEvent } from '../src/demo/readBack.js';

/*
 * What the generator wrote into one demo application's event log, read back with the project's own codec
 * layer, so browser specs derive the values they assert from the generated data rather than typing them.
 */

/** Every event of the app's log, in file order. */
export function demoEvents(app: WorkspaceApp): SparkEvent[] {
  const log = listEventLogs(path.dirname(app.eventLogPath)).find((l) => l.path === app.eventLogPath);
  if (log === undefined) throw new Error(`no event log for ${app.appId} next to ${path.basename(app.eventLogPath)}`);
  return readEvents(log);
}

interface StorageLevelJson {
  'Use Disk': boolean;
  'Use Memory': boolean;
  'Use Off Heap'?: boolean;
  Deserialized: boolean;
  Replication: number;
}

/** Spark's StorageLevel.description, e.g. "Disk Memory Deserialized 1x Replicated". */
export function storageLevelText(level: StorageLevelJson): string {
  const parts = [level['Use Disk'] && 'Disk', level['Use Memory'] && 'Memory', level['Use Off Heap'] === true && 'Off Heap', level.Deserialized ? 'Deserialized' : 'Serialized'];
  return `${parts.filter(Boolean).join(' ')} ${level.Replication}x Replicated`;
}

export interface PersistedRdd {
  id: number;
  name: string;
  numPartitions: number;
  storageLevel: string;
  /** Blocks held at the end of the log: block name → executors, memory and disk bytes. */
  blocks: Map<string, { executors: string[]; memory: number; disk: number }>;
  /** host:port of each executor's block manager. */
  addresses: Map<string, string>;
}

/** The persisted RDDs of a log with the blocks still held when it ends (the last update of each block wins). */
export function persistedRdds(events: SparkEvent[]): PersistedRdd[] {
  const rdds = new Map<number, PersistedRdd>();
  const addresses = new Map<string, string>();
  const latest = new Map<string, { rdd: number; block: string; executor: string; memory: number; disk: number }>();
  for (const e of events) {
    if (e.Event === 'SparkListenerStageSubmitted') {
      const infos = (e['Stage Info'] as { 'RDD Info': { 'RDD ID': number; Name: string; 'Number of Partitions': number; 'Storage Level': StorageLevelJson }[] })['RDD Info'];
      for (const r of infos) {
        const level = r['Storage Level'];
        if (!level['Use Disk'] && !level['Use Memory'] && level['Use Off Heap'] !== true) continue;
        if (!rdds.has(r['RDD ID'])) {
          rdds.set(r['RDD ID'], { id: r['RDD ID'], name: r.Name, numPartitions: r['Number of Partitions'], storageLevel: storageLevelText(level), blocks: new Map(), addresses });
        }
      }
    } else if (e.Event === 'SparkListenerBlockManagerAdded') {
      const bm = e['Block Manager ID'] as { 'Executor ID': string; Host: string; Port: number };
      addresses.set(bm['Executor ID'], `${bm.Host}:${bm.Port}`);
    } else if (e.Event === 'SparkListenerBlockUpdated') {
      const info = e['Block Updated Info'] as { 'Block Manager ID': { 'Executor ID': string }; 'Block ID': string; 'Memory Size': number; 'Disk Size': number };
      const m = /^rdd_(\d+)_\d+$/.exec(info['Block ID']);
      if (m === null) continue;
      const executor = info['Block Manager ID']['Executor ID'];
      latest.set(`${info['Block ID']}@${executor}`, { rdd: Number(m[1]), block: info['Block ID'], executor, memory: info['Memory Size'], disk: info['Disk Size'] });
    } else if (e.Event === 'SparkListenerUnpersistRDD') {
      rdds.delete(e['RDD ID'] as number);
    }
  }
  for (const u of latest.values()) {
    const rdd = rdds.get(u.rdd);
    if (rdd === undefined || u.memory + u.disk === 0) continue;
    const held = rdd.blocks.get(u.block) ?? { executors: [], memory: 0, disk: 0 };
    held.executors.push(u.executor);
    held.memory += u.memory;
    held.disk += u.disk;
    rdd.blocks.set(u.block, held);
  }
  return [...rdds.values()].filter((r) => r.blocks.size > 0);
}
