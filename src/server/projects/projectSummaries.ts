import type { AppListItem } from '../../api/console/appListItem.js';
import type { JobCounts, ProjectSummary } from '../../api/console/projects.js';
import type { AppCatalog } from '../api/appCatalog.js';
import type { AccessDirectory } from '../auth/accessDirectory.js';
import type { AccessScope } from '../auth/accessScope.js';
import type { ProjectUsage } from './projectUsage.js';

const DAY_MS = 86_400_000;

/** The listing rows grouped by project, once per catalog build: one per application (its newest attempt comes first). */
const byProjectCache = new WeakMap<AppListItem[], Map<string, AppListItem[]>>();
function itemsByProject(catalog: AppCatalog): Map<string, AppListItem[]> {
  const items = catalog.listItems();
  let grouped = byProjectCache.get(items);
  if (!grouped) {
    grouped = new Map();
    const seen = new Set<string>();
    for (const item of items) {
      if (item.attempts > 1 && seen.has(item.id)) continue;
      seen.add(item.id);
      const list = grouped.get(item.project);
      if (list) list.push(item);
      else grouped.set(item.project, [item]);
    }
    byProjectCache.set(items, grouped);
  }
  return grouped;
}

/** Every project name: declared, or holding at least one log. */
export function allProjectNames(catalog: AppCatalog, directory: AccessDirectory): string[] {
  return directory.projectNames(itemsByProject(catalog).keys());
}

/** Whether a project of this name exists: declared, or holding at least one log. */
export function projectExists(catalog: AppCatalog, directory: AccessDirectory, project: string): boolean {
  return directory.declaredProject(project) !== undefined || itemsByProject(catalog).has(project);
}

function countSince(items: readonly AppListItem[], since: number): JobCounts {
  const counts: JobCounts = { running: 0, succeeded: 0, failed: 0, unknown: 0 };
  for (const i of items) if (i.startTime >= since) counts[i.status]++;
  return counts;
}

/** What the projects page shows of one project, for one caller. */
export function projectSummary(
  name: string,
  deps: { catalog: AppCatalog; directory: AccessDirectory; usage: ProjectUsage },
  caller: AccessScope,
  now = Date.now(),
): ProjectSummary {
  const declared = deps.directory.declaredProject(name);
  const items = itemsByProject(deps.catalog).get(name) ?? [];
  let latestFailure: ProjectSummary['latestFailure'] = null;
  for (const i of items) {
    if (i.status !== 'failed' || i.attempts === 0) continue;
    const at = i.endTime ?? i.startTime;
    if (!latestFailure || at > latestFailure.endTime) {
      latestFailure = { appId: i.id, name: i.name, endTime: at, ...(i.attemptId === undefined ? {} : { attemptId: i.attemptId }) };
    }
  }
  const usage = deps.usage.daily(name, now);
  return {
    name,
    description: declared?.description ?? '',
    owner: declared?.owner ?? null,
    region: declared?.region ?? null,
    quotaGroup: declared?.quotaGroup ?? null,
    source: declared ? 'config' : 'discovered',
    myRole: caller.role(name),
    canReadLogs: caller.allows(name, 'projectLogs'),
    canManage: caller.allows(name, 'projectAdmin'),
    members: deps.directory.membersOf(name),
    applications: items.filter((i) => i.attempts > 0).length,
    last24h: countSince(items, now - DAY_MS),
    last7d: countSince(items, now - 7 * DAY_MS),
    latestFailure,
    usage,
    cuHours7d: usage.slice(-7).reduce((sum, d) => sum + d.cuHours, 0),
  };
}
