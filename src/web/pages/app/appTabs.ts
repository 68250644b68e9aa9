import type { AppRef } from '../../../api/index.js';
import type { TabItem } from '../../components/Tabs.js';
import { appPaths } from '../../lib/appPaths.js';

/** Spark's application tabs, in Spark's order. */
export function appTabs(app: AppRef): TabItem[] {
  return [
    { id: 'jobs', label: 'Jobs', href: appPaths.jobs(app) },
    { id: 'stages', label: 'Stages', href: appPaths.stages(app) },
    { id: 'storage', label: 'Storage', href: appPaths.storage(app) },
    { id: 'environment', label: 'Environment', href: appPaths.environment(app) },
    { id: 'executors', label: 'Executors', href: appPaths.executors(app) },
    // The console's own tab: historical driver and executor logs (Spark 4's live "Logs" tab, for every app).
    { id: 'logs', label: 'Logs', href: appPaths.logs(app) },
    { id: 'sql', label: 'SQL / DataFrame', href: appPaths.sql(app) },
    // The console's own tab: why the application failed or was slow (issue 14).
    { id: 'diagnostics', label: 'Diagnostics', href: appPaths.diagnostics(app) },
  ];
}
