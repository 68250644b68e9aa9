import { epochMillisFromWallClockInZone, wallClockInZone, zoneOffsetMillis, type WallClock } from './timeZones.js';

/*
 * Driver and executor log lines start with the writing JVM's local time and, mostly, no zone:
 *   `24/12/07 22:49:01 INFO …`            log4j in Spark's default pattern (%d{yy/MM/dd HH:mm:ss})
 *   `2024-12-07 22:49:01,123 INFO …`      log4j's ISO8601 pattern (also with `.` or `T`)
 *   `2024-12-07T22:49:01.123+0800: …`     -XX:+PrintGCDateStamps, which does carry its offset
 * Knowing the zone the log was written in, a line's timestamp is rewritten into the reader's zone in the
 * same layout, so a converted line is exactly as long as the written one (search highlights keep their place).
 */

interface Layout {
  pattern: RegExp;
  read(m: RegExpExecArray): { wall: WallClock; offsetMinutes?: number };
  write(w: WallClock, offsetMinutes: number, m: RegExpExecArray): string;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `+0800` or `+08:00` (the written style) → minutes east of UTC. */
function readOffset(text: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function writeOffset(minutes: number, withColon: boolean): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${withColon ? ':' : ''}${pad(abs % 60)}`;
}

const LAYOUTS: readonly Layout[] = [
  {
    // log4j %d{yy/MM/dd HH:mm:ss}: two-digit years are this century's.
    pattern: /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?!\d)/,
    read: (m) => ({ wall: { year: 2000 + Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), millisecond: 0 } }),
    write: (w) => `${pad(w.year % 100)}/${pad(w.month)}/${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
  },
  {
    // ISO-8601-like: date, `T` or space, time, optional `,SSS`/`.SSS`, optional numeric offset.
    pattern: /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(?:([,.])(\d{3}))?([+-]\d{2}:?\d{2})?(?!\d)/,
    read: (m) => ({
      wall: {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[5]),
        minute: Number(m[6]),
        second: Number(m[7]),
        millisecond: m[9] === undefined ? 0 : Number(m[9]),
      },
      offsetMinutes: m[10] === undefined ? undefined : readOffset(m[10]),
    }),
    write: (w, offsetMinutes, m) =>
      `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}${m[4]}${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
      (m[8] === undefined ? '' : `${m[8]}${pad(w.millisecond, 3)}`) +
      (m[10] === undefined ? '' : writeOffset(offsetMinutes, m[10].includes(':'))),
  },
];

function isValidWallClock(w: WallClock): boolean {
  return w.month >= 1 && w.month <= 12 && w.day >= 1 && w.day <= 31 && w.hour <= 23 && w.minute <= 59 && w.second <= 60;
}

export interface LogTimestamp {
  /** The timestamp as written (the line's first `length` characters). */
  raw: string;
  /** The instant it names. */
  epochMs: number;
  /** The written text's own offset, when it carries one; else the zone it was assumed to be written in decides. */
  explicitOffset: boolean;
}

export interface ConvertedLogLine {
  /** The line with its timestamp in the reader's zone; as long as the written line. */
  text: string;
  timestamp: LogTimestamp;
}

/**
 * Reads the timestamp a log line starts with (written in `writtenZone` unless it carries an offset) and
 * rewrites it in `shownZone`. Undefined when the line does not start with a timestamp this knows.
 */
export function convertLogLine(line: string, writtenZone: string, shownZone: string): ConvertedLogLine | undefined {
  for (const layout of LAYOUTS) {
    const m = layout.pattern.exec(line);
    if (m === null) continue;
    const { wall, offsetMinutes } = layout.read(m);
    if (!isValidWallClock(wall)) return undefined;
    const epochMs =
      offsetMinutes === undefined ? epochMillisFromWallClockInZone(wall, writtenZone) : epochMillisFromWallClockInZone(wall, 'UTC') - offsetMinutes * 60_000;
    const shownOffset = Math.round(zoneOffsetMillis(epochMs, shownZone) / 60_000);
    const rewritten = layout.write(wallClockInZone(epochMs, shownZone), shownOffset, m);
    const raw = m[0];
    // A wall clock outside the layout's reach (a two-digit year turning over a century) keeps its written text.
    if (rewritten.length !== raw.length) return undefined;
    return { text: rewritten + line.slice(raw.length), timestamp: { raw, epochMs, explicitOffset: offsetMinutes !== undefined } };
  }
  return undefined;
}

/**
 * Pieces of a written line (search highlights) re-cut from its converted text: the converted line is as long
 * as the written one, so each piece keeps its place and only the timestamp's digits change.
 */
export function recutSegments<S extends { text: string }>(segments: readonly S[], shownLine: string): S[] {
  let at = 0;
  return segments.map((s) => {
    const text = shownLine.slice(at, at + s.text.length);
    at += s.text.length;
    return { ...s, text };
  });
}
