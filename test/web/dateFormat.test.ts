import { describe, expect, it } from 'vitest';
import { resolveDisplayZone } from '../../src/web/components/timeZone/resolveDisplayZone.js';
import {
  epochMillisFromSparkDate,
  formatEpochMillisInZone,
  formatEpochMillisWithZone,
  formatMonthDayTimeInZone,
  formatSparkDateInZone,
  formatTimeOfDayInZone,
} from '../../src/web/lib/formatDate.js';
import { axisTicks, tickLabel } from '../../src/web/components/timeline/timeScale.js';
import { endOfDayInZone, startOfDayInZone } from '../../src/web/lib/dayInZone.js';
import { epochMillisFromWallClockInZone, normalizeTimeZone, wallClockInZone, zoneOffsetMillis, zoneShortName } from '../../src/web/lib/timeZones.js';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';
const HOUR = 3_600_000;

// 2024-12-07 14:49:01.250 UTC: 22:49 in Shanghai, 09:49 in New York.
const EVENT = Date.UTC(2024, 11, 7, 14, 49, 1, 250);
// New York's 2024 DST changes: 02:00 EST → 03:00 EDT on 10 March (07:00Z), 02:00 EDT → 01:00 EST on 3 November (06:00Z).
const SPRING_FORWARD = Date.UTC(2024, 2, 10, 7, 0, 0);
const FALL_BACK = Date.UTC(2024, 10, 3, 6, 0, 0);

describe('formatEpochMillisInZone', () => {
  it('shows one instant as each zone reads it, crossing dates where the zone does', () => {
    expect(formatEpochMillisInZone(EVENT, 'UTC')).toBe('2024-12-07 14:49:01');
    expect(formatEpochMillisInZone(EVENT, SHANGHAI)).toBe('2024-12-07 22:49:01');
    expect(formatEpochMillisInZone(EVENT, NEW_YORK)).toBe('2024-12-07 09:49:01');
    expect(formatEpochMillisInZone(Date.UTC(2024, 11, 7, 20, 0, 0), SHANGHAI)).toBe('2024-12-08 04:00:00');
    expect(formatEpochMillisInZone(Date.UTC(2024, 11, 7, 3, 0, 0), NEW_YORK)).toBe('2024-12-06 22:00:00');
    expect(formatEpochMillisInZone(Date.UTC(2024, 11, 31, 23, 59, 59), 'UTC')).toBe('2024-12-31 23:59:59');
    expect(formatEpochMillisInZone(Date.UTC(2024, 11, 31, 16, 0, 0), SHANGHAI)).toBe('2025-01-01 00:00:00');
  });

  it('shows "-" for Spark\'s missing times', () => {
    for (const missing of [undefined, null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 9.2e18]) expect(formatEpochMillisInZone(missing, 'UTC')).toBe('-');
    expect(formatEpochMillisWithZone(-1, SHANGHAI)).toBe('-');
  });

  it('follows daylight saving time across both changes', () => {
    expect(formatEpochMillisWithZone(SPRING_FORWARD - 1000, NEW_YORK)).toBe('2024-03-10 01:59:59 EST');
    expect(formatEpochMillisWithZone(SPRING_FORWARD, NEW_YORK)).toBe('2024-03-10 03:00:00 EDT');
    // 01:30 happens twice on 3 November: first in EDT, then in EST.
    expect(formatEpochMillisWithZone(FALL_BACK - HOUR / 2, NEW_YORK)).toBe('2024-11-03 01:30:00 EDT');
    expect(formatEpochMillisWithZone(FALL_BACK + HOUR / 2, NEW_YORK)).toBe('2024-11-03 01:30:00 EST');
    // Shanghai keeps no DST: the same instants are plain +8.
    expect(formatEpochMillisWithZone(SPRING_FORWARD, SHANGHAI)).toBe('2024-03-10 15:00:00 GMT+8');
  });

  it('names the zone after the time', () => {
    expect(formatEpochMillisWithZone(EVENT, 'UTC')).toBe('2024-12-07 14:49:01 UTC');
    expect(formatEpochMillisWithZone(EVENT, SHANGHAI)).toBe('2024-12-07 22:49:01 GMT+8');
    expect(formatEpochMillisWithZone(EVENT, 'Asia/Kolkata')).toBe('2024-12-07 20:19:01 GMT+5:30');
  });

  it('formats times of day and chart ticks at the precision asked for', () => {
    expect(formatTimeOfDayInZone(EVENT, SHANGHAI)).toBe('22:49:01.250');
    expect(formatTimeOfDayInZone(EVENT, NEW_YORK, 'second')).toBe('09:49:01');
    // A chart tick or a scaled pointer position is a fractional instant: whole milliseconds, never 800.9699…
    expect(formatTimeOfDayInZone(EVENT + 0.96997031, SHANGHAI)).toBe('22:49:01.250');
    expect(formatTimeOfDayInZone(EVENT, 'UTC', 'minute')).toBe('14:49');
    expect(formatMonthDayTimeInZone(EVENT, SHANGHAI)).toBe('12/7 22:49');
    expect(formatTimeOfDayInZone(Date.UTC(2024, 0, 1, 0, 0, 0, 7), 'UTC')).toBe('00:00:00.007');
  });
});

describe('Spark REST dates', () => {
  it('parses Spark\'s GMT text and shows it in a zone', () => {
    expect(epochMillisFromSparkDate('2015-03-17T23:11:50.242GMT')).toBe(Date.UTC(2015, 2, 17, 23, 11, 50, 242));
    expect(epochMillisFromSparkDate(undefined)).toBeUndefined();
    expect(epochMillisFromSparkDate('2015-03-17 23:11:50')).toBeUndefined();
    expect(formatSparkDateInZone('2015-03-17T23:11:50.242GMT', SHANGHAI)).toBe('2015-03-18 07:11:50');
    expect(formatSparkDateInZone('2015-03-17T23:11:50.242GMT', NEW_YORK)).toBe('2015-03-17 19:11:50');
    expect(formatSparkDateInZone('not a date', 'UTC')).toBe('-');
    expect(formatSparkDateInZone(undefined, 'UTC')).toBe('-');
  });
});

describe('time zones through Intl', () => {
  it('accepts the ids Spark properties carry and rejects what names no zone', () => {
    expect(normalizeTimeZone(SHANGHAI)).toBe(SHANGHAI);
    expect(normalizeTimeZone('  asia/shanghai ')).toBe(SHANGHAI);
    for (const utc of ['UTC', 'GMT', 'Z', 'utc', '+00:00', 'GMT+0']) expect(normalizeTimeZone(utc)).toBe('UTC');
    for (const east8 of ['+08:00', 'GMT+8', 'UTC+08:00', '+0800', 'GMT+08']) expect(normalizeTimeZone(east8)).toBe('Etc/GMT-8');
    expect(normalizeTimeZone('-05:00')).toBe('Etc/GMT+5');
    for (const bad of ['Mars/Olympus_Mons', '', '   ', undefined, '+25:00', 'GMT+8:75', 'America/New York']) expect(normalizeTimeZone(bad)).toBeUndefined();
  });

  it('reads offsets, including half hours and DST', () => {
    expect(zoneOffsetMillis(EVENT, SHANGHAI)).toBe(8 * HOUR);
    expect(zoneOffsetMillis(EVENT, 'UTC')).toBe(0);
    expect(zoneOffsetMillis(EVENT, NEW_YORK)).toBe(-5 * HOUR);
    expect(zoneOffsetMillis(Date.UTC(2024, 6, 1), NEW_YORK)).toBe(-4 * HOUR);
    expect(zoneOffsetMillis(EVENT, 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffsetMillis(EVENT, 'Etc/GMT-8')).toBe(8 * HOUR);
    expect(zoneShortName(Date.UTC(2024, 6, 1), NEW_YORK)).toBe('EDT');
    expect(zoneShortName(EVENT, 'Etc/GMT-8')).toBe('GMT+8');
  });

  it('turns a wall clock back into its instant, resolving DST gaps and overlaps as Java does', () => {
    for (const zone of ['UTC', SHANGHAI, NEW_YORK, 'Europe/Berlin', 'Australia/Lord_Howe']) {
      for (const t of [EVENT, SPRING_FORWARD, FALL_BACK + HOUR, Date.UTC(1999, 11, 31, 23, 59, 59, 999)]) {
        expect(epochMillisFromWallClockInZone(wallClockInZone(t, zone), zone)).toBe(t);
      }
    }
    const wall = { year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0, millisecond: 0 };
    // 02:30 does not exist on 10 March in New York: moved forward by the gap, to 03:30 EDT.
    expect(formatEpochMillisWithZone(epochMillisFromWallClockInZone(wall, NEW_YORK), NEW_YORK)).toBe('2024-03-10 03:30:00 EDT');
    // 01:30 on 3 November exists twice: the earlier one (EDT).
    expect(epochMillisFromWallClockInZone({ ...wall, month: 11, day: 3, hour: 1 }, NEW_YORK)).toBe(FALL_BACK - HOUR / 2);
  });
});

describe('timeline axis in a zone', () => {
  it('puts hour ticks on the zone\'s round hours, including half-hour zones', () => {
    const view = { start: Date.UTC(2024, 11, 7, 10, 10), end: Date.UTC(2024, 11, 7, 16, 10) };
    const kolkata = axisTicks(view, 600, 'Asia/Kolkata');
    expect(kolkata.step).toBe(HOUR);
    expect(kolkata.ticks.map((t) => tickLabel(t, kolkata.step, 'Asia/Kolkata'))).toEqual(['16:00', '17:00', '18:00', '19:00', '20:00', '21:00']);
    const shanghai = axisTicks(view, 600, SHANGHAI);
    expect(shanghai.ticks.map((t) => tickLabel(t, shanghai.step, SHANGHAI))).toEqual(['19:00', '20:00', '21:00', '22:00', '23:00', '00:00']);
    expect(tickLabel(EVENT, 1000, NEW_YORK)).toBe('09:49:01');
    expect(tickLabel(EVENT, 10, NEW_YORK)).toBe('09:49:01.250');
  });
});

describe('resolveDisplayZone', () => {
  const browser = 'Europe/Berlin';
  it('gives the chosen zone', () => {
    expect(resolveDisplayZone('local', { kind: 'found', zone: SHANGHAI, source: 'user.timezone' }, browser)).toEqual({ zone: browser });
    expect(resolveDisplayZone('utc', { kind: 'none' }, browser)).toEqual({ zone: 'UTC' });
    expect(resolveDisplayZone('application', { kind: 'found', zone: SHANGHAI, source: 'user.timezone' }, browser)).toEqual({ zone: SHANGHAI });
  });

  it('falls back to local time with a note when the application\'s zone cannot be had', () => {
    const outside = resolveDisplayZone('application', { kind: 'none' }, browser);
    expect(outside.zone).toBe(browser);
    expect(outside.fallbackNote).toMatch(/Outside an application/);
    const invalid = resolveDisplayZone('application', { kind: 'invalid', id: 'Mars/Base', source: 'spark.sql.session.timeZone' }, browser);
    expect(invalid.zone).toBe(browser);
    expect(invalid.fallbackNote).toContain('spark.sql.session.timeZone names no known time zone ("Mars/Base")');
    expect(resolveDisplayZone('application', { kind: 'unknown' }, browser).fallbackNote).toMatch(/records no time zone/);
    expect(resolveDisplayZone('application', { kind: 'loading' }, browser).zone).toBe(browser);
  });
});

describe('day filters in a zone', () => {
  it('reads a day as that zone\'s calendar day', () => {
    expect(startOfDayInZone('2024-12-07', 'UTC')).toBe(Date.UTC(2024, 11, 7));
    expect(startOfDayInZone('2024-12-07', SHANGHAI)).toBe(Date.UTC(2024, 11, 6, 16));
    expect(endOfDayInZone('2024-12-07', SHANGHAI)).toBe(Date.UTC(2024, 11, 7, 16) - 1);
    expect(endOfDayInZone('2024-12-31', 'UTC')).toBe(Date.UTC(2025, 0, 1) - 1);
  });

  it('gives DST change days their 23 or 25 hours', () => {
    expect(endOfDayInZone('2024-03-10', NEW_YORK)! + 1 - startOfDayInZone('2024-03-10', NEW_YORK)!).toBe(23 * HOUR);
    expect(endOfDayInZone('2024-11-03', NEW_YORK)! + 1 - startOfDayInZone('2024-11-03', NEW_YORK)!).toBe(25 * HOUR);
  });

  it('refuses text that is not a calendar day', () => {
    for (const bad of ['', '2024-02-30', '2024-13-01', '07/12/2024', '2024-12-7']) expect(startOfDayInZone(bad, 'UTC')).toBeUndefined();
    expect(endOfDayInZone('2023-02-29', 'UTC')).toBeUndefined();
    expect(startOfDayInZone('2024-02-29', 'UTC')).toBe(Date.UTC(2024, 1, 29));
  });
});
