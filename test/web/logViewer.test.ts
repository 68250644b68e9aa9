import { describe, expect, it } from 'vitest';
import { appPaths, logTypeFromSegment, logTypeSegment } from '../../src/web/lib/appPaths.js';
import { findMatches, highlightSegments, splitLines } from '../../src/web/pages/logs/logSearch.js';
import { trimHead } from '../../src/web/pages/logs/useLogBuffer.js';

describe('log viewer helpers', () => {
  it('splits text into display lines', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\n\nb')).toEqual(['a', '', 'b']);
  });

  it('finds matches case-insensitively, per line and occurrence, with a limit', () => {
    const lines = ['INFO Executor: Running task 1', 'ERROR Executor: task failed, task 2', 'nothing'];
    expect(findMatches(lines, 'TASK').matches).toEqual([
      { line: 0, occurrence: 0 },
      { line: 1, occurrence: 0 },
      { line: 1, occurrence: 1 },
    ]);
    expect(findMatches(lines, 'task', 2)).toEqual({ matches: [{ line: 0, occurrence: 0 }, { line: 1, occurrence: 0 }], truncated: true });
    expect(findMatches(lines, '').matches).toEqual([]);
  });

  it('cuts a line into plain and highlighted segments, keeping the original case', () => {
    expect(highlightSegments('OOM: java.lang.OutOfMemoryError oom', 'oom')).toEqual([
      { text: 'OOM', match: 0 },
      { text: ': java.lang.OutOfMemoryError ' },
      { text: 'oom', match: 1 },
    ]);
    expect(highlightSegments('abc', 'x')).toEqual([{ text: 'abc' }]);
  });

  it('drops whole lines from the head beyond the cap and counts their bytes', () => {
    const { text, droppedBytes } = trimHead('ééé\nline two\nline three\n', 16);
    expect(text).toBe('line three\n');
    expect(droppedBytes).toBe(Buffer.byteLength('ééé\nline two\n'));
    expect(trimHead('short', 10)).toEqual({ text: 'short', droppedBytes: 0 });
  });

  it('writes the driver log as driver-log in URLs (the server treats a path ending in .log as a file)', () => {
    expect(logTypeSegment('driver.log')).toBe('driver-log');
    expect(logTypeFromSegment('driver-log')).toBe('driver.log');
    expect(logTypeFromSegment('driver.log')).toBe('driver.log');
    expect(logTypeFromSegment('stderr')).toBe('stderr');
    expect(logTypeFromSegment('gc.log')).toBeUndefined();
    expect(appPaths.log({ appId: 'app-1' }, 'driver', 'driver.log')).toBe('/apps/app-1/-/logs/driver/driver-log');
    expect(appPaths.log({ appId: 'app-1', attemptId: '2' }, '7', 'stdout')).toBe('/apps/app-1/2/logs/7/stdout');
  });
});
