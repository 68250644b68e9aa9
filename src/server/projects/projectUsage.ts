import type { AppCatalog } from '../api/appCatalog.js';
import type { AppEntry } from '../api/appListing.js';

const DAY_MS = 86_400_000;
/** Days the projects page charts. */
export const USAGE_DAYS = 14;

/**
 * CU-hours per project per UTC day, summed from every attempt's usage (computed during ingest), once per
 * catalog build.
 */
export class ProjectUsage {
  private readonly cache = new WeakMap<AppEntry[], Map<string, Map<string, number>>>();

  constructor(private readonly catalog: AppCatalog) {}

  private perProject(): Map<string, Map<string, number>> {
    const apps = this.catalog.applications();
    let byProject = this.cache.get(apps);
    if (!byProject) {
      byProject = new Map();
      for (const app of apps) {
        for (const attempt of app.attempts) {
          if (!attempt.usage) continue;
          const project = attempt.project ?? '';
          let days = byProject.get(project);
          if (!days) byProject.set(project, (days = new Map()));
          for (const [day, u] of Object.entries(attempt.usage.days)) days.set(day, (days.get(day) ?? 0) + u.cuHours);
        }
      }
      this.cache.set(apps, byProject);
    }
    return byProject;
  }

  /** The last USAGE_DAYS days up to `now`, oldest first; days without usage are 0. */
  daily(project: string, now = Date.now()): { day: string; cuHours: number }[] {
    const days = this.perProject().get(project);
    const out: { day: string; cuHours: number }[] = [];
    for (let i = USAGE_DAYS - 1; i >= 0; i--) {
      const day = new Date(now - i * DAY_MS).toISOString().slice(0, 10);
      out.push({ day, cuHours: Math.round((days?.get(day) ?? 0) * 1000) / 1000 });
    }
    return out;
  }
}
