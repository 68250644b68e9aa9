import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceApp, WorkspaceSummary } from '../src/demo/index.js';

/*
 * The demo workspace the browser specs run on (globalSetup generates it and starts a server on it): a fixed
 * seed and "now" make it the same every run, and 17 apps (three runs of sales_dw's daily job among them, for
 * the runs comparison) keep generation and ingest to a few seconds.
 * Specs read what they assert from the generated summary and files, never hand-written numbers.
 */
export const DEMO_SEED = 20260302;
export const DEMO_APPS = 17;
export const DEMO_NOW = Date.UTC(2026, 2, 2, 2, 0, 0);
/**
 * Added to the 17: a standalone app whose executor logs are rolled and gzipped (logs.spec.ts reads them as
 * one log) and an app whose driver log is Spark 4's structured JSON.
 */
export const DEMO_PINNED = ['dim_shop_sync', 'feature_debug'] as const;

let cached: WorkspaceSummary | undefined;

export function demoSummary(): WorkspaceSummary {
  const file = process.env.E2E_DEMO_SUMMARY;
  if (file === undefined) throw new Error('E2E_DEMO_SUMMARY is not set: run the specs through playwright (globalSetup)');
  cached ??= JSON.parse(fs.readFileSync(file, 'utf8')) as WorkspaceSummary;
  return cached;
}

/** The MaxCompute projects workspace.json declares. */
export function workspaceProjects(summary: WorkspaceSummary): string[] {
  const ws = JSON.parse(fs.readFileSync(summary.workspaceFile, 'utf8')) as { projects: { name: string }[] };
  return ws.projects.map((p) => p.name);
}

/** The first app matching, or a clear failure naming what the generator did not make. */
export function demoApp(summary: WorkspaceSummary, what: string, match: (a: WorkspaceApp) => boolean): WorkspaceApp {
  const app = summary.apps.find(match);
  if (app === undefined) throw new Error(`the demo workspace (seed ${summary.seed}, ${summary.apps.length} logs) has no ${what}`);
  return app;
}

/** An executor's stdout/stderr file as the generator wrote it. */
export function executorLogPath(summary: WorkspaceSummary, app: WorkspaceApp, executorId: string, logType: 'stdout' | 'stderr'): string {
  const project = summary.projects.find((p) => p.name === app.project)!;
  return path.join(project.appLogDir, app.appId, executorId, logType);
}

/** The non-empty lines of a file. */
export function fileLines(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}
