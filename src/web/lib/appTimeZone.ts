import type { ApplicationEnvironmentInfo } from '../../api/index.js';
import { normalizeTimeZone } from './timeZones.js';

/*
 * An application's own time zones, read from its Environment answer. Two different things:
 * - the zone its SQL session computes in (`spark.sql.session.timeZone`, which defaults to the driver JVM's), the
 *   one people mean by "the application's time";
 * - the zone each JVM's log4j writes its timestamps in: the JVM's default zone, set by `-Duser.timezone=`
 *   in its extra Java options, else the machine's (the driver reports its own as the `user.timezone` system
 *   property; executors run on the same cluster, so theirs is taken to be the same).
 */

export interface ZoneFinding {
  /** An id Intl accepts. */
  zone: string;
  /** Where it came from, shown to the reader (`spark.sql.session.timeZone`, `user.timezone`, …). */
  source: string;
}

/** The outcome of reading one zone: found, named but not a zone Intl knows, or not set anywhere. */
export type ZoneLookup = ({ kind: 'found' } & ZoneFinding) | { kind: 'invalid'; id: string; source: string } | { kind: 'unknown' };

type PropertyPairs = readonly (readonly [string, string])[];

function property(pairs: PropertyPairs, name: string): string | undefined {
  return pairs.find(([k]) => k === name)?.[1];
}

/** `-Duser.timezone=Asia/Shanghai` inside a JVM options string; quotes around the value are allowed. */
export function userTimezoneOption(javaOptions: string | undefined): string | undefined {
  if (javaOptions === undefined) return undefined;
  const m = /(?:^|\s)["']?-Duser\.timezone=["']?([^\s"']+)/.exec(javaOptions);
  return m?.[1];
}

/** The first candidate that is set decides: a valid zone, or an id that names none (which does not fall through). */
function firstSet(candidates: readonly { id: string | undefined; source: string }[]): ZoneLookup {
  for (const c of candidates) {
    const id = c.id?.trim();
    if (id === undefined || id === '') continue;
    const zone = normalizeTimeZone(id);
    return zone === undefined ? { kind: 'invalid', id, source: c.source } : { kind: 'found', zone, source: c.source };
  }
  return { kind: 'unknown' };
}

/** The application's zone: its SQL session zone, else the driver JVM's. */
export function applicationTimeZone(env: Pick<ApplicationEnvironmentInfo, 'sparkProperties' | 'systemProperties'>): ZoneLookup {
  return firstSet([
    { id: property(env.sparkProperties, 'spark.sql.session.timeZone'), source: 'spark.sql.session.timeZone' },
    { id: userTimezoneOption(property(env.sparkProperties, 'spark.driver.extraJavaOptions')), source: 'spark.driver.extraJavaOptions' },
    { id: property(env.systemProperties, 'user.timezone'), source: 'user.timezone' },
    { id: userTimezoneOption(property(env.sparkProperties, 'spark.executor.extraJavaOptions')), source: 'spark.executor.extraJavaOptions' },
  ]);
}

/** The zone a process's log timestamps are written in (`driver` or an executor id). */
export function logTimeZone(env: Pick<ApplicationEnvironmentInfo, 'sparkProperties' | 'systemProperties'>, executorId: string): ZoneLookup {
  const own = executorId === 'driver' ? 'spark.driver.extraJavaOptions' : 'spark.executor.extraJavaOptions';
  return firstSet([
    { id: userTimezoneOption(property(env.sparkProperties, own)), source: own },
    { id: property(env.systemProperties, 'user.timezone'), source: 'user.timezone' },
  ]);
}
