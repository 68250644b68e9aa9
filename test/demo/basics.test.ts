import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Prng, deriveSeed } from '../../src/demo/prng.js';
import { sanitize, singleFileLogName, rollingDirName, rollingEventFileName, appStatusFileName, yarnAppId, standaloneAppId } from '../../src/demo/naming.js';
import { versionRules } from '../../src/demo/sparkVersions.js';
import { EventWriter, isFlushPoint, redactProps } from '../../src/demo/eventWriters.js';
import { parseFrame, taskException } from '../../src/demo/failures.js';
import { demoCommand, parseSize } from '../../src/demo/cli.js';

describe('prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new Prng(123);
    const b = new Prng(123);
    const c = new Prng(124);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(deriveSeed(1, 'app', 2)).toBe(deriveSeed(1, 'app', 2));
    expect(deriveSeed(1, 'app', 2)).not.toBe(deriveSeed(1, 'app', 3));
    const r = new Prng(7);
    const s = r.state;
    const v = r.next();
    r.state = s;
    expect(r.next()).toBe(v);
  });
});

describe('naming', () => {
  it('sanitizes like Utils.sanitizeDirName and builds Spark file names', () => {
    expect(sanitize('App ID:1/x.y$z')).toBe('app-id-1-x_y_z');
    expect(singleFileLogName('application_1_0001', '2', 'zstd', true)).toBe('application_1_0001_2.zstd.inprogress');
    expect(singleFileLogName('local-1', undefined, 'none', false)).toBe('local-1');
    expect(rollingDirName('app-20250101000000-0001')).toBe('eventlog_v2_app-20250101000000-0001');
    expect(rollingEventFileName(3, 'spark-abc', undefined, 'lz4')).toBe('events_3_spark-abc.lz4');
    expect(appStatusFileName('spark-abc', undefined, true)).toBe('appstatus_spark-abc.inprogress');
    expect(yarnAppId(1700000000000, 12)).toBe('application_1700000000000_0012');
    expect(standaloneAppId(Date.UTC(2025, 0, 1, 0, 0, 0), 3)).toBe('app-20250101080000-0003');
  });
});

describe('version rules and writers', () => {
  it('follows the field timeline', () => {
    expect(versionRules('2.4.5-odps0.34.0').taskExecutorMetrics).toBe(false);
    expect(versionRules('3.1.1').resourceProfiles).toBe(true);
    expect(versionRules('3.1.1').partitionId).toBe(false);
    expect(versionRules('3.3.0').partitionId).toBe(true);
    expect(versionRules('3.4.2').registrationTime).toBe(true);
    expect(versionRules('3.4.2').jobTags).toBe(false);
    expect(versionRules('3.5.2').jobTags).toBe(true);
    expect(versionRules('3.1.1').redactionRegex.test('spark.hadoop.odps.access.key')).toBe(false);
    expect(versionRules('3.4.2').redactionRegex.test('spark.hadoop.odps.access.key')).toBe(true);
    expect(redactProps({ 'a.password': 'x', b: 'y' }, /password/i)).toEqual({ 'a.password': '*********(redacted)', b: 'y' });
  });

  it('writes ResourceProfileAdded with a double task amount and flags flush points', () => {
    const w = new EventWriter(versionRules('3.5.2'));
    const line = w.resourceProfileAdded({ id: 0, cores: 4, memoryMb: 8192, offHeapMb: 0, taskCpus: 1 });
    expect(line).toContain('"Task Resource Requests":{"cpus":{"Resource Name":"cpus","Amount":1.0}}');
    expect(JSON.parse(line).Event).toBe('SparkListenerResourceProfileAdded');
    expect(isFlushPoint(line)).toBe(true);
    expect(isFlushPoint('{"Event":"SparkListenerTaskEnd","Stage ID":1}')).toBe(false);
    expect(isFlushPoint('{"Event":"SparkListenerJobEnd","Job ID":1}')).toBe(true);
  });

  it('renders stack traces the JVM way and parses them back into frames', () => {
    const ex = taskException('oom', versionRules('3.4.2'), { userClass: 'com.example.X', userFile: 'X.scala', resultTask: false, javaMajor: 8 });
    expect(ex.full.split('\n')[0]).toBe('java.lang.OutOfMemoryError: Java heap space');
    expect(ex.full).toContain('\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:557)\n');
    expect(parseFrame('java.io.FileOutputStream.writeBytes(Native Method)')).toEqual({ declaringClass: 'java.io.FileOutputStream', methodName: 'writeBytes', fileName: null, lineNumber: -2 });
    expect(parseFrame('a.b.C$.run(C.scala:12)')).toEqual({ declaringClass: 'a.b.C$', methodName: 'run', fileName: 'C.scala', lineNumber: 12 });
  });
});

describe('cli', () => {
  it('parses sizes and writes a bench log', async () => {
    expect(parseSize('200MB')).toBe(200 * 1024 * 1024);
    expect(parseSize('1GB')).toBe(1024 ** 3);
    expect(parseSize('512k')).toBe(512 * 1024);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-cli-'));
    const file = path.join(dir, 'b.log');
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => {
      out.push(String(s));
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await demoCommand(['--bench-log', file, '--size', '300k', '--tasks-per-stage', '50'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toMatch(/wrote .*b\.log: .* tasks/);
    expect(fs.statSync(file).size).toBeGreaterThan(300 * 1024);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
