import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SESSION_POLICY } from './auth/sessionStore.js';
import { type ServerConfig, SPARK_DEFAULT_RETENTION, defaultDataDir, isLoopbackHost } from './config.js';
import { ConsoleConfigFile, loadConsoleConfig } from './consoleConfigFile.js';
import { DEFAULT_MAX_LINE_BYTES } from './eventlog/lineReader.js';
import { startServer } from './httpServer.js';
import { defaultIngestWorkers } from './ingest/defaultIngestWorkers.js';

const USAGE = `Usage:
  spark-console serve [--event-logs DIR …] [--app-logs DIR …] [--config FILE] [--auth password|none]
                      [--port 18080] [--host 127.0.0.1] [--data-dir DIR]
  spark-console users add NAME [--admin] [--display-name TEXT] | passwd NAME | list   [--data-dir DIR] [--config FILE]
  spark-console tokens create --user NAME [--name TEXT] [--days 90]                   [--data-dir DIR] [--config FILE]
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
      'ingest-workers': { type: 'string', default: String(defaultIngestWorkers()) },
      'retained-tasks': { type: 'string' },
      'max-line-bytes': { type: 'string' },
      config: { type: 'string' },
      auth: { type: 'string', default: 'password' },
      'session-idle-minutes': { type: 'string' },
      'session-max-hours': { type: 'string' },
    },
    strict: true,
  });
  const consoleConfig = values.config ? loadConsoleConfig(values.config) : ConsoleConfigFile.parse({});
  const roots = [...(values['event-logs'] ?? []).map((r) => path.resolve(r)), ...consoleConfig.projects.flatMap((p) => p.eventLogs)];
  if (roots.length === 0) throw new Error('--event-logs DIR (or projects with eventLogs in --config) is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const authMode = values.auth;
  if (authMode !== 'password' && authMode !== 'none') throw new Error(`--auth must be password or none, got ${authMode}`);
  if (authMode === 'none' && !isLoopbackHost(values.host!)) {
    throw new Error(`--auth none serves everything to anyone who can connect: it only binds a loopback address, not ${values.host}`);
  }
  const minutes = (text: string | undefined, fallbackMinutes: number) => Math.max(1, Number(text ?? fallbackMinutes) || fallbackMinutes) * 60_000;
  return {
    eventLogRoots: withoutNested(roots),
    appLogRoots: [...new Set([...(values['app-logs'] ?? []).map((r) => path.resolve(r)), ...consoleConfig.projects.flatMap((p) => p.appLogs)])],
    authMode,
    console: consoleConfig,
    session: {
      idleMs: minutes(values['session-idle-minutes'], DEFAULT_SESSION_POLICY.idleMs / 60_000),
      maxMs: minutes(values['session-max-hours'] === undefined ? undefined : String(Number(values['session-max-hours']) * 60), DEFAULT_SESSION_POLICY.maxMs / 60_000),
    },
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

/** Roots inside other roots are dropped: their logs are found through the outer root already. */
function withoutNested(roots: string[]): string[] {
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((o) => o !== r && r.startsWith(o + path.sep)));
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') {
      const server = await startServer(configFromArgs(rest));
      if (server.firstAdmin?.generated) {
        console.log(`No console administrator yet: created the administrator "${server.firstAdmin.name}" with the password ${server.firstAdmin.password} (shown once; change it with \`spark-console users passwd ${server.firstAdmin.name}\`).`);
      }
      console.log(`Spark Console listening on ${server.url}`);
      const shutdown = () => void server.close().finally(() => process.exit(0));
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      return;
    }
    if (command === 'users' || command === 'tokens') {
      const { accountsCommand } = await import('./accountsCli.js');
      await accountsCommand(command, rest);
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
