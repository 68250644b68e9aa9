/*
 * Time zones through the platform's Intl.DateTimeFormat only: which ids are valid, a zone's short name and
 * UTC offset at an instant, the wall clock of an instant in a zone, and the instant a zone's wall clock
 * names. No offsets or DST rules are written here; the browser's time-zone database answers every question.
 */

/** A wall-clock reading without a zone (month 1–12), as a log line or a date field carries it. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const UTC_ZONE = 'UTC';

const partsFormats = new Map<string, Intl.DateTimeFormat>();
const nameFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    partsFormats.set(zone, f);
  }
  return f;
}

/** The zone the browser runs in (an IANA id; `UTC` when the platform cannot tell). */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || UTC_ZONE;
}

function canonicalIntlZone(id: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `+08:00`, `GMT+8`, `UTC-05:30`, `UT+1` (Java's ZoneId offset forms) → signed minutes; undefined otherwise. */
function javaOffsetMinutes(id: string): number | undefined {
  const m = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(id);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 18 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * A zone id as Spark properties spell it (Java's ZoneId: IANA names, `UTC`, `GMT`, `Z`, fixed offsets such as
 * `+08:00` or `GMT+8`, and old short ids the time-zone database still knows) → an id Intl accepts, or undefined
 * when it names no zone. Whole-hour offsets become `Etc/GMT∓H` (whose sign is inverted by POSIX convention);
 * others are tried as offset zones, which newer browsers accept.
 */
export function normalizeTimeZone(id: string | undefined): string | undefined {
  const text = id?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^Z$/i.test(text)) return UTC_ZONE;
  const offset = javaOffsetMinutes(text);
  if (offset !== undefined) {
    if (offset === 0) return UTC_ZONE;
    if (offset % 60 === 0 && Math.abs(offset) <= 14 * 60) return canonicalIntlZone(`Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset) / 60}`);
    const sign = offset > 0 ? '+' : '-';
    const abs = Math.abs(offset);
    return canonicalIntlZone(`${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`);
  }
  return canonicalIntlZone(text);
}

/** The wall clock of an instant in a zone (proleptic Gregorian; years before 1 are negative-or-zero, ISO style). */
export function wallClockInZone(epochMs: number, zone: string): WallClock {
  const parts = partsFormat(zone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const bc = parts.find((p) => p.type === 'era')?.value.startsWith('B') === true;
  const year = get('year');
  return {
    year: bc ? 1 - year : year,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    // Whole milliseconds: chart ticks and scaled pointer positions are fractional instants.
    millisecond: ((Math.floor(epochMs) % 1000) + 1000) % 1000,
  };
}

/** The wall clock's fields read as if it were UTC: the common ground for comparing wall clocks with instants. */
function wallClockAsUtc(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms (Asia/Shanghai: +8 h; New York in July: −4 h). */
export function zoneOffsetMillis(epochMs: number, zone: string): number {
  return wallClockAsUtc(wallClockInZone(epochMs, zone)) - epochMs;
}

/**
 * The instant a zone's wall clock shows, as Java's LocalDateTime.atZone resolves it: in a fall-back overlap
 * the earlier instant; in a spring-forward gap the reading is moved later by the gap's length. Each candidate
 * offset comes from Intl at a nearby instant, so DST rules are the platform's.
 */
export function epochMillisFromWallClockInZone(wall: WallClock, zone: string): number {
  const asUtc = wallClockAsUtc(wall);
  // Offsets in force a day either side cover any transition near this reading.
  const before = zoneOffsetMillis(asUtc - 86_400_000, zone);
  const after = zoneOffsetMillis(asUtc + 86_400_000, zone);
  const matches = [before, after].map((offset) => asUtc - offset).filter((t) => wallClockAsUtc(wallClockInZone(t, zone)) === asUtc);
  if (matches.length > 0) return Math.min(...matches);
  // A gap: the reading does not exist; keep the offset from before the gap, which lands after it.
  return asUtc - before;
}

/** A zone's short name at an instant, as people read it: `UTC`, `EST`/`EDT`, `GMT+8`, `GMT+5:30`. */
export function zoneShortName(epochMs: number, zone: string): string {
  let f = nameFormats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    nameFormats.set(zone, f);
  }
  return f.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
