import { isApiError } from '../../api/index.js';
import { useProjects } from './accessQueries.js';
import { useConsoleApps } from './consoleQueries.js';
import { useAppLogs } from './logQueries.js';
import { useCurrentSession } from './sessionContext.js';

export interface AppLogAccess {
  /** The application's project, once known. */
  project: string | undefined;
  /** The caller's role there (a console administrator may have none). */
  role: string | null;
  /** false: hide log links and downloads; undefined while unknown (show them: the server decides anyway). */
  canReadLogs: boolean | undefined;
}

/**
 * Whether the caller may read an application's driver/executor logs and download its event log: its
 * project's `canReadLogs` (a viewer may not). The project comes from the console listing; a 403 from the
 * app's log list says the same thing, should the listing not tell.
 */
export function useAppLogAccess(appId: string | undefined): AppLogAccess {
  const session = useCurrentSession();
  const listing = useConsoleApps({ search: appId ?? '', limit: 20 }, appId !== undefined);
  const projects = useProjects();
  const logs = useAppLogs(appId);
  const project = listing.data?.items.find((a) => a.id === appId)?.project;
  const summary = project === undefined ? undefined : projects.data?.projects.find((p) => p.name === project);
  const role = summary === undefined ? null : (summary.myRole ?? summary.members.find((m) => m.user === session?.user.name)?.role ?? null);
  const forbidden = isApiError(logs.error) && logs.error.status === 403;
  return { project, role, canReadLogs: forbidden ? false : summary?.canReadLogs };
}

/** The plain message when the caller's role may not read logs. */
export function noLogsMessage(role: string | null): string {
  return `Your role (${role ?? 'viewer'}) cannot read logs`;
}
