import path from 'node:path';
import os from 'node:os';
import type { SessionPolicy } from './auth/sessionStore.js';
import type { ConsoleConfigFile } from './consoleConfigFile.js';

/** Everything the server needs to know at start; built once by the CLI (or by tests). */
export interface ServerConfig {
  /** Roots scanned for event logs. Each direct child folder that is not a Spark log is treated as a project folder. */
  eventLogRoots: string[];
  /** Roots holding driver/executor log files (standalone worker layout), optional. */
  appLogRoots: string[];
  host: string;
  port: number;
  /** Where the SQLite index and per-application stores live. */
  dataDir: string;
  /** Directory with the built web UI (index.html + assets). */
  webDir: string;
  /** How often the scanner looks for new or grown logs, in ms. */
  scanIntervalMs: number;
  /** Spark's retention limits, applied while folding (spark.ui.retained*). */
  retention: RetentionLimits;
  /** Number of ingest worker threads. */
  ingestWorkers: number;
  /** Event-log lines longer than this are skipped and counted (spec §6.5: single events can be huge). */
  maxLineBytes: number;
  /** `password`: sign-in on every route; `none`: one local user, loopback only. */
  authMode: 'password' | 'none';
  /** Projects, users and single sign-on from `--config FILE`. */
  console: ConsoleConfigFile;
  session: SessionPolicy;
}

/** Hosts `--auth none` may bind: nobody else can reach a console without sign-in. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface RetentionLimits {
  jobs: number;
  stages: number;
  tasks: number;
  deadExecutors: number;
  sqlExecutions: number;
}

export const SPARK_DEFAULT_RETENTION: RetentionLimits = {
  jobs: 1000,
  stages: 1000,
  tasks: 100_000,
  deadExecutors: 100,
  sqlExecutions: 1000,
};

export function defaultDataDir(): string {
  return path.join(os.homedir(), '.spark-console');
}
