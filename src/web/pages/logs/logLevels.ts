/*
 * Levels of log lines, for tinting and the level filter. Two layouts Spark writes: log4j's pattern
 * (`yy/MM/dd HH:mm:ss LEVEL logger: message`, Spark's default), and Spark 4's structured JSON lines
 * (spark.log.structuredLogging.enabled, SparkLayout.json: ts, level, msg, context, exception, logger).
 * A line without a level of its own (a stack trace line, a printed line) belongs to the last line that had one.
 */

export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const PATTERN_LEVEL = /^\S+ \S+ (TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\b/;
const JSON_LEVEL = /^\{.*?"level":"(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)"/;

/** The level a line states itself, if any. */
export function ownLevel(line: string): LogLevel | undefined {
  return (PATTERN_LEVEL.exec(line)?.[1] ?? JSON_LEVEL.exec(line)?.[1]) as LogLevel | undefined;
}

/** Each line's level: its own, else the one of the last line before it that had one. */
export function lineLevels(lines: readonly string[]): (LogLevel | undefined)[] {
  const out: (LogLevel | undefined)[] = new Array(lines.length);
  let last: LogLevel | undefined;
  for (let i = 0; i < lines.length; i++) {
    last = ownLevel(lines[i]!) ?? last;
    out[i] = last;
  }
  return out;
}

/** Indexes of the lines at `min` or above (lines before any level are kept); all lines when `min` is undefined. */
export function linesAtLevel(levels: readonly (LogLevel | undefined)[], min: LogLevel | undefined): number[] | undefined {
  if (min === undefined) return undefined;
  const rank = LOG_LEVELS.indexOf(min);
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    if (l === undefined || LOG_LEVELS.indexOf(l) >= rank) out.push(i);
  }
  return out;
}

/** One line of Spark 4's structured JSON log. */
export interface StructuredLine {
  ts: string;
  level: string;
  msg: string;
  logger: string | undefined;
  context: Record<string, unknown> | undefined;
  exception: { class: string | undefined; msg: string | undefined; stacktrace: string | undefined } | undefined;
}

/** Reads a line of SparkLayout.json; undefined for anything else (plain text, other JSON). */
export function parseStructuredLine(line: string): StructuredLine | undefined {
  if (!line.startsWith('{"ts":')) return undefined;
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null) return undefined;
  const r = o as Record<string, unknown>;
  if (typeof r.ts !== 'string' || typeof r.level !== 'string') return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : JSON.stringify(v));
  const ex = typeof r.exception === 'object' && r.exception !== null ? (r.exception as Record<string, unknown>) : undefined;
  return {
    ts: r.ts,
    level: r.level,
    msg: str(r.msg) ?? '',
    logger: str(r.logger),
    context: typeof r.context === 'object' && r.context !== null ? (r.context as Record<string, unknown>) : undefined,
    exception: ex && { class: str(ex.class), msg: str(ex.msg), stacktrace: str(ex.stacktrace) },
  };
}

/** `org.apache.spark.executor.Executor` → `Executor`, as log4j's `%c{1}` shows it. */
export function shortLogger(logger: string | undefined): string {
  if (logger === undefined) return '';
  const dot = logger.lastIndexOf('.');
  return dot < 0 ? logger : logger.slice(dot + 1);
}
