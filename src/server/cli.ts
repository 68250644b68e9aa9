import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ServerConfig, SPARK_DEFAULT_RETENTION, defaultDataDir } from './config.js';
import { DEFAULT_MAX_LINE_BYTES } from './eventlog/lineReader.js';
import { startServer } from './httpServer.js';

const USAGE = `Usage:
  spark-console serve --event-logs DIR [--event-logs DIR …] [--app-logs DIR] [--port 18080] [--host 127.0.0.1] [--data-dir DIR]
  spark-console demo --out DIR [--seed N] [--apps N]
`;

/** Directory of the built web UI (dist/web), seen from the bundle (dist/bundle) or the compiled sources (dist/src/server). */
function defaultWebDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..', 'web'), path.resolve(here, '..', '..', 'web')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

export function configFromArgs(argv: string[]): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      'event-logs': { type: 'string', multiple: true },
      'app-logs': { type: 'string', multiple: true },
      port: { type: 'string', default: '18080' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'web-dir': { type: 'string' },
      'scan-interval-ms': { type: 'string', default: '1000' },
      'ingest-workers': { type: 'string', default: String(Math.max(1, Math.min(4, os.availableParallelism()))) },
      'retained-tasks': { type: 'string' },
      'max-line-bytes': { type: 'string' },
    },
    strict: true,
  });
  const roots = values['event-logs'] ?? [];
  if (roots.length === 0) throw new Error('--event-logs DIR is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  return {
    eventLogRoots: roots.map((r) => path.resolve(r)),
    appLogRoots: (values['app-logs'] ?? []).map((r) => path.resolve(r)),
    host: values.host!,
    port,
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
    webDir: path.resolve(values['web-dir'] ?? defaultWebDir()),
    scanIntervalMs: Math.max(100, Number(values['scan-interval-ms'])),
    ingestWorkers: Math.max(1, Number(values['ingest-workers'])),
    maxLineBytes: values['max-line-bytes'] ? Number(values['max-line-bytes']) : DEFAULT_MAX_LINE_BYTES,
    retention: {
      ...SPARK_DEFAULT_RETENTION,
      ...(values['retained-tasks'] ? { tasks: Number(values['retained-tasks']) } : {}),
    },
  };
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') {
      const server = await startServer(configFromArgs(rest));
      console.log(`Spark Console listening on ${server.url}`);
      const shutdown = () => void server.close().finally(() => process.exit(0));
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      return;
    }
    if (command === 'demo') {
      // Loaded on demand (its own chunk in the bundle): the generator is not needed to serve.
      const { demoCommand } = await import('../demo/cli.js');
      await demoCommand(rest);
      return;
    }
    process.stdout.write(USAGE);
    process.exitCode = command === undefined || command === '--help' ? 0 : 2;
  } catch (err) {
    console.error(`spark-console: ${(err as Error).message}`);
    process.stderr.write(USAGE);
    process.exitCode = 2;
  }
}
