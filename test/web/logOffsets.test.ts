import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/server/logs/searchPattern.js';
import { charIndexAtByte, clientPattern, highlightLine, lineAt, lineByteStarts, PROBLEM_LINE_PATTERN, utf8Length } from '../../src/web/pages/logs/logOffsets.js';

describe('log byte offsets in the browser', () => {
  it('measures UTF-8 like the server does', () => {
    for (const s of ['', 'abc', 'é€', '😀x', 'line é 😀 €\r\n']) expect(utf8Length(s), s).toBe(Buffer.byteLength(s));
  });

  it('gives each line its file offset, CRLF and multi-byte characters included', () => {
    const text = 'aé\r\n€\n\nlast';
    expect(lineByteStarts(text, 100)).toEqual([100, 105, 109, 110]);
    expect(lineByteStarts('a\n', 0)).toEqual([0]);
    const starts = [100, 105, 109, 110];
    expect([99, 100, 104, 105, 109, 110, 999].map((o) => lineAt(starts, o))).toEqual([-1, 0, 0, 1, 2, 3, 3]);
  });

  it('turns a byte position inside a line into a character index', () => {
    const line = 'é😀x';
    expect([0, 2, 6, 7, 99].map((b) => charIndexAtByte(line, b))).toEqual([0, 1, 3, 4, 4]);
  });

  it('highlights every match and the current one, which wins where they overlap', () => {
    const re = clientPattern('task', false, false)!;
    expect(highlightLine('Task 1 and task 2', re, [11, 15])).toEqual([
      { text: 'Task', kind: 'match' },
      { text: ' 1 and ' },
      { text: 'task', kind: 'current' },
      { text: ' 2' },
    ]);
    expect(highlightLine('nothing', re)).toEqual([{ text: 'nothing' }]);
    expect(clientPattern('(', true, false)).toBeUndefined();
  });

  it('finds ERROR and WARN lines of log4j and of Spark 4 JSON logs, and the server accepts the pattern', () => {
    const re = new RegExp(PROBLEM_LINE_PATTERN, 'm');
    expect(re.test('26/03/02 10:00:00 ERROR Executor: boom')).toBe(true);
    expect(re.test('26/03/02 10:00:00 WARN TaskSetManager: lost')).toBe(true);
    expect(re.test('26/03/02 10:00:00 INFO Executor: ERROR in the message')).toBe(false);
    expect(re.test('{"ts":"2026-03-02T10:00:00.000Z","level":"ERROR","msg":"boom"}')).toBe(true);
    expect(() => compilePattern({ q: PROBLEM_LINE_PATTERN, regex: true, matchCase: true })).not.toThrow();
  });
});
