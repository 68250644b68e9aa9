import fs from 'node:fs';
import readline from 'node:readline';

/**
 * Grows a real-shaped event log from one of Spark's sample logs: the application's header events once, then
 * its jobs, stages, tasks and SQL executions repeated with fresh ids and shifted times until the target size,
 * then the end event. Every line is a real Spark event with real field sets; only ids and times change.
 */
export async function growLogFromSample(samplePath: string, outPath: string, targetBytes: number): Promise<{ bytes: number; tasks: number; stages: number }> {
  const header: string[] = [];
  const body: any[] = [];
  let end: string | undefined;
  const rl = readline.createInterface({ input: fs.createReadStream(samplePath), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    const name: string = e.Event;
    if (name === 'SparkListenerApplicationEnd') end = line;
    else if (/LogStart|EnvironmentUpdate|ApplicationStart|ResourceProfileAdded|ExecutorAdded|BlockManagerAdded/.test(name) && body.length === 0) header.push(line);
    else body.push(e);
  }
  const max = { job: 0, stage: 0, task: 0, sql: 0, time: 0, minTime: Number.MAX_SAFE_INTEGER };
  const scan = (e: any) => {
    if (typeof e['Job ID'] === 'number') max.job = Math.max(max.job, e['Job ID']);
    if (typeof e['Stage ID'] === 'number') max.stage = Math.max(max.stage, e['Stage ID']);
    const ti = e['Task Info'];
    if (ti) {
      max.task = Math.max(max.task, ti['Task ID']);
      max.time = Math.max(max.time, ti['Finish Time'] || ti['Launch Time']);
      max.minTime = Math.min(max.minTime, ti['Launch Time']);
    }
    if (typeof e.executionId === 'number') max.sql = Math.max(max.sql, e.executionId);
  };
  body.forEach(scan);
  const span = Math.max(1000, max.time - max.minTime + 1000);

  const out = fs.createWriteStream(outPath);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line) + 1;
    if (!out.write(line + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  for (const line of header) await write(line);
  let round = 0;
  let tasks = 0;
  let stages = 0;
  while (bytes < targetBytes) {
    const shift = {
      job: round * (max.job + 1),
      stage: round * (max.stage + 1),
      task: round * (max.task + 1),
      sql: round * (max.sql + 1),
      time: round * span,
    };
    for (const e of body) {
      const copy = remap(e, shift);
      if (copy.Event === 'SparkListenerTaskEnd') tasks++;
      if (copy.Event === 'SparkListenerStageCompleted') stages++;
      await write(JSON.stringify(copy));
    }
    round++;
  }
  if (end) {
    const e = JSON.parse(end);
    e.Timestamp += (round - 1) * span;
    await write(JSON.stringify(e));
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return { bytes, tasks, stages };
}

const TIME_KEYS = new Set(['Submission Time', 'Completion Time', 'Launch Time', 'Finish Time', 'Getting Result Time', 'Timestamp', 'time']);

function remap(value: any, s: { job: number; stage: number; task: number; sql: number; time: number }, key = ''): any {
  if (Array.isArray(value)) {
    if (key === 'Stage IDs' || key === 'Parent IDs') return value.map((v) => (typeof v === 'number' ? v + s.stage : v));
    return value.map((v) => remap(v, s));
  }
  if (value === null || typeof value !== 'object') return value;
  const out: any = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'number') {
      if (k === 'Job ID') out[k] = v + s.job;
      else if (k === 'Stage ID' || k === 'stageId') out[k] = v + s.stage;
      else if (k === 'Task ID') out[k] = v + s.task;
      else if (k === 'executionId') out[k] = v + s.sql;
      else if (TIME_KEYS.has(k) && v > 0) out[k] = v + s.time;
      else out[k] = v;
    } else if (k === 'spark.sql.execution.id' && typeof v === 'string') {
      out[k] = String(Number(v) + s.sql);
    } else {
      out[k] = remap(v, s, k);
    }
  }
  return out;
}
