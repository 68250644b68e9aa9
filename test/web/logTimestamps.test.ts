import { describe, expect, it } from 'vitest';
import { applicationTimeZone, logTimeZone, userTimezoneOption } from '../../src/web/lib/appTimeZone.js';
import { convertLogLine, recutSegments } from '../../src/web/lib/logTimestamps.js';
import { highlightSegments } from '../../src/web/pages/logs/logSearch.js';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('convertLogLine', () => {
  it('rewrites Spark\'s log4j timestamp from the cluster\'s zone into the reader\'s', () => {
    const line = '24/12/07 22:49:01 INFO Executor: Running task 0.0 in stage 1.0 (TID 4)';
    const utc = convertLogLine(line, SHANGHAI, 'UTC')!;
    expect(utc.text).toBe('24/12/07 14:49:01 INFO Executor: Running task 0.0 in stage 1.0 (TID 4)');
    expect(utc.timestamp).toEqual({ raw: '24/12/07 22:49:01', epochMs: Date.UTC(2024, 11, 7, 14, 49, 1), explicitOffset: false });
    // Early morning in Shanghai is the previous evening in New York.
    expect(convertLogLine('24/12/07 05:00:00 WARN x', SHANGHAI, NEW_YORK)!.text).toBe('24/12/06 16:00:00 WARN x');
    // The same zone changes nothing.
    expect(convertLogLine(line, SHANGHAI, SHANGHAI)!.text).toBe(line);
  });

  it('rewrites log4j ISO8601 timestamps, keeping milliseconds and separators', () => {
    expect(convertLogLine('2024-12-07 22:49:01,123 INFO SparkContext: hi', SHANGHAI, 'UTC')!.text).toBe('2024-12-07 14:49:01,123 INFO SparkContext: hi');
    expect(convertLogLine('2024-12-07T22:49:01.123 INFO x', SHANGHAI, NEW_YORK)!.text).toBe('2024-12-07T09:49:01.123 INFO x');
    expect(convertLogLine('2024-12-31 23:30:00 INFO x', 'UTC', SHANGHAI)!.text).toBe('2025-01-01 07:30:00 INFO x');
  });

  it('uses an offset the line carries itself, and writes the reader\'s offset in the same style', () => {
    const gc = '2024-12-07T22:49:01.123+0800: 12.345: [GC (Allocation Failure)';
    // The written zone does not matter: the line says +0800.
    const utc = convertLogLine(gc, NEW_YORK, 'UTC')!;
    expect(utc.text).toBe('2024-12-07T14:49:01.123+0000: 12.345: [GC (Allocation Failure)');
    expect(utc.timestamp.explicitOffset).toBe(true);
    expect(convertLogLine(gc, NEW_YORK, NEW_YORK)!.text).toBe('2024-12-07T09:49:01.123-0500: 12.345: [GC (Allocation Failure)');
    expect(convertLogLine('2024-12-07T22:49:01.123+08:00 x', 'UTC', 'Asia/Kolkata')!.text).toBe('2024-12-07T20:19:01.123+05:30 x');
  });

  it('reads the written zone\'s DST: both sides of the spring gap, and the earlier of two 01:30s in autumn', () => {
    expect(convertLogLine('24/03/10 01:59:59 INFO x', NEW_YORK, 'UTC')!.text).toBe('24/03/10 06:59:59 INFO x');
    expect(convertLogLine('24/03/10 03:00:00 INFO x', NEW_YORK, 'UTC')!.text).toBe('24/03/10 07:00:00 INFO x');
    expect(convertLogLine('24/11/03 01:30:00 INFO x', NEW_YORK, 'UTC')!.text).toBe('24/11/03 05:30:00 INFO x');
    expect(convertLogLine('24/11/03 02:30:00 INFO x', NEW_YORK, 'UTC')!.text).toBe('24/11/03 07:30:00 INFO x');
    // Into a DST zone: July in New York is EDT (UTC−4).
    expect(convertLogLine('24/07/01 12:00:00 INFO x', SHANGHAI, NEW_YORK)!.text).toBe('24/07/01 00:00:00 INFO x');
  });

  it('keeps every converted line exactly as long as the written one', () => {
    const lines = ['24/01/01 00:00:00 I', '2024-02-29 23:59:59,999 I', '2024-07-01T00:00:00.000+0530 I', '24/12/31 23:59:59'];
    for (const line of lines) {
      for (const [from, to] of [[SHANGHAI, NEW_YORK], ['UTC', 'Asia/Kolkata'], [NEW_YORK, 'Pacific/Kiritimati']] as const) {
        expect(convertLogLine(line, from, to)!.text).toHaveLength(line.length);
      }
    }
  });

  it('leaves lines without a known leading timestamp alone', () => {
    for (const line of [
      '',
      '\tat org.apache.spark.executor.Executor.run(Executor.scala:500)',
      'Exception in thread "main" java.lang.RuntimeException',
      'INFO 24/12/07 22:49:01 not at the start',
      '24/13/07 22:49:01 INFO month 13',
      '24/12/07 25:49:01 INFO hour 25',
      '24/12/07 22:49:012 more digits',
      '[0.012s][info][gc] Using G1',
    ]) {
      expect(convertLogLine(line, SHANGHAI, 'UTC')).toBeUndefined();
    }
  });

  it('re-cuts search highlights over the converted text at the same places', () => {
    const written = '24/12/07 22:49:01 INFO task 22 done';
    const shown = convertLogLine(written, SHANGHAI, 'UTC')!.text;
    const segments = recutSegments(highlightSegments(written, '22'), shown);
    expect(segments.map((s) => s.text).join('')).toBe(shown);
    // The match inside the timestamp stays highlighted where it was, now showing the converted hour.
    expect(segments).toEqual([{ text: '24/12/07 ' }, { text: '14', match: 0 }, { text: ':49:01 INFO task ' }, { text: '22', match: 1 }, { text: ' done' }]);
  });
});

describe('application and log time zones from the environment', () => {
  const env = (spark: Record<string, string>, system: Record<string, string> = {}) => ({
    sparkProperties: Object.entries(spark) as [string, string][],
    systemProperties: Object.entries(system) as [string, string][],
  });

  it('reads -Duser.timezone among other JVM options', () => {
    expect(userTimezoneOption('-XX:+UseG1GC -Duser.timezone=UTC -Dfile.encoding=UTF-8')).toBe('UTC');
    expect(userTimezoneOption('-Duser.timezone="Asia/Shanghai"')).toBe(SHANGHAI);
    expect(userTimezoneOption("'-Duser.timezone=America/New_York' -Xmx1g")).toBe(NEW_YORK);
    expect(userTimezoneOption('-Dfile.encoding=UTF-8')).toBeUndefined();
    expect(userTimezoneOption('-Dnot.user.timezone=UTC')).toBeUndefined();
    expect(userTimezoneOption(undefined)).toBeUndefined();
  });

  it('takes the SQL session zone first, then the driver JVM\'s', () => {
    const all = env(
      { 'spark.sql.session.timeZone': 'UTC', 'spark.driver.extraJavaOptions': '-Duser.timezone=America/New_York' },
      { 'user.timezone': SHANGHAI },
    );
    expect(applicationTimeZone(all)).toEqual({ kind: 'found', zone: 'UTC', source: 'spark.sql.session.timeZone' });
    expect(applicationTimeZone(env({ 'spark.driver.extraJavaOptions': '-Duser.timezone=America/New_York' }, { 'user.timezone': SHANGHAI }))).toEqual({
      kind: 'found',
      zone: NEW_YORK,
      source: 'spark.driver.extraJavaOptions',
    });
    expect(applicationTimeZone(env({}, { 'user.timezone': SHANGHAI }))).toEqual({ kind: 'found', zone: SHANGHAI, source: 'user.timezone' });
    expect(applicationTimeZone(env({ 'spark.sql.session.timeZone': 'GMT+8' }))).toEqual({ kind: 'found', zone: 'Etc/GMT-8', source: 'spark.sql.session.timeZone' });
    expect(applicationTimeZone(env({}))).toEqual({ kind: 'unknown' });
    // An empty user.timezone (a JVM that did not resolve it) is not a zone.
    expect(applicationTimeZone(env({}, { 'user.timezone': '' }))).toEqual({ kind: 'unknown' });
  });

  it('reports an id that names no zone instead of silently using another', () => {
    expect(applicationTimeZone(env({ 'spark.sql.session.timeZone': 'Mars/Base' }, { 'user.timezone': SHANGHAI }))).toEqual({
      kind: 'invalid',
      id: 'Mars/Base',
      source: 'spark.sql.session.timeZone',
    });
  });

  it('gives each process\'s log the zone its JVM writes in, which the SQL session zone does not change', () => {
    const e = env(
      { 'spark.sql.session.timeZone': 'UTC', 'spark.executor.extraJavaOptions': '-XX:+PrintGCDetails -Duser.timezone=America/New_York' },
      { 'user.timezone': SHANGHAI },
    );
    expect(logTimeZone(e, 'driver')).toEqual({ kind: 'found', zone: SHANGHAI, source: 'user.timezone' });
    expect(logTimeZone(e, '3')).toEqual({ kind: 'found', zone: NEW_YORK, source: 'spark.executor.extraJavaOptions' });
    expect(logTimeZone(env({}, { 'user.timezone': SHANGHAI }), '1')).toEqual({ kind: 'found', zone: SHANGHAI, source: 'user.timezone' });
    expect(logTimeZone(env({ 'spark.sql.session.timeZone': 'UTC' }), 'driver')).toEqual({ kind: 'unknown' });
  });
});
