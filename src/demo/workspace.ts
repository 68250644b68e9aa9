// The demo workspace: ≥3 MaxCompute projects, each with an event-log folder and an app-logs
// folder, ~40 applications covering Spark 2.4 / 3.1 / 3.4 / 3.5 and every scenario the console
// must show (SQL, skew, failures, speculation, dynamic allocation, caching, multiple attempts,
// compressed and rolling logs), plus one application left running for the live appender.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng, deriveSeed } from './prng.js';
import { MAXCOMPUTE_VERSIONS, type VersionLine } from './sparkVersions.js';
import { loadEncoderFactory } from './eventLogFiles.js';
import { appLogDirFor, instanceIdFor, runApp, type AppResult, type AppSpec, type ScenarioKind } from './appScenario.js';
import { demoProjects, demoUsers, type ProjectSpec } from './projects.js';
import { localAppId, standaloneAppId, yarnAppId, type Codec } from './naming.js';
import { writeLiveState, type LiveState } from './liveState.js';

export interface WorkspaceOptions {
  dir: string;
  seed?: number;
  /** Number of projects (default 3). */
  projects?: number;
  /** Number of applications in total, including the running one (default 40). */
  apps?: number;
  /**
   * The workspace's "now" (epoch ms): completed apps lie in the 3 days before it and the
   * running app's log reaches up to it. Defaults to a fixed instant so that the same seed
   * always gives byte-identical files; the CLI passes Date.now().
   */
  now?: number;
  /**
   * Catalog applications (by name) added after the `apps` planned ones, so a small workspace still holds
   * them: the browser specs pin the standalone app whose executor logs are rolled and gzipped, and the app
   * with a structured JSON driver log. The planned apps stay exactly as without them.
   */
  pinned?: readonly string[];
}

export interface WorkspaceApp {
  project: string;
  appId: string;
  attemptId?: string;
  name: string;
  user: string;
  sparkVersion: string;
  mode: 'yarn' | 'standalone' | 'local';
  scenario: ScenarioKind | 'crashedAttempt';
  layout: 'single' | 'rolling';
  codec: Codec;
  instanceId?: string;
  eventLogPath: string;
  driverLogPath: string | null;
  executorIds: string[];
  startTime: number;
  endTime: number | null;
  completed: boolean;
  succeeded: boolean;
  tasks: number;
  rawBytes: number;
  diskBytes: number;
}

export interface WorkspaceSummary {
  dir: string;
  seed: number;
  now: number;
  eventLogsDir: string;
  appLogsDir: string;
  workspaceFile: string;
  /** True when src/demo/encoders was available, i.e. lz4/zstd logs were written. */
  compressedLogs: boolean;
  projects: { name: string; description: string; owner: string; eventLogDir: string; appLogDir: string; appIds: string[] }[];
  apps: WorkspaceApp[];
  running: {
    project: string;
    appId: string;
    eventLogPath: string;
    driverLogPath: string;
    appLogDir: string;
    stateFile: string;
  };
  totals: { apps: number; logs: number; tasks: number; rawBytes: number; diskBytes: number };
}

/** 2026-03-02T02:00:00Z: a fixed default "now" (see WorkspaceOptions.now). */
export const DEFAULT_NOW = Date.UTC(2026, 2, 2, 2, 0, 0);

interface CatalogEntry {
  project: number;
  name: string;
  cls: string;
  kind: ScenarioKind;
  line: VersionLine | `apache-${string}`;
  mode: 'yarn' | 'standalone' | 'local';
  layout: 'single' | 'rolling';
  codec: Codec;
  user: string;
  attempts?: 2;
  /** A scheduled job: its runs share their sizing (see AppSpec.job); `conf` sets properties of this run. */
  job?: true;
  conf?: Record<string, string>;
  /** Driver log in Spark 4's structured JSON layout (see structuredLogs.ts). */
  structuredLogs?: true;
}

/** The first run of sales_dw's daily job: too little executor memory, so its scan tasks spill. */
export const DAILY_JOB_FIRST: Readonly<Record<string, string>> = { 'spark.executor.memory': '1g' };
/** What changed between the first run of sales_dw's daily job and the later ones (the runs comparison shows it). */
export const DAILY_JOB_CHANGE: Readonly<Record<string, string>> = { 'spark.executor.memory': '16g', 'spark.sql.shuffle.partitions': '400' };

// The 40 default applications. Ordered round-robin across projects so that a smaller `apps`
// still covers every project and the most important scenarios first.
const CATALOG: CatalogEntry[][] = [
  [
    { project: 0, name: 'dws_order_daily', cls: 'DailyOrderEtl', kind: 'etl', line: '2.4', mode: 'yarn', layout: 'single', codec: 'none', user: 'dataworks', job: true, conf: DAILY_JOB_FIRST },
    { project: 0, name: 'ads_gmv_report', cls: 'GmvReport', kind: 'skew', line: '3.4', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'bob' },
    { project: 0, name: 'refund_reconcile', cls: 'RefundReconcile', kind: 'oomFailure', line: '3.4', mode: 'yarn', layout: 'single', codec: 'none', user: 'dataworks' },
    { project: 0, name: 'order_dedupe', cls: 'OrderDedupe', kind: 'etl', line: '3.1', mode: 'yarn', layout: 'single', codec: 'none', user: 'dataworks', attempts: 2 },
    // The daily job's next runs: after the first one spilled, someone raised its memory and shuffle partitions;
    // then it moved to Spark 3.1.
    { project: 0, name: 'dws_order_daily', cls: 'DailyOrderEtl', kind: 'etl', line: '2.4', mode: 'yarn', layout: 'single', codec: 'lz4', user: 'dataworks', job: true, conf: DAILY_JOB_CHANGE },
    { project: 0, name: 'dws_order_daily', cls: 'DailyOrderEtl', kind: 'etl', line: '3.1', mode: 'yarn', layout: 'single', codec: 'lz4', user: 'dataworks', job: true, conf: DAILY_JOB_CHANGE },
    { project: 0, name: 'payment_join', cls: 'PaymentJoin', kind: 'fetchFailure', line: '3.5', mode: 'yarn', layout: 'rolling', codec: 'zstd', user: 'bob' },
    { project: 0, name: 'dws_order_daily_backfill', cls: 'DailyOrderBackfill', kind: 'large', line: '3.5', mode: 'yarn', layout: 'rolling', codec: 'none', user: 'bob' },
    { project: 0, name: 'ads_gmv_report', cls: 'GmvReport', kind: 'speculation', line: '3.1', mode: 'yarn', layout: 'single', codec: 'none', user: 'dataworks' },
    { project: 0, name: 'SparkPi', cls: 'SparkPi', kind: 'pi', line: 'apache-2.4.8', mode: 'local', layout: 'single', codec: 'none', user: 'bob' },
    { project: 0, name: 'shop_snapshot', cls: 'ShopSnapshot', kind: 'join', line: '3.5', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'dataworks' },
    { project: 0, name: 'dim_shop_sync', cls: 'DimShopSync', kind: 'transientFailure', line: 'apache-2.4.8', mode: 'standalone', layout: 'single', codec: 'none', user: 'bob' },
    { project: 0, name: 'order_quality_check', cls: 'OrderQualityCheck', kind: 'udfFailure', line: '3.5', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'dataworks' },
    { project: 0, name: 'ads_gmv_report', cls: 'GmvReport', kind: 'join', line: '3.1', mode: 'yarn', layout: 'rolling', codec: 'none', user: 'dataworks' },
  ],
  [
    { project: 1, name: 'fea_user_risk_v2', cls: 'UserRiskFeatures', kind: 'cache', line: '3.4', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'alice' },
    { project: 1, name: 'risk_model_train', cls: 'RiskModelTrain', kind: 'dynamicAllocation', line: '3.1', mode: 'yarn', layout: 'single', codec: 'lz4', user: 'alice' },
    { project: 1, name: 'merchant_blacklist', cls: 'MerchantBlacklist', kind: 'excludeOnFailure', line: '2.4', mode: 'yarn', layout: 'single', codec: 'none', user: 'dataworks' },
    { project: 1, name: 'device_graph', cls: 'DeviceGraph', kind: 'speculation', line: '3.4', mode: 'yarn', layout: 'single', codec: 'none', user: 'bob' },
    { project: 1, name: 'risk_score_daily', cls: 'RiskScoreDaily', kind: 'etl', line: '2.4', mode: 'yarn', layout: 'single', codec: 'lz4', user: 'dataworks' },
    { project: 1, name: 'fea_user_risk_v2', cls: 'UserRiskFeatures', kind: 'cache', line: '3.1', mode: 'yarn', layout: 'single', codec: 'none', user: 'alice' },
    { project: 1, name: 'risk_model_train', cls: 'RiskModelTrain', kind: 'dynamicAllocation', line: '3.5', mode: 'yarn', layout: 'rolling', codec: 'zstd', user: 'alice' },
    { project: 1, name: 'device_graph', cls: 'DeviceGraph', kind: 'skew', line: '3.5', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'bob' },
    { project: 1, name: 'risk_model_eval', cls: 'RiskModelEval', kind: 'oomFailure', line: '3.1', mode: 'yarn', layout: 'rolling', codec: 'none', user: 'alice' },
    { project: 1, name: 'feature_debug', cls: 'FeatureDebug', kind: 'etl', line: 'apache-3.5.1', mode: 'local', layout: 'single', codec: 'none', user: 'bob', structuredLogs: true },
    { project: 1, name: 'risk_score_daily', cls: 'RiskScoreDaily', kind: 'fetchFailure', line: '3.1', mode: 'yarn', layout: 'single', codec: 'lz4', user: 'dataworks' },
    { project: 1, name: 'fea_user_risk_v2', cls: 'UserRiskFeatures', kind: 'cache', line: 'apache-3.5.1', mode: 'standalone', layout: 'single', codec: 'none', user: 'alice' },
    { project: 1, name: 'risk_score_daily', cls: 'RiskScoreDaily', kind: 'etl', line: '3.4', mode: 'yarn', layout: 'single', codec: 'none', user: 'dataworks' },
  ],
  [
    { project: 2, name: 'ops_realtime_dashboard', cls: 'OpsDashboard', kind: 'live', line: '3.5', mode: 'yarn', layout: 'single', codec: 'none', user: 'dave' },
    { project: 2, name: 'api_latency_agg', cls: 'ApiLatencyAgg', kind: 'etl', line: '3.4', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'dataworks' },
    { project: 2, name: 'log_cleaner', cls: 'LogCleaner', kind: 'oomFailure', line: '2.4', mode: 'yarn', layout: 'single', codec: 'none', user: 'dave' },
    { project: 2, name: 'app_log_ingest', cls: 'AppLogIngest', kind: 'dynamicAllocation', line: '3.4', mode: 'yarn', layout: 'rolling', codec: 'zstd', user: 'dave' },
    { project: 2, name: 'alert_rules_eval', cls: 'AlertRulesEval', kind: 'speculation', line: '3.5', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'dataworks' },
    { project: 2, name: 'ops_dashboard_refresh', cls: 'OpsDashboardRefresh', kind: 'dashboard', line: '3.5', mode: 'yarn', layout: 'single', codec: 'none', user: 'dave' },
    { project: 2, name: 'app_log_ingest', cls: 'AppLogIngest', kind: 'fetchFailure', line: '3.4', mode: 'yarn', layout: 'single', codec: 'none', user: 'dave' },
    { project: 2, name: 'SparkPi', cls: 'SparkPi', kind: 'pi', line: 'apache-3.4.1', mode: 'standalone', layout: 'single', codec: 'none', user: 'dave' },
    { project: 2, name: 'log_cleaner', cls: 'LogCleaner', kind: 'etl', line: '3.1', mode: 'yarn', layout: 'single', codec: 'lz4', user: 'dataworks' },
    { project: 2, name: 'api_latency_agg', cls: 'ApiLatencyAgg', kind: 'skew', line: '3.1', mode: 'yarn', layout: 'single', codec: 'none', user: 'dataworks' },
    { project: 2, name: 'ops_adhoc_query', cls: 'OpsAdhocQuery', kind: 'join', line: 'apache-3.1.3', mode: 'local', layout: 'single', codec: 'none', user: 'dave' },
    { project: 2, name: 'api_latency_agg', cls: 'ApiLatencyAgg', kind: 'etl', line: '3.5', mode: 'yarn', layout: 'single', codec: 'zstd', user: 'dataworks' },
    { project: 2, name: 'ops_dashboard_refresh', cls: 'OpsDashboardRefresh', kind: 'dashboard', line: '2.4', mode: 'yarn', layout: 'single', codec: 'lz4', user: 'dataworks' },
  ],
];

const EXTRA_KINDS: ScenarioKind[] = ['etl', 'join', 'skew', 'cache', 'speculation', 'transientFailure', 'fetchFailure', 'pi', 'etl', 'dynamicAllocation', 'udfFailure', 'oomFailure'];
const EXTRA_LINES: VersionLine[] = ['2.4', '3.1', '3.4', '3.5'];

function versionOf(line: CatalogEntry['line']): string {
  return line.startsWith('apache-') ? line.slice('apache-'.length) : MAXCOMPUTE_VERSIONS[line as VersionLine];
}

/** Catalog entries for `count` apps over `projects` projects (round-robin interleaved). */
function planCatalog(count: number, projects: number, rng: Prng): CatalogEntry[] {
  const perProject: CatalogEntry[][] = [];
  for (let p = 0; p < projects; p++) perProject.push(CATALOG[p]?.slice() ?? []);
  const out: CatalogEntry[] = [];
  // The live app always exists (it is the first entry of project 2, or of the last project).
  const liveProject = Math.min(2, projects - 1);
  const live = CATALOG[2]![0]!;
  out.push({ ...live, project: liveProject });
  if (liveProject === 2) perProject[2]!.shift();
  let i = 0;
  let extra = 0;
  while (out.length < count) {
    const p = i % projects;
    const anyLeft = perProject.some((l) => l.length > 0);
    const next = perProject[p]!.shift();
    if (next) out.push({ ...next, project: p });
    else if (anyLeft && CATALOG[p]) {
      // This project's catalog is used up: let the others finish theirs first. (Projects
      // beyond the catalog get generated apps from the start, so every project has some.)
    } else {
      const line = EXTRA_LINES[extra % EXTRA_LINES.length]!;
      const kind = EXTRA_KINDS[extra % EXTRA_KINDS.length]!;
      const v3 = line !== '2.4';
      out.push({
        project: p,
        name: `${kind === 'pi' ? 'SparkPi' : `batch_${kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`}`,
        cls: kind === 'pi' ? 'SparkPi' : `Batch${kind[0]!.toUpperCase()}${kind.slice(1)}`,
        kind,
        line,
        mode: 'yarn',
        layout: v3 && extra % 5 === 0 ? 'rolling' : 'single',
        codec: extra % 3 === 0 ? 'none' : v3 && line !== '3.1' ? 'zstd' : 'lz4',
        user: rng.pick(['dataworks', 'alice', 'bob', 'dave']),
      });
      extra++;
    }
    i++;
  }
  return out;
}

/** The catalog entries named in `names` that the plan does not already hold, on projects that exist. */
function pinnedEntries(names: readonly string[], planned: readonly CatalogEntry[], projects: number): CatalogEntry[] {
  return names.map((name) => {
    const isPlanned = (e: CatalogEntry) => planned.some((q) => q.name === e.name && q.line === e.line && q.kind === e.kind);
    const entry = CATALOG.flat().find((e) => e.name === name && !isPlanned(e) && e.project < projects);
    if (!entry) throw new Error(`no catalog application ${name} to pin in a workspace of ${projects} projects`);
    return entry;
  });
}

export async function generateWorkspace(opts: WorkspaceOptions): Promise<WorkspaceSummary> {
  const seed = (opts.seed ?? 42) >>> 0;
  const nProjects = Math.max(1, opts.projects ?? 3);
  const nApps = Math.max(1, opts.apps ?? 40);
  const now = opts.now ?? DEFAULT_NOW;
  const dir = path.resolve(opts.dir);
  const eventLogsDir = path.join(dir, 'event-logs');
  const appLogsDir = path.join(dir, 'app-logs');
  // Start from a clean slate: stale files from an earlier run would break determinism.
  fs.rmSync(eventLogsDir, { recursive: true, force: true });
  fs.rmSync(appLogsDir, { recursive: true, force: true });
  fs.rmSync(path.join(dir, '.demo'), { recursive: true, force: true });
  fs.mkdirSync(eventLogsDir, { recursive: true });
  fs.mkdirSync(appLogsDir, { recursive: true });
  const encoders = await loadEncoderFactory();
  const projects = demoProjects(nProjects);
  const rng = new Prng(deriveSeed(seed, 'workspace'));
  const planned = planCatalog(nApps, nProjects, rng);
  const plan = [...planned, ...pinnedEntries(opts.pinned ?? [], planned, nProjects)];
  for (const p of projects) {
    fs.mkdirSync(path.join(eventLogsDir, p.name), { recursive: true });
    fs.mkdirSync(appLogDirFor(dir, p.name), { recursive: true });
  }

  // Start times: completed apps spread over the 3 days before `now` (ending ≥ 1 h before it),
  // the live app started 35 minutes ago.
  const window = 3 * 24 * 3600_000;
  const completedCount = planned.length - 1;
  const starts = planned.map((_, i) => (i === 0 ? now - 35 * 60_000 : now - window + Math.round(((i - 1) * (window - 3 * 3600_000)) / Math.max(1, completedCount)) + rng.int(0, 20 * 60_000)));
  // Pinned apps draw from their own generator, so the planned apps' times and ids do not move.
  const pinnedRng = new Prng(deriveSeed(seed, 'pinned'));
  for (let i = planned.length; i < plan.length; i++) starts.push(now - window + pinnedRng.int(3600_000, window - 4 * 3600_000));
  let standaloneSeq = rng.int(0, 40);
  // YARN ids as a real ResourceManager hands them out: its start time, then a sequence in submission order.
  const clusterRng = new Prng(deriveSeed(seed, 'yarn-cluster'));
  const clusterTs = now - window - 11 * 24 * 3600_000 - clusterRng.int(0, 3600_000);
  const yarnOrder = plan
    .map((entry, i) => ({ entry, i }))
    .filter(({ entry }) => entry.mode === 'yarn')
    .sort((a, b) => starts[a.i]! - starts[b.i]!);
  // Other tenants' applications take sequence numbers in between, so ours are not consecutive.
  let seq = clusterRng.int(100, 900);
  const yarnSeq = new Map(yarnOrder.map(({ i }, rank) => [i, (seq += 1 + (rank % 3))]));
  const results: { entry: CatalogEntry; res: AppResult; scenario: WorkspaceApp['scenario'] }[] = [];
  let liveResult: AppResult | undefined;
  for (const [i, entry] of plan.entries()) {
    const project = projects[entry.project]!;
    const start = starts[i]!;
    const appSeed = deriveSeed(seed, 'app', i);
    const appId =
      entry.mode === 'yarn' ? yarnAppId(clusterTs, yarnSeq.get(i)!) : entry.mode === 'standalone' ? standaloneAppId(start - 800, standaloneSeq++) : localAppId(start);
    const version = versionOf(entry.line);
    const base: AppSpec = {
      project,
      appId,
      yarnAttempt: 1,
      name: entry.name,
      jobClass: entry.cls,
      user: entry.user,
      version,
      mode: entry.mode,
      kind: entry.kind,
      layout: entry.layout,
      codec: encoders ? entry.codec : 'none',
      rollingMaxBytes: entry.kind === 'large' ? 10 * 1024 * 1024 : 128 * 1024 * 1024,
      startTime: start,
      seed: appSeed,
      instanceId: entry.mode === 'yarn' ? instanceIdFor({ startTime: start, seed: appSeed, appId }) : undefined,
      running: entry.kind === 'live',
      until: entry.kind === 'live' ? now : undefined,
      job: entry.job ? { seed: deriveSeed(seed, 'job', project.name, entry.name), ...(entry.conf ? { conf: { ...entry.conf } } : {}) } : undefined,
      structuredLogs: entry.structuredLogs,
    };
    const eventLogDir = path.join(eventLogsDir, project.name);
    const appLogDir = appLogDirFor(dir, project.name);
    if (entry.attempts === 2) {
      // YARN attempt 1: the AM is killed mid-run (no ApplicationEnd, log stays .inprogress);
      // attempt 2 starts a little later and completes.
      const a1 = runApp({ ...base, attemptId: '1', crash: true }, { eventLogDir, appLogDir, encoders });
      results.push({ entry, res: a1, scenario: 'crashedAttempt' });
      const a2 = runApp({ ...base, attemptId: '2', yarnAttempt: 2, startTime: (a1.endTime ?? start) + rng.int(8000, 20000), seed: deriveSeed(appSeed, 2) }, { eventLogDir, appLogDir, encoders });
      results.push({ entry, res: a2, scenario: entry.kind });
      continue;
    }
    const res = runApp(base, { eventLogDir, appLogDir, encoders });
    if (base.running) {
      liveResult = res;
      continue;
    }
    results.push({ entry, res, scenario: entry.kind });
  }

  // The running app: settle in-flight work, checkpoint, and leave the log .inprogress.
  const live = liveResult!;
  const sim = live.sim!;
  sim.settle();
  live.writer!.drain();
  live.logs!.drain();
  const stateFile = path.join(dir, '.demo', 'live-state.json');
  const liveState: LiveState = {
    spec: live.spec,
    checkpoint: sim.checkpoint(),
    round: 0,
    files: {},
  };
  const livePaths = [live.writer!.currentPath, ...live.logs!.paths()];
  live.writer!.close({ completed: false });
  live.logs!.close();
  writeLiveState(stateFile, liveState, livePaths);
  results.unshift({ entry: plan[0]!, res: { ...live, executorIds: sim.allExecutorIds(), eventLogPath: live.writer!.currentPath, lines: live.writer!.lines, rawBytes: live.writer!.rawBytes, diskBytes: live.writer!.diskBytes, tasks: sim.stats.tasks }, scenario: 'live' });

  const apps: WorkspaceApp[] = results.map(({ entry, res, scenario }) => ({
    project: res.spec.project.name,
    appId: res.appId,
    attemptId: res.attemptId,
    name: res.spec.name,
    user: res.spec.user,
    sparkVersion: res.spec.version,
    mode: res.spec.mode,
    scenario,
    layout: res.spec.layout,
    codec: res.spec.codec,
    instanceId: res.spec.instanceId,
    eventLogPath: res.eventLogPath,
    driverLogPath: res.driverLogPath,
    executorIds: res.executorIds,
    startTime: res.startTime,
    endTime: res.endTime,
    completed: res.completed,
    succeeded: res.succeeded,
    tasks: res.tasks,
    rawBytes: res.rawBytes,
    diskBytes: res.diskBytes,
    ...(entry ? {} : {}),
  }));

  const users = demoUsers(projects);
  const workspaceFile = path.join(dir, 'workspace.json');
  const ws = {
    version: 1,
    generatedBy: 'spark-console demo',
    seed,
    now: new Date(now).toISOString(),
    projects: projects.map((p) => ({ name: p.name, description: p.description, owner: p.owner, region: p.region, eventLogDir: `event-logs/${p.name}`, appLogDir: `app-logs/${p.name}` })),
    users: users.map((u) => ({ name: u.name, displayName: u.displayName, email: u.email, account: u.account, roles: u.roles })),
    applications: apps.map((a) => ({
      project: a.project,
      appId: a.appId,
      ...(a.attemptId ? { attemptId: a.attemptId } : {}),
      name: a.name,
      submittedBy: a.user,
      sparkVersion: a.sparkVersion,
      ...(a.instanceId ? { instanceId: a.instanceId } : {}),
    })),
  };
  fs.writeFileSync(workspaceFile, JSON.stringify(ws, null, 2) + '\n');

  const runningApp = apps[0]!;
  const summary: WorkspaceSummary = {
    dir,
    seed,
    now,
    eventLogsDir,
    appLogsDir,
    workspaceFile,
    compressedLogs: encoders !== null,
    projects: projects.map((p) => ({
      name: p.name,
      description: p.description,
      owner: p.owner,
      eventLogDir: path.join(eventLogsDir, p.name),
      appLogDir: appLogDirFor(dir, p.name),
      appIds: [...new Set(apps.filter((a) => a.project === p.name).map((a) => a.appId))],
    })),
    apps,
    running: {
      project: runningApp.project,
      appId: runningApp.appId,
      eventLogPath: runningApp.eventLogPath,
      driverLogPath: runningApp.driverLogPath!,
      appLogDir: appLogDirFor(dir, runningApp.project),
      stateFile,
    },
    totals: {
      apps: new Set(apps.map((a) => a.appId)).size,
      logs: apps.length,
      tasks: apps.reduce((n, a) => n + a.tasks, 0),
      rawBytes: apps.reduce((n, a) => n + a.rawBytes, 0),
      diskBytes: apps.reduce((n, a) => n + a.diskBytes, 0),
    },
  };
  return summary;
}

export type { ProjectSpec };
