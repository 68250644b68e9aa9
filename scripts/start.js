#!/usr/bin/env node
// `npm start`: build what is missing or stale, create the demo workspace on first run, keep its running
// application growing, and serve UI + API on http://localhost:18080 (PORT overrides), with sign-in on: the
// workspace's projects and demo users come from a console config file written from its workspace.json,
// and the demo accounts (with their local demo passwords) are printed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = path.resolve(process.env.SPARK_CONSOLE_HOME ?? path.join(root, '.data'));
const workspace = path.join(dataRoot, 'demo-workspace');
const port = Number(process.env.PORT ?? 18080);

/** Newest modification time under a directory (0 when it does not exist). */
function newest(dir) {
  let max = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return max;
}

const builtServer = path.join(root, 'dist', 'src', 'server', 'cli.js');
const builtWeb = path.join(root, 'dist', 'web', 'index.html');
const stale =
  !fs.existsSync(builtServer) ||
  !fs.existsSync(builtWeb) ||
  newest(path.join(root, 'src')) > Math.min(fs.statSync(builtServer).mtimeMs, fs.statSync(builtWeb).mtimeMs);
if (stale) {
  console.log('Building Spark Console …');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const demo = await import(path.join(root, 'dist', 'src', 'demo', 'index.js'));
// The generator's summary (projects, apps, the running app's files) is kept next to the workspace.
const summaryFile = path.join(dataRoot, 'demo-workspace.summary.json');
if (!fs.existsSync(summaryFile)) {
  console.log(`Creating the demo workspace in ${workspace} …`);
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  const created = await demo.generateWorkspace({ dir: workspace, now: Date.now() });
  fs.writeFileSync(summaryFile, JSON.stringify(created, null, 2));
}
const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
// One application keeps running: new tasks, stages and log lines arrive while the console is open.
const live = demo.startLiveApp(summary);

// Projects (folders, owners, members) and users with demo passwords, from the workspace's workspace.json.
const { file: consoleConfigFile, accounts } = demo.writeDemoConsoleConfig(workspace, path.join(dataRoot, 'demo-console-config.json'));

const { startServer } = await import(path.join(root, 'dist', 'src', 'server', 'httpServer.js'));
const { configFromArgs } = await import(builtServer);
const config = configFromArgs([
  '--config', consoleConfigFile,
  '--auth', 'password',
  '--data-dir', path.join(dataRoot, 'server'),
  '--port', String(port),
  '--host', process.env.HOST ?? '127.0.0.1',
]);
const server = await startServer(config);
console.log(`\nSpark Console is running: http://localhost:${port}\n(demo workspace: ${workspace}; Ctrl-C to stop)`);
console.log(`\nSign in with a demo account (local demo passwords; config: ${consoleConfigFile}):\n${demo.formatDemoAccounts(accounts)}`);

const stop = async () => {
  await live.stop(false);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
