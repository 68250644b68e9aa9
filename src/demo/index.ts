// Public API of the demo data generator (CLI, e2e tests and benchmarks use these).
//
//   generateWorkspace  – projects, ~40 apps (Spark 2.4/3.1/3.4/3.5), driver/executor logs,
//                        workspace.json; one app left running
//   startLiveApp       – keeps appending to the running app (never writes ApplicationEnd
//                        unless stop(true))
//   generateBenchLog   – one big real-shaped log of a given size, streamed to disk
//   generateManyApps   – thousands of small logs for listing benchmarks

export { generateWorkspace, DEFAULT_NOW, DAILY_JOB_CHANGE, DAILY_JOB_FIRST, type WorkspaceOptions, type WorkspaceSummary, type WorkspaceApp } from './workspace.js';
export { startLiveApp, type LiveAppOptions, type LiveAppHandle } from './liveApp.js';
export { generateBenchLog, type BenchLogOptions, type BenchLogResult } from './benchLog.js';
export { generateManyApps, type ManyAppsOptions } from './manyApps.js';
export { demoCommand } from './cli.js';
export { versionRules, MAXCOMPUTE_VERSIONS } from './sparkVersions.js';
export { sanitize, nameForAppAndAttempt } from './naming.js';
export { demoConsoleConfig, writeDemoConsoleConfig, formatDemoAccounts, demoPassword, type DemoAccount, type DemoConsoleConfig } from './consoleConfig.js';
