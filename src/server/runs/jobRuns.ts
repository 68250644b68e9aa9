import type { JobList, JobSummary } from '../../api/console/runs.js';
import type { AppListStatus } from '../../api/console/appListItem.js';
import type { AppEntry } from '../api/appListing.js';
import { projectOfApp } from '../api/catalogView.js';

/*
 * A job is what a scheduler runs again and again: the applications of one project with the same name
 * (MaxCompute's "similar jobs"). Grouping reads only the listing index, never a store.
 */

export function runStatus(app: AppEntry): AppListStatus {
  const newest = app.attempts[0]!;
  return !newest.completed ? 'running' : newest.failed ? 'failed' : 'succeeded';
}

/** The runs of one job among `apps`, newest first. */
export function runsOfJob(apps: readonly AppEntry[], project: string, name: string): AppEntry[] {
  return apps
    .filter((a) => a.name === name && projectOfApp(a) === project)
    .sort((x, y) => y.attempts[0]!.startTime - x.attempts[0]!.startTime || y.id.localeCompare(x.id));
}

/** The run of the same job that started last before `app`, if any. */
export function previousRun(apps: readonly AppEntry[], app: AppEntry): AppEntry | undefined {
  const runs = runsOfJob(apps, projectOfApp(app), app.name);
  const i = runs.findIndex((r) => r.id === app.id);
  return i >= 0 ? runs[i + 1] : undefined;
}

const cuHoursOf = (app: AppEntry) => app.attempts.reduce((n, a) => n + (a.usage?.cuHours ?? 0), 0);

/** The jobs of a project with their runs summed, costliest first (then by name). */
export function projectJobs(apps: readonly AppEntry[], project: string): JobList {
  const byName = new Map<string, AppEntry[]>();
  for (const app of apps) {
    if (projectOfApp(app) !== project) continue;
    let runs = byName.get(app.name);
    if (!runs) byName.set(app.name, (runs = []));
    runs.push(app);
  }
  const jobs: JobSummary[] = [];
  for (const [name, runs] of byName) {
    let cuHours = 0;
    let ended = 0;
    let durationMs = 0;
    let failedRuns = 0;
    let last = runs[0]!;
    for (const run of runs) {
      const newest = run.attempts[0]!;
      cuHours += cuHoursOf(run);
      if (runStatus(run) === 'failed') failedRuns++;
      if (newest.completed) {
        ended++;
        durationMs += newest.endTime - newest.startTime;
      }
      if (newest.startTime > last.attempts[0]!.startTime) last = run;
    }
    const lastAttempt = last.attempts[0]!;
    jobs.push({
      name,
      runs: runs.length,
      failedRuns,
      cuHours: Math.round(cuHours * 1000) / 1000,
      meanDurationMs: ended > 0 ? Math.round(durationMs / ended) : 0,
      lastRun: { appId: last.id, ...(lastAttempt.attemptId ? { attemptId: lastAttempt.attemptId } : {}), startTime: lastAttempt.startTime, status: runStatus(last) },
    });
  }
  jobs.sort((a, b) => b.cuHours - a.cuHours || a.name.localeCompare(b.name));
  return { project, jobs };
}
