import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rollLogFileBySize, sizeRolledSuffix } from '../../src/demo/rolledLogs.js';
import { rewriteAsStructuredLog } from '../../src/demo/structuredLogs.js';
import { LogicalLog, orderPieces, statPiece } from '../../src/server/logs/logicalLog.js';
import { parseStructuredLine } from '../../src/web/pages/logs/logLevels.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-rolled-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = Array.from({ length: 400 }, (_, i) =>
  i % 50 === 49 ? `26/03/02 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} ERROR Executor: Exception in task ${i}\njava.lang.OutOfMemoryError: Java heap space\n\tat Foo.bar(Foo.java:${i})` : `26/03/02 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} INFO Executor: line ${i}`,
).join('\n') + '\n';

describe('demo log files in the layouts Spark writes', () => {
  it("rolls a log by size with SizeBasedRollingPolicy's names; the pieces read in Spark's order give the log back", () => {
    const file = path.join(dir, 'stderr');
    fs.writeFileSync(file, text);
    const rolled = rollLogFileBySize(file, 4096, true, Date.UTC(2026, 2, 2, 3));
    expect(rolled.length).toBeGreaterThan(3);
    for (const name of rolled) expect(name).toMatch(/^stderr--2026-03-02--10-\d\d-\d\d--\d{4}\.gz$/);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(4096);
    const names = orderPieces('stderr', fs.readdirSync(dir));
    expect(names.slice(0, -1)).toEqual(rolled);
    const log = new LogicalLog(names.map((n) => statPiece(path.join(dir, n), n)!));
    expect(log.size).toBe(Buffer.byteLength(text));
    return log.read(0, log.size).then((bytes) => expect(bytes.toString()).toBe(text));
  });

  it('formats the suffix as Spark does (UTC+8, four-digit milliseconds)', () => {
    expect(sizeRolledSuffix(Date.UTC(2026, 2, 2, 2, 3, 4, 56))).toBe('--2026-03-02--10-03-04--0056');
  });

  it("rewrites a pattern-layout log as Spark 4's structured JSON lines, exceptions folded into their line", () => {
    const file = path.join(dir, 'driver.log');
    fs.writeFileSync(file, text);
    rewriteAsStructuredLog(file, Date.UTC(2026, 2, 2, 3));
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(400);
    const error = parseStructuredLine(lines[49]!)!;
    expect(error).toMatchObject({ ts: '2026-03-02T10:00:49.000+0800', level: 'ERROR', msg: 'Exception in task 49', logger: 'org.apache.spark.executor.Executor' });
    expect(error.exception).toEqual({ class: 'java.lang.OutOfMemoryError', msg: 'Java heap space', stacktrace: 'java.lang.OutOfMemoryError: Java heap space\n\tat Foo.bar(Foo.java:49)' });
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['ts', 'level', 'msg', 'context', 'logger']);
  });
});
