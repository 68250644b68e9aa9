import { describe, expect, it } from 'vitest';
import { lineLevels, linesAtLevel, ownLevel, parseStructuredLine, shortLogger } from '../../src/web/pages/logs/logLevels.js';

// A line as Spark 4 writes it with spark.log.structuredLogging.enabled (SparkLayout.json's field order).
const JSON_ERROR =
  '{"ts":"2026-03-02T10:00:01.123Z","level":"ERROR","msg":"Exception in task 3.0 in stage 1.0 (TID 7)","context":{"task_name":"task 3.0 in stage 1.0 (TID 7)"},' +
  '"exception":{"class":"java.lang.OutOfMemoryError","msg":"Java heap space","stacktrace":"java.lang.OutOfMemoryError: Java heap space\\n\\tat Foo.bar(Foo.java:1)"},"logger":"org.apache.spark.executor.Executor"}';

describe('log levels and Spark 4 structured lines', () => {
  it("reads a line's level in log4j's pattern and in the JSON layout", () => {
    expect(ownLevel('26/03/02 10:00:00 WARN TaskSetManager: Lost task')).toBe('WARN');
    expect(ownLevel(JSON_ERROR)).toBe('ERROR');
    expect(ownLevel('\tat org.apache.spark.Foo.bar(Foo.scala:1)')).toBeUndefined();
  });

  it('gives continuation lines the level of the line they continue, and filters by a minimum level', () => {
    const lines = ['printed before any level', '26/03/02 10:00:00 INFO A: ok', '26/03/02 10:00:01 ERROR B: boom', '\tat x.y(z:1)', '26/03/02 10:00:02 INFO A: again'];
    const levels = lineLevels(lines);
    expect(levels).toEqual([undefined, 'INFO', 'ERROR', 'ERROR', 'INFO']);
    expect(linesAtLevel(levels, 'WARN')).toEqual([0, 2, 3]);
    expect(linesAtLevel(levels, undefined)).toBeUndefined();
  });

  it('parses the structured fields, and nothing else', () => {
    const s = parseStructuredLine(JSON_ERROR)!;
    expect(s).toMatchObject({ ts: '2026-03-02T10:00:01.123Z', level: 'ERROR', msg: 'Exception in task 3.0 in stage 1.0 (TID 7)', logger: 'org.apache.spark.executor.Executor' });
    expect(s.exception).toEqual({ class: 'java.lang.OutOfMemoryError', msg: 'Java heap space', stacktrace: 'java.lang.OutOfMemoryError: Java heap space\n\tat Foo.bar(Foo.java:1)' });
    expect(s.context).toEqual({ task_name: 'task 3.0 in stage 1.0 (TID 7)' });
    expect(parseStructuredLine('{"ts":broken')).toBeUndefined();
    expect(parseStructuredLine('{"other":"json"}')).toBeUndefined();
    expect(parseStructuredLine('26/03/02 10:00:00 INFO A: ok')).toBeUndefined();
    expect(shortLogger('org.apache.spark.executor.Executor')).toBe('Executor');
  });
});
