import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace, type WorkspaceSummary } from '../../src/demo/index.js';
import { listEventLogs, readEvents, type LogEntry, type SparkEvent } from '../../src/demo/readBack.js';
import { checkLogConsistency } from '../../src/demo/consistency.js';
import { sanitize } from '../../src/demo/naming.js';

type Obj = Record<string, unknown>;

let root: string;
let ws: WorkspaceSummary;
const logs: { project: string; entry: LogEntry; events: SparkEvent[]; version: number }[] = [];

function versionOf(events: SparkEvent[]): number {
  const m = /^(\d+)\.(\d+)/.exec(String(events[0]!['Spark Version']));
  return Number(m![1]) * 10 + Number(m![2]);
}

function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of fs.readdirSync(d).sort()) {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

function sparkProps(events: SparkEvent[]): Record<string, string> {
  const env = events.find((e) => e.Event === 'SparkListenerEnvironmentUpdate')!;
  return env['Spark Properties'] as Record<string, string>;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-ws-'));
  ws = await generateWorkspace({ dir: path.join(root, 'a'), seed: 42 });
  for (const p of ws.projects) {
    for (const entry of listEventLogs(p.eventLogDir)) {
      const events = readEvents(entry);
      logs.push({ project: p.name, entry, events, version: versionOf(events) });
    }
  }
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('workspace layout', () => {
  it('lists at least 3 projects and 40 applications in workspace.json', () => {
    const json = JSON.parse(fs.readFileSync(ws.workspaceFile, 'utf8')) as { projects: Obj[]; users: { name: string; roles: { project: string; role: string }[] }[]; applications: { appId: string }[] };
    expect(json.projects.length).toBeGreaterThanOrEqual(3);
    for (const p of json.projects) {
      expect(p).toHaveProperty('name');
      expect(p).toHaveProperty('description');
      expect(p).toHaveProperty('owner');
    }
    expect(new Set(json.applications.map((a) => a.appId)).size).toBeGreaterThanOrEqual(40);
    const user = (n: string) => json.users.find((u) => u.name === n)!;
    expect(user('alice').roles.map((r) => r.role)).toEqual(json.projects.map(() => 'admin'));
    expect(user('bob').roles).toHaveLength(2);
    expect(user('bob').roles.every((r) => r.role === 'developer')).toBe(true);
    expect(user('carol').roles).toEqual([{ project: expect.any(String), role: 'viewer' }]);
  });

  it('writes one event-log folder per project with ≥40 distinct apps in total', () => {
    expect(ws.projects.length).toBe(3);
    for (const p of ws.projects) expect(fs.existsSync(p.eventLogDir)).toBe(true);
    const ids = new Set(logs.map((l) => l.events.find((e) => e.Event === 'SparkListenerApplicationStart')!['App ID']));
    expect(ids.size).toBeGreaterThanOrEqual(40);
    expect(ws.totals.apps).toBe(ids.size);
  });

  it('uses sanitized Spark file names, codec suffixes, rolling dirs and attempt suffixes', () => {
    for (const { entry, events } of logs) {
      const start = events.find((e) => e.Event === 'SparkListenerApplicationStart')!;
      const attempt = start['App Attempt ID'] as string | undefined;
      const base = sanitize(start['App ID'] as string) + (attempt ? `_${attempt}` : '');
      if (entry.layout === 'rolling') {
        expect(entry.name).toBe(`eventlog_v2_${base}`);
        expect(fs.readdirSync(entry.path).filter((f) => f.startsWith('appstatus_'))).toHaveLength(1);
      } else {
        expect(entry.name).toMatch(new RegExp(`^${base}(\\.(lz4|zstd))?(\\.inprogress)?$`));
      }
      for (const f of entry.files) {
        const head = fs.readFileSync(f).subarray(0, 8);
        if (f.includes('.lz4')) expect(head.toString('latin1')).toBe('LZ4Block');
        else if (f.includes('.zstd')) expect([...head.subarray(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
        else expect(head[0]).toBe(0x7b);
      }
    }
    const names = logs.map((l) => l.entry.name);
    expect(names.some((n) => n.endsWith('.lz4'))).toBe(true);
    expect(names.some((n) => n.endsWith('.zstd'))).toBe(true);
    expect(names.some((n) => n.startsWith('eventlog_v2_'))).toBe(true);
    expect(logs.some((l) => l.entry.layout === 'rolling' && l.entry.files.length >= 2)).toBe(true);
    expect(names.some((n) => /_1\.inprogress$/.test(n))).toBe(true);
    expect(names.some((n) => /^application_\d+_\d+_2$/.test(n))).toBe(true);
    expect(names.some((n) => /^app-\d{14}-\d{4}$/.test(n))).toBe(true);
    expect(names.some((n) => /^local-\d+$/.test(n))).toBe(true);
  });

  it('has stdout and stderr for every executor of every app, and a driver log per app', () => {
    for (const { project, events } of logs) {
      const appId = events.find((e) => e.Event === 'SparkListenerApplicationStart')!['App ID'] as string;
      const dir = path.join(ws.appLogsDir, project);
      expect(fs.existsSync(path.join(dir, `${appId}_driver.log`))).toBe(true);
      for (const e of events) {
        if (e.Event !== 'SparkListenerExecutorAdded' || e['Executor ID'] === 'driver') continue;
        for (const s of ['stdout', 'stderr']) expect(fs.existsSync(path.join(dir, appId, e['Executor ID'] as string, s))).toBe(true);
      }
    }
  });

  it('writes believable log4j driver and executor logs', () => {
    const app = ws.apps.find((a) => a.scenario === 'oomFailure' && a.mode === 'yarn')!;
    const driver = fs.readFileSync(app.driverLogPath!, 'utf8');
    expect(driver).toMatch(/^\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d INFO \w+: /m);
    expect(driver).toContain(`Running Spark version ${app.sparkVersion}`);
    expect(driver).toContain('logview url: http://logview.odps.aliyun.com/logview/?h=');
    expect(driver).toMatch(/WARN TaskSetManager: Lost task \d+\.0 in stage \d+\.0 .*java\.lang\.OutOfMemoryError: Java heap space\n\tat /);
    expect(driver).toContain('aborting job');
    const stderr = fs.readFileSync(path.join(path.dirname(app.driverLogPath!), app.appId, app.executorIds[0]!, 'stderr'), 'utf8');
    expect(stderr).toMatch(/INFO CoarseGrainedExecutorBackend: Started daemon with process name: \d+@/);
    expect(stderr).toMatch(/INFO Executor: Running task \d+\.\d+ in stage \d+\.\d+ \(TID \d+\)/);
    // GC lines appear where executors lived long enough to collect; look across the whole workspace.
    const stdout = allFiles(ws.appLogsDir).filter((f) => f.endsWith('stdout')).map((f) => fs.readFileSync(f, 'utf8')).join('');
    expect(stdout).toMatch(/\[GC \(Allocation Failure\) \[PSYoungGen: /);
  });
});

describe('event shapes', () => {
  it('every line of every log parses as JSON with an "Event" key, LogStart first', () => {
    expect(logs.length).toBeGreaterThanOrEqual(40);
    for (const { events } of logs) {
      expect(events[0]!.Event).toBe('SparkListenerLogStart');
      for (const e of events) expect(typeof e.Event).toBe('string');
    }
  });

  it('covers Spark 2.4, 3.1, 3.4 and 3.5 side by side in every project', () => {
    const versions = new Set(logs.map((l) => l.version));
    for (const v of [24, 31, 34, 35]) expect(versions).toContain(v);
    for (const p of ws.projects) expect(new Set(logs.filter((l) => l.project === p.name).map((l) => l.version)).size).toBeGreaterThanOrEqual(3);
  });

  it('writes exactly the fields each Spark version writes', () => {
    const text = (v: number) => logs.filter((l) => l.version === v).map((l) => l.events.map((e) => JSON.stringify(e)).join('\n')).join('\n');
    const v24 = text(24);
    expect(v24).not.toContain('"Task Executor Metrics"');
    expect(v24).not.toContain('"Resource Profile Id"');
    expect(v24).not.toContain('SparkListenerResourceProfileAdded');
    expect(v24).not.toContain('"Partition ID"');
    expect(v24).not.toContain('"Hadoop Properties"');
    expect(v24).not.toContain('Excluded');
    expect(v24).toContain('org.apache.spark.scheduler.SparkListenerExecutorBlacklistedForStage');
    const v31 = text(31);
    expect(v31).toContain('SparkListenerResourceProfileAdded');
    expect(v31).toContain('"Task Executor Metrics"');
    expect(v31).not.toContain('"Partition ID"');
    expect(v31).not.toContain('"Registration Time"');
    expect(v31).toContain('org.apache.spark.scheduler.SparkListenerExecutorExcludedForStage');
    expect(v31).toContain('org.apache.spark.scheduler.SparkListenerExecutorBlacklistedForStage');
    for (const v of [34, 35]) {
      const t = text(v);
      expect(t).toContain('"Partition ID"');
      expect(t).toContain('"Registration Time"');
      expect(t).toContain('"Use Off Heap"');
      expect(t).toContain('"Push Based Shuffle"');
      expect(t).toContain('"Shuffle Push Enabled"');
      expect(t).toContain('"rootExecutionId"');
      expect(t).toContain('"errorMessage"');
      expect(t).toContain('"Metrics Properties"');
    }
    expect(text(34)).not.toContain('"jobTags"');
    expect(text(35)).toContain('"jobTags"');
    expect(text(35)).toContain('spark.job.tags');
  });

  it('carries MaxCompute properties, with the access key raw in 2.4/3.1 and redacted in 3.4+', () => {
    for (const { events, version, project } of logs) {
      const props = sparkProps(events);
      expect(props['spark.hadoop.odps.project.name']).toBe(project);
      expect(props['odps.project.name']).toBe(project);
      expect(props).toHaveProperty('spark.hadoop.odps.access.id');
      expect(props).toHaveProperty('spark.hadoop.odps.end.point');
      expect(props['spark.hadoop.odps.spark.version']).toBe(`spark-${events[0]!['Spark Version']}`);
      const key = props['spark.hadoop.odps.access.key'];
      expect(key).toBeDefined();
      if (version >= 32) expect(key).toBe('*********(redacted)');
      else expect(key).toMatch(/^demo[a-z0-9]{26}$/);
    }
  });
});

describe('internal consistency', () => {
  it('every log passes the consistency checks (accumulables = Σ tasks, windows, executors, shuffle)', () => {
    for (const { entry, events } of logs) expect({ log: entry.name, problems: checkLogConsistency(events) }).toEqual({ log: entry.name, problems: [] });
  });

  it('Σ task Executor Run Time equals the StageCompleted accumulable for every stage', () => {
    let stages = 0;
    for (const { events } of logs) {
      const sums = new Map<string, number>();
      const done = new Set<string>();
      for (const e of events) {
        if (e.Event === 'SparkListenerTaskEnd' && e['Task Metrics']) {
          const key = `${e['Stage ID']}.${e['Stage Attempt ID']}`;
          if (!done.has(key)) sums.set(key, (sums.get(key) ?? 0) + ((e['Task Metrics'] as Obj)['Executor Run Time'] as number));
        }
        if (e.Event === 'SparkListenerStageCompleted') {
          const si = e['Stage Info'] as Obj;
          const key = `${si['Stage ID']}.${si['Stage Attempt ID']}`;
          const acc = (si['Accumulables'] as Obj[]).find((a) => a['Name'] === 'internal.metrics.executorRunTime');
          expect(acc?.['Value'] ?? 0).toBe(sums.get(key) ?? 0);
          done.add(key);
          stages++;
        }
      }
    }
    expect(stages).toBeGreaterThan(200);
  });

  it('leaves exactly one application running, without ApplicationEnd', () => {
    const running = logs.filter((l) => !l.events.some((e) => e.Event === 'SparkListenerApplicationEnd'));
    // The live app plus the YARN attempt whose AM was killed.
    expect(running.map((l) => l.entry.name).sort()).toEqual([path.basename(ws.running.eventLogPath), ...logs.filter((l) => /_1\.inprogress$/.test(l.entry.name)).map((l) => l.entry.name)].sort());
    expect(ws.running.eventLogPath.endsWith('.inprogress')).toBe(true);
    const live = logs.find((l) => l.entry.path === ws.running.eventLogPath)!;
    expect(live.events.filter((e) => e.Event === 'SparkListenerJobStart').length).toBeGreaterThan(5);
  });
});

describe('scenarios', () => {
  const all = () => logs.flatMap((l) => l.events);
  const reasons = () => new Set(all().filter((e) => e.Event === 'SparkListenerTaskEnd').map((e) => (e['Task End Reason'] as Obj)['Reason']));

  it('has failed tasks with real exception texts', () => {
    expect([...reasons()].sort()).toEqual(['ExceptionFailure', 'ExecutorLostFailure', 'FetchFailed', 'Resubmitted', 'Success', 'TaskKilled']);
    const ends = all().filter((e) => e.Event === 'SparkListenerTaskEnd');
    const r = (x: SparkEvent) => x['Task End Reason'] as Obj;
    const oom = ends.find((e) => r(e)['Class Name'] === 'java.lang.OutOfMemoryError')!;
    expect(r(oom)['Description']).toBe('Java heap space');
    expect(String(r(oom)['Full Stack Trace'])).toMatch(/^java\.lang\.OutOfMemoryError: Java heap space\n\tat java\.util\.Arrays\.copyOf/);
    const ff = ends.find((e) => r(e)['Reason'] === 'FetchFailed')!;
    expect(r(ff)['Block Manager Address']).toHaveProperty('Executor ID');
    expect(String(r(ff)['Message'])).toMatch(/^org\.apache\.spark\.shuffle\.FetchFailedException: Failed to connect to /);
    expect(ends.some((e) => r(e)['Reason'] === 'TaskKilled' && r(e)['Kill Reason'] === 'another attempt succeeded' && (e['Task Info'] as Obj)['Killed'] === true)).toBe(true);
    expect(ends.some((e) => r(e)['Reason'] === 'ExecutorLostFailure' && String(r(e)['Loss Reason']).startsWith('Container'))).toBe(true);
    expect(ends.some((e) => String(r(e)['Class Name']) === 'java.io.IOException' && r(e)['Description'] === 'No space left on device')).toBe(true);
  });

  it('has failed jobs and failed SQL executions', () => {
    const jobEnds = all().filter((e) => e.Event === 'SparkListenerJobEnd');
    const failed = jobEnds.filter((e) => (e['Job Result'] as Obj)['Result'] === 'JobFailed');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(String(((failed[0]!['Job Result'] as Obj)['Exception'] as Obj)['Message'])).toMatch(/^Job aborted due to stage failure: Task \d+ in stage \d+\.\d+ failed 4 times/);
    const sqlEnds = all().filter((e) => e.Event.endsWith('SQLExecutionEnd') && typeof e['errorMessage'] === 'string');
    expect(sqlEnds.some((e) => e['errorMessage'] !== '')).toBe(true);
    expect(sqlEnds.some((e) => e['errorMessage'] === '')).toBe(true);
  });

  it('has a skewed stage: one task reads far more than the median', () => {
    const skewApps = logs.filter((l) => ws.apps.some((a) => a.scenario === 'skew' && a.eventLogPath === l.entry.path));
    expect(skewApps.length).toBeGreaterThan(0);
    for (const { events } of skewApps) {
      const byStage = new Map<string, number[]>();
      for (const e of events) {
        if (e.Event !== 'SparkListenerTaskEnd' || !e['Task Metrics']) continue;
        const sr = (e['Task Metrics'] as Obj)['Shuffle Read Metrics'] as Obj;
        const key = `${e['Stage ID']}`;
        byStage.set(key, [...(byStage.get(key) ?? []), (sr['Local Bytes Read'] as number) + (sr['Remote Bytes Read'] as number)]);
      }
      const ratios = [...byStage.values()].filter((v) => v.length > 10).map((v) => {
        const s = [...v].sort((a, b) => a - b);
        return s[s.length - 1]! / Math.max(1, s[Math.floor(s.length / 2)]!);
      });
      expect(Math.max(...ratios)).toBeGreaterThan(15);
    }
  });

  it('has speculative tasks, dynamic allocation churn, cached RDD blocks and SQL plans', () => {
    const ev = all();
    expect(ev.some((e) => e.Event === 'SparkListenerTaskStart' && (e['Task Info'] as Obj)['Speculative'] === true)).toBe(true);
    expect(ev.filter((e) => e.Event === 'SparkListenerExecutorRemoved').length).toBeGreaterThan(10);
    expect(ev.some((e) => e.Event === 'SparkListenerBlockUpdated' && /^rdd_\d+_\d+$/.test(String((e['Block Updated Info'] as Obj)['Block ID'])))).toBe(true);
    expect(ev.some((e) => e.Event === 'SparkListenerUnpersistRDD')).toBe(true);
    const sqlStart = ev.find((e) => e.Event === 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart')!;
    expect(String(sqlStart['physicalPlanDescription'])).toContain('== Physical Plan ==');
    expect(sqlStart['sparkPlanInfo']).toHaveProperty('children');
    expect(ev.some((e) => e.Event === 'org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate')).toBe(true);
    expect(ev.some((e) => e.Event === 'SparkListenerStageExecutorMetrics')).toBe(true);
    // A later job over an already computed shuffle lists a new stage that never runs (skipped).
    const skippedSomewhere = logs.some(({ events }) => {
      const submitted = new Set(events.filter((e) => e.Event === 'SparkListenerStageSubmitted').map((e) => (e['Stage Info'] as Obj)['Stage ID']));
      return events.some((e) => e.Event === 'SparkListenerJobStart' && (e['Stage IDs'] as number[]).some((id) => !submitted.has(id)));
    });
    expect(skippedSomewhere).toBe(true);
  });
});

describe('determinism', () => {
  it('same seed → byte-identical files; different seed → different files', async () => {
    const b = await generateWorkspace({ dir: path.join(root, 'b'), seed: 42 });
    const filesA = allFiles(ws.dir).map((f) => path.relative(ws.dir, f));
    const filesB = allFiles(b.dir).map((f) => path.relative(b.dir, f));
    expect(filesB).toEqual(filesA);
    for (const rel of filesA) {
      const x = fs.readFileSync(path.join(ws.dir, rel));
      const y = fs.readFileSync(path.join(b.dir, rel));
      if (!x.equals(y)) expect.fail(`${rel} differs between two runs with the same seed`);
    }
    const c = await generateWorkspace({ dir: path.join(root, 'c'), seed: 43, apps: 4 });
    const d = await generateWorkspace({ dir: path.join(root, 'd'), seed: 42, apps: 4 });
    const read = (s: WorkspaceSummary) => allFiles(s.eventLogsDir).map((f) => fs.readFileSync(f).toString('latin1')).join('');
    expect(read(c)).not.toEqual(read(d));
    fs.rmSync(b.dir, { recursive: true, force: true });
  });
});

describe('size options', () => {
  it('generates more projects and applications on request', async () => {
    const s = await generateWorkspace({ dir: path.join(root, 'e'), seed: 9, projects: 4, apps: 45 });
    expect(s.projects).toHaveLength(4);
    expect(s.totals.apps).toBe(45);
    const json = JSON.parse(fs.readFileSync(s.workspaceFile, 'utf8')) as { users: { name: string; roles: { project: string }[] }[] };
    expect(json.users.find((u) => u.name === 'alice')!.roles.map((r) => r.project)).toEqual(s.projects.map((p) => p.name));
    for (const p of s.projects) expect(listEventLogs(p.eventLogDir).length).toBeGreaterThan(5);
    expect(s.apps.filter((a) => !a.completed && a.scenario === 'live')).toHaveLength(1);
  });
});
