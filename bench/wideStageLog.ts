import fs from 'node:fs';
import readline from 'node:readline';

/**
 * A log whose single stage has `taskCount` tasks, built from a real TaskEnd of a Spark sample log: the same
 * fields and metric objects, with ids, times and a skewed run-time distribution filled in; 1 % of tasks fail.
 */
export async function writeWideStageLog(outPath: string, samplePath: string, taskCount: number): Promise<{ bytes: number; tasks: number }> {
  const header: string[] = [];
  let taskEnd: any;
  let stageSubmitted: any;
  const rl = readline.createInterface({ input: fs.createReadStream(samplePath), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const e = JSON.parse(line);
    if (/LogStart|EnvironmentUpdate|ApplicationStart|ExecutorAdded|BlockManagerAdded/.test(e.Event)) header.push(line);
    if (e.Event === 'SparkListenerTaskEnd' && !taskEnd && e['Task End Reason']?.Reason === 'Success') taskEnd = e;
    if (e.Event === 'SparkListenerStageSubmitted' && !stageSubmitted) stageSubmitted = e;
  }
  const start = JSON.parse(header.find((h) => h.includes('SparkListenerApplicationStart'))!);
  start['App ID'] = 'app-wide-0001';
  const t0 = start.Timestamp + 1000;
  const execs = header.filter((h) => h.includes('"SparkListenerExecutorAdded"')).map((h) => JSON.parse(h)['Executor ID'] as string);
  const out = fs.createWriteStream(outPath);
  let bytes = 0;
  const write = async (o: unknown) => {
    const line = typeof o === 'string' ? o : JSON.stringify(o);
    bytes += line.length + 1;
    if (!out.write(line + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  for (const h of header) await write(h.includes('SparkListenerApplicationStart') ? JSON.stringify(start) : h);
  const stageInfo = { ...stageSubmitted['Stage Info'], 'Stage ID': 0, 'Stage Attempt ID': 0, 'Number of Tasks': taskCount, 'Submission Time': t0 };
  await write({ Event: 'SparkListenerJobStart', 'Job ID': 0, 'Submission Time': t0, 'Stage Infos': [stageInfo], 'Stage IDs': [0], Properties: {} });
  await write({ Event: 'SparkListenerStageSubmitted', 'Stage Info': stageInfo, Properties: {} });
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let clock = t0;
  for (let i = 0; i < taskCount; i++) {
    const exec = execs[i % Math.max(1, execs.length)] ?? 'driver';
    const run = Math.round(50 + 200 * rand() + (rand() < 0.01 ? 5000 * rand() : 0));
    const launch = clock;
    clock += 1;
    const info = { ...taskEnd['Task Info'], 'Task ID': i, Index: i, Attempt: 0, 'Partition ID': i, 'Launch Time': launch, 'Executor ID': exec, 'Finish Time': launch + run + 20, Failed: false };
    await write({ Event: 'SparkListenerTaskStart', 'Stage ID': 0, 'Stage Attempt ID': 0, 'Task Info': { ...info, 'Finish Time': 0 } });
    const failed = rand() < 0.01;
    const metrics = { ...taskEnd['Task Metrics'], 'Executor Run Time': run };
    await write({
      ...taskEnd,
      'Stage ID': 0,
      'Stage Attempt ID': 0,
      'Task End Reason': failed ? { Reason: 'ExceptionFailure', 'Class Name': 'java.lang.RuntimeException', Description: 'bad record', 'Stack Trace': [], 'Full Stack Trace': 'java.lang.RuntimeException: bad record\n', 'Accumulator Updates': [] } : { Reason: 'Success' },
      'Task Info': { ...info, Failed: failed },
      'Task Metrics': metrics,
    });
  }
  await write({ Event: 'SparkListenerStageCompleted', 'Stage Info': { ...stageInfo, 'Completion Time': clock + 500 } });
  await write({ Event: 'SparkListenerJobEnd', 'Job ID': 0, 'Completion Time': clock + 600, 'Job Result': { Result: 'JobSucceeded' } });
  await write({ Event: 'SparkListenerApplicationEnd', Timestamp: clock + 1000 });
  await new Promise<void>((resolve) => out.end(resolve));
  return { bytes, tasks: taskCount };
}
