// Spark 4's structured logging (spark.log.structuredLogging.enabled): log4j's JsonTemplateLayout with
// Spark's SparkLayout.json writes one JSON object per line with ts, level, msg, context, exception
// (class, msg, stacktrace) and logger. The demo turns a pattern-layout log into that form: each log4j line
// with the lines continuing it (an exception and its stack) becomes one JSON line.

import * as fs from 'node:fs';

const LINE = /^(\d\d)\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) (TRACE|DEBUG|INFO|WARN|ERROR|FATAL) ([^:]+): (.*)$/;

/** Spark's packages of the short logger names the simulator writes (log4j's %c{1}). */
const PACKAGES: Record<string, string> = {
  Executor: 'org.apache.spark.executor',
  CoarseGrainedExecutorBackend: 'org.apache.spark.executor',
  TaskSetManager: 'org.apache.spark.scheduler',
  DAGScheduler: 'org.apache.spark.scheduler',
  TaskSchedulerImpl: 'org.apache.spark.scheduler',
  SparkContext: 'org.apache.spark',
  BlockManager: 'org.apache.spark.storage',
  BlockManagerInfo: 'org.apache.spark.storage',
  MemoryStore: 'org.apache.spark.storage.memory',
  SparkUI: 'org.apache.spark.ui',
  ShuffleBlockFetcherIterator: 'org.apache.spark.storage',
};

interface Entry {
  ts: string;
  level: string;
  logger: string;
  msg: string;
  rest: string[];
}

function toJson(e: Entry): string {
  const o: Record<string, unknown> = { ts: e.ts, level: e.level, msg: e.msg, context: {} };
  if (e.rest.length > 0) {
    const head = e.rest[0]!;
    const colon = head.indexOf(': ');
    o.exception = colon > 0 ? { class: head.slice(0, colon), msg: head.slice(colon + 2), stacktrace: e.rest.join('\n') } : { class: head, stacktrace: e.rest.join('\n') };
  }
  o.logger = PACKAGES[e.logger] ? `${PACKAGES[e.logger]}.${e.logger}` : e.logger;
  return JSON.stringify(o);
}

/** Rewrites a pattern-layout log file as Spark's structured JSON lines, in place. */
export function rewriteAsStructuredLog(file: string, mtimeMs: number): void {
  const out: string[] = [];
  let current: Entry | undefined;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = LINE.exec(line);
    if (m) {
      if (current) out.push(toJson(current));
      const [, yy, mo, dd, hh, mi, ss, level, logger, msg] = m;
      current = { ts: `20${yy}-${mo}-${dd}T${hh}:${mi}:${ss}.000+0800`, level: level!, logger: logger!, msg: msg!, rest: [] };
    } else if (current && line !== '') {
      current.rest.push(line);
    }
  }
  if (current) out.push(toJson(current));
  fs.writeFileSync(file, out.length === 0 ? '' : `${out.join('\n')}\n`);
  fs.utimesSync(file, new Date(mtimeMs), new Date(mtimeMs));
}
