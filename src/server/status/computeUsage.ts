import type { AppUsage } from '../../api/console/usage.js';

/*
 * Compute used by one application, as MaxCompute bills Spark: every container (executors and the driver)
 * holds its cores and memory from its start to its end; 1 CU = 1 core + 4 GB, and a job's CU-hours are
 * max(core-hours, memory-GB-hours / 4). Split by UTC day so a project's usage per day is a sum.
 */

const MIB = 1;
const DAY_MS = 86_400_000;
/** No container runs longer; a log claiming otherwise has a broken time, which must not cost a loop per day. */
const MAX_LIFETIME_MS = 400 * DAY_MS;

/** Spark's memory strings (`4g`, `512m`, `1024` = MiB) in MiB; undefined when unreadable. */
export function parseMemoryMiB(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)b?\s*$/i.exec(text);
  if (!m) return undefined;
  const scale: Record<string, number> = { '': MIB, k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024, p: 1024 ** 3 };
  return Number(m[1]) * scale[m[2]!.toLowerCase()]!;
}

/** Container memory: heap plus overhead (Spark's default overhead is max(384 MiB, 10%)). */
function containerMiB(props: ReadonlyMap<string, string>, role: 'executor' | 'driver'): number {
  const heap = parseMemoryMiB(props.get(`spark.${role}.memory`)) ?? 1024;
  const overhead = parseMemoryMiB(props.get(`spark.${role}.memoryOverhead`)) ?? Math.max(384, heap * 0.1);
  return heap + overhead;
}

export interface ContainerLifetime {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly cores: number;
  readonly memoryMiB: number;
}

/** Lifetimes of the driver and executors from what the fold knows. */
export function containerLifetimes(
  executors: Iterable<{ executorId: string; addTime: number; removeTime: number | undefined; totalCores: number }>,
  sparkProperties: readonly [string, string][],
  appStart: number,
  appEnd: number,
): ContainerLifetime[] {
  const props = new Map(sparkProperties);
  const out: ContainerLifetime[] = [];
  let sawDriver = false;
  for (const x of executors) {
    const isDriver = x.executorId === 'driver';
    sawDriver ||= isDriver;
    const cores = isDriver ? Math.max(x.totalCores, Number(props.get('spark.driver.cores') ?? 1) || 1) : x.totalCores;
    const start = isDriver ? appStart : x.addTime;
    const end = Math.min(x.removeTime ?? appEnd, appEnd);
    if (!(end > start) || start <= 0 || end - start > MAX_LIFETIME_MS) continue;
    out.push({ id: x.executorId, start, end, cores, memoryMiB: containerMiB(props, isDriver ? 'driver' : 'executor') });
  }
  if (!sawDriver && appStart > 0 && appEnd > appStart && appEnd - appStart <= MAX_LIFETIME_MS) {
    out.push({ id: 'driver', start: appStart, end: appEnd, cores: Number(props.get('spark.driver.cores') ?? 1) || 1, memoryMiB: containerMiB(props, 'driver') });
  }
  return out;
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export function computeUsage(containers: readonly ContainerLifetime[], taskMs: number): AppUsage {
  const usage: AppUsage = { coreMs: 0, memoryMiBMs: 0, taskMs, cuHours: 0, days: {} };
  for (const c of containers) {
    let from = c.start;
    while (from < c.end) {
      const to = Math.min(c.end, (Math.floor(from / DAY_MS) + 1) * DAY_MS);
      const day = (usage.days[dayOf(from)] ??= { coreMs: 0, memoryMiBMs: 0, cuHours: 0 });
      day.coreMs += c.cores * (to - from);
      day.memoryMiBMs += c.memoryMiB * (to - from);
      from = to;
    }
    usage.coreMs += c.cores * (c.end - c.start);
    usage.memoryMiBMs += c.memoryMiB * (c.end - c.start);
  }
  for (const d of Object.values(usage.days)) d.cuHours = cuHours(d.coreMs, d.memoryMiBMs);
  usage.cuHours = cuHours(usage.coreMs, usage.memoryMiBMs);
  return usage;
}

/** max(core-hours, memory-GB-hours / 4). */
export function cuHours(coreMs: number, memoryMiBMs: number): number {
  return Math.max(coreMs / 3_600_000, memoryMiBMs / 1024 / 3_600_000 / 4);
}
