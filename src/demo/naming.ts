// Names and identifiers exactly as Spark, YARN/Cupid and MaxCompute produce them.
// spec/eventlog.md §1.1 (sanitize, app id shapes), §1.2/§1.3 (file names),
// spec/maxcompute.md §2.1 (instance ids, container names).

import type { Prng } from './prng.js';

export type Codec = 'none' | 'lz4' | 'zstd' | 'snappy' | 'lzf';

/** Utils.sanitizeDirName: [ :/] → '-', [.${}'"] → '_', then lower-case. */
export function sanitize(s: string): string {
  return s.replace(/[ :/]/g, '-').replace(/[.${}'"]/g, '_').toLowerCase();
}

/** nameForAppAndAttempt: sanitized app id plus "_<attempt>" when YARN gave an attempt id. */
export function nameForAppAndAttempt(appId: string, attemptId?: string): string {
  return attemptId === undefined ? sanitize(appId) : `${sanitize(appId)}_${sanitize(attemptId)}`;
}

/** Single-file log name: <name>[.<codec>][.inprogress]. */
export function singleFileLogName(appId: string, attemptId: string | undefined, codec: Codec, inProgress: boolean): string {
  let n = nameForAppAndAttempt(appId, attemptId);
  if (codec !== 'none') n += `.${codec}`;
  if (inProgress) n += '.inprogress';
  return n;
}

export function rollingDirName(appId: string, attemptId?: string): string {
  return `eventlog_v2_${nameForAppAndAttempt(appId, attemptId)}`;
}

export function rollingEventFileName(index: number, appId: string, attemptId: string | undefined, codec: Codec): string {
  const base = `events_${index}_${nameForAppAndAttempt(appId, attemptId)}`;
  return codec === 'none' ? base : `${base}.${codec}`;
}

export function appStatusFileName(appId: string, attemptId: string | undefined, inProgress: boolean): string {
  return `appstatus_${nameForAppAndAttempt(appId, attemptId)}${inProgress ? '.inprogress' : ''}`;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** yyyyMMddHHmmss in a fixed UTC offset (minutes). Never the process time zone: output must not vary by machine. */
export function compactTimestamp(ms: number, offsetMinutes = 0, withMillis = false): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const s =
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2);
  return withMillis ? s + pad(d.getUTCMilliseconds(), 3) : s;
}

/**
 * Cupid fakes the YARN application id with System.currentTimeMillis() and a random int in
 * [1, 2^31-1] (spec/maxcompute.md §1.4), so ids are not a sequence. The id itself keeps YARN's
 * minimum 4-digit padding of the sequence part.
 */
export function yarnAppId(clusterTs: number, seq: number): string {
  return `application_${clusterTs}_${pad(seq, 4)}`;
}

/** Standalone master: app-<yyyyMMddHHmmss>-<seq 4 digits>, local time of the master (we use UTC+8). */
export function standaloneAppId(submitMs: number, seq: number): string {
  return `app-${compactTimestamp(submitMs, 480)}-${pad(seq, 4)}`;
}

export function localAppId(startMs: number): string {
  return `local-${startMs}`;
}

/** MaxCompute instance id: UTC yyyyMMddHHmmss + millis + lowercase alphanumeric suffix. */
export function instanceId(submitMs: number, rng: Prng): string {
  return `${compactTimestamp(submitMs, 0, true)}g${rng.alnum(11)}`;
}

/** YARN container id for a given app attempt and container number. */
export function containerId(appId: string, attempt: number, container: number): string {
  const m = /^application_(\d+)_(\d+)$/.exec(appId);
  const [ts, seq] = m ? [m[1]!, m[2]!] : ['0', '0000'];
  return `container_${ts}_${seq}_${pad(attempt, 2)}_${pad(container, 6)}`;
}

/** Cupid host names as seen in the MaxCompute Spark UI: master<uuid>cupid-<ip> / worker<uuid>cupid-<ip>. */
export function cupidHost(role: 'master' | 'worker', rng: Prng): { host: string; ip: string } {
  const ip = `11.${rng.int(100, 254)}.${rng.int(1, 254)}.${rng.int(2, 254)}`;
  return { host: `${role}${rng.hex(12)}cupid-${ip.replace(/\./g, '-')}`, ip };
}

/** Private-network host names for the standalone dev cluster. */
export function devHost(rng: Prng): { host: string; ip: string } {
  const ip = `10.20.${rng.int(1, 30)}.${rng.int(2, 250)}`;
  return { host: `spark-dev-${rng.int(1, 40).toString().padStart(2, '0')}.internal`, ip };
}
