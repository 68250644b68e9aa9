import { anyTaskEnded, createClient, type AppRef, type SparkConsoleClient } from '../src/api/index.js';

/*
 * The requests the SPA's pages send, as URLs. They are built by the SPA's own client (with a fetch that only
 * records the URL), so the load mix has the very paths and query strings a browser would send; the hooks each
 * page calls are listed next to it (src/web/pages/…). Only stages the application really has are asked for.
 */

export type RequestClass = 'list' | 'stage' | 'other';
export const REQUEST_CLASSES: readonly RequestClass[] = ['list', 'stage', 'other'];

/** What the goal is about: the application lists and a stage page's own calls; everything else is `other`. */
export function classify(url: string): RequestClass {
  const path = url.split('?')[0]!;
  if (path === '/api/v1/applications' || path === '/api/console/apps') return 'list';
  if (/\/stages\/\d+/.test(path) || path.endsWith('/stage-graph')) return 'stage';
  return 'other';
}

/** One page view: the calls the page makes at once when it opens. */
export interface PageView {
  name: string;
  urls: string[];
}

/** An application as the bench knows it: its reference and its real stage attempts. */
export interface SiteApp {
  ref: AppRef;
  stages: SiteStage[];
}

/** A stage attempt of the mix; `anyTaskEnded` as the stage page decides whether to ask for the task summary. */
export interface SiteStage {
  stageId: number;
  attemptId: number;
  anyTaskEnded: boolean;
}

let recorded = '';
// The client calls fetch synchronously with the finished URL; the rejection is caught and ignored.
const recorder: SparkConsoleClient = createClient({
  fetch: (input) => {
    recorded = input;
    return Promise.reject(new Error('recorded only'));
  },
});
function urlOf(call: (c: SparkConsoleClient) => Promise<unknown>): string {
  call(recorder).catch(() => undefined);
  return recorded;
}

/** AppsListPage (+ AppsFilters, IngestStatusBanner): the first page of 50, newest first. */
export function appListPage(): PageView {
  return {
    name: 'app list',
    urls: [
      urlOf((c) => c.consoleApps({ sort: '-startTime', offset: 0, limit: 50 })),
      urlOf((c) => c.projects()),
      urlOf((c) => c.consoleFacets()),
      urlOf((c) => c.consoleStatus()),
    ],
  };
}

/** Spark tools and scripts list applications through the REST API (not a page, but the same class). */
export function restAppList(): PageView {
  return { name: 'REST app list', urls: [urlOf((c) => c.applications({ limit: 50 }))] };
}

/** AppShell (useApplication, useAppLogAccess): around every page of one application. */
function appShell(app: AppRef): string[] {
  return [
    urlOf((c) => c.application(app.appId)),
    urlOf((c) => c.consoleApps({ search: app.appId, limit: 20 })),
    urlOf((c) => c.projects()),
    urlOf((c) => c.appLogs(app.appId)),
  ];
}

/** JobsPage: jobs, executors (event timeline), environment. */
export function jobsPage(app: AppRef): PageView {
  return {
    name: 'jobs',
    urls: [...appShell(app), urlOf((c) => c.jobs(app)), urlOf((c) => c.allExecutors(app)), urlOf((c) => c.environment(app))],
  };
}

/** StagesPage: every stage attempt, environment. */
export function stagesPage(app: AppRef): PageView {
  return { name: 'stages', urls: [...appShell(app), urlOf((c) => c.stages(app)), urlOf((c) => c.environment(app))] };
}

/**
 * StageDetailPage (+ TaskTable's first page of 20 by index, SummaryMetricsTable's quantiles, which the page
 * asks only once a task has ended: a skipped stage's would be a 404).
 */
export function stagePage(app: AppRef, { stageId, attemptId, anyTaskEnded }: SiteStage): PageView {
  return {
    name: 'stage',
    urls: [
      ...appShell(app),
      urlOf((c) => c.stage(app, stageId, attemptId, { details: true, taskStatus: ['FAILED'] })),
      urlOf((c) => c.stageAttempts(app, stageId, { details: false })),
      urlOf((c) => c.jobs(app)),
      urlOf((c) => c.allExecutors(app)),
      ...(anyTaskEnded ? [urlOf((c) => c.taskSummary(app, stageId, attemptId, { quantiles: [0, 0.25, 0.5, 0.75, 1.0] }))] : []),
      urlOf((c) => c.taskTimeline(app, stageId, attemptId)),
      urlOf((c) => c.stageGraph(app)),
      urlOf((c) => c.taskTable(app, stageId, attemptId, { sort: 'index', desc: false, offset: 0, length: 20, status: [] })),
    ],
  };
}

/** ExecutorsPage: executors and miscellaneous processes. */
export function executorsPage(app: AppRef): PageView {
  return { name: 'executors', urls: [...appShell(app), urlOf((c) => c.allExecutors(app)), urlOf((c) => c.miscProcesses(app))] };
}

/**
 * Reads what the server has: completed applications (newest attempt, as AppRedirect picks it) and up to
 * `maxStagesPerApp` of each one's stage attempts, from `/stages`, so every stage URL of the mix names a stage that exists.
 */
export async function discoverSite(baseUrl: string, maxApps: number, maxStagesPerApp: number): Promise<SiteApp[]> {
  const getJson = async <T>(url: string): Promise<T> => {
    const res = await fetch(baseUrl + url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return (await res.json()) as T;
  };
  const apps = await getJson<{ id: string; attempts: { attemptId?: string; completed: boolean }[] }[]>(urlOf((c) => c.applications({ status: ['COMPLETED'] })));
  const site: SiteApp[] = [];
  for (const a of apps) {
    if (site.length >= maxApps) break;
    const attemptId = a.attempts[0]?.attemptId;
    const ref: AppRef = attemptId === undefined ? { appId: a.id } : { appId: a.id, attemptId };
    type Counted = { stageId: number; attemptId: number; numCompleteTasks: number; numFailedTasks: number; numKilledTasks: number };
    const stages = (await getJson<Counted[]>(urlOf((c) => c.stages(ref)))).map((s) => ({
      stageId: s.stageId,
      attemptId: s.attemptId,
      anyTaskEnded: anyTaskEnded(s),
    }));
    // Spread over the list (newest first): early, middle and late stages of the application.
    const step = Math.max(1, stages.length / maxStagesPerApp);
    const picked = Array.from({ length: Math.min(maxStagesPerApp, stages.length) }, (_, i) => stages[Math.floor(i * step)]!);
    if (picked.length > 0) site.push({ ref, stages: picked });
  }
  return site;
}

/**
 * Opens every page of the site once (which also warms the server as a first visitor would) and keeps only the
 * applications and stage attempts whose pages answer 2xx: the mix then holds no request that is bound to fail.
 * Returns the checked site and what was dropped, by status.
 */
export async function checkSite(baseUrl: string, site: SiteApp[]): Promise<{ site: SiteApp[]; dropped: Map<string, number> }> {
  const dropped = new Map<string, number>();
  const failure = async (page: PageView): Promise<string | undefined> => {
    for (const url of page.urls) {
      const res = await fetch(baseUrl + url);
      await res.arrayBuffer();
      // e.g. `404 /api/v1/applications/{app}/stages/{n}/{n}/taskSummary`
      if (!res.ok) return `${res.status} ${url.split('?')[0]!.replace(/(applications|apps)\/[^/]+/, '$1/{app}').replace(/\/\d+/g, '/{n}')}`;
    }
    return undefined;
  };
  const drop = (why: string) => dropped.set(why, (dropped.get(why) ?? 0) + 1);
  const checked: SiteApp[] = [];
  for (const app of site) {
    let why: string | undefined;
    for (const page of [jobsPage(app.ref), stagesPage(app.ref), executorsPage(app.ref)]) why ??= await failure(page);
    if (why !== undefined) {
      drop(`app: ${why}`);
      continue;
    }
    const stages: SiteApp['stages'] = [];
    for (const s of app.stages) {
      const stageWhy = await failure(stagePage(app.ref, s));
      if (stageWhy === undefined) stages.push(s);
      else drop(`stage: ${stageWhy}`);
    }
    if (stages.length > 0) checked.push({ ref: app.ref, stages });
  }
  return { site: checked, dropped };
}
