import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { NotFound } from './components/NotFound.js';

/*
 * URL scheme (every view is a deep link; table sort/page/filters and in-page tabs live in search params):
 *
 *   /                                         application list (?status=&user=&version=&project=&q=&from=&to=&sort=&page=&pageSize=)
 *   /apps/:appId                              redirects to the newest attempt's Jobs tab
 *   /apps/:appId/:attempt                     redirects to …/jobs
 *   /apps/:appId/:attempt/jobs                Jobs tab
 *   /apps/:appId/:attempt/jobs/:jobId         job detail
 *   /apps/:appId/:attempt/stages              Stages tab
 *   /apps/:appId/:attempt/stages/:stageId/:stageAttemptId   stage detail (…/stages/:stageId → newest attempt)
 *   /apps/:appId/:attempt/storage             Storage tab;  …/storage/rdd/:rddId  RDD detail
 *   /apps/:appId/:attempt/environment         Environment tab
 *   /apps/:appId/:attempt/executors           Executors tab (?executor=<id> highlights that executor's row)
 *   /apps/:appId/:attempt/logs                Logs tab: the driver log and every executor's stdout/stderr the console has
 *   /apps/:appId/:attempt/logs/:executorId/:logType   log viewer (logType stdout | stderr | driver-log; ?q= search, ?wrap=1)
 *   /apps/:appId/:attempt/sql                 SQL tab;  …/sql/:executionId  SQL execution detail
 *
 * `:attempt` is ALWAYS present: it is the attempt id (YARN cluster mode, e.g. `1`, `2`) or `-` for an
 * application whose log carries no attempt id (local, client, standalone mode). One fixed shape keeps
 * routes unambiguous and links simple; build them with lib/appPaths.ts, never by hand.
 *
 * Pages are lazy chunks (one file per page under pages/<domain>/, default export) so the initial bundle
 * stays small and each domain can be replaced without touching this file.
 */

const AppsListPage = lazy(() => import('./pages/apps/AppsListPage.js'));
const AppRedirect = lazy(() => import('./pages/app/AppRedirect.js'));
const AppShell = lazy(() => import('./pages/app/AppShell.js'));
const JobsPage = lazy(() => import('./pages/jobs/JobsPage.js'));
const JobDetailPage = lazy(() => import('./pages/jobs/JobDetailPage.js'));
const StagesPage = lazy(() => import('./pages/stages/StagesPage.js'));
const StageRedirect = lazy(() => import('./pages/stages/StageRedirect.js'));
const StageDetailPage = lazy(() => import('./pages/stages/StageDetailPage.js'));
const StoragePage = lazy(() => import('./pages/storage/StoragePage.js'));
const RddPage = lazy(() => import('./pages/storage/RddPage.js'));
const EnvironmentPage = lazy(() => import('./pages/environment/EnvironmentPage.js'));
const ExecutorsPage = lazy(() => import('./pages/executors/ExecutorsPage.js'));
const LogsPage = lazy(() => import('./pages/logs/LogsPage.js'));
const LogViewerPage = lazy(() => import('./pages/logs/LogViewerPage.js'));
const SqlListPage = lazy(() => import('./pages/sql/SqlListPage.js'));
const SqlExecutionPage = lazy(() => import('./pages/sql/SqlExecutionPage.js'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<AppsListPage />} />
        <Route path="apps/:appId" element={<AppRedirect />} />
        <Route path="apps/:appId/:attempt" element={<AppShell />}>
          <Route index element={<Navigate to="jobs" replace />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="jobs/:jobId" element={<JobDetailPage />} />
          <Route path="stages" element={<StagesPage />} />
          <Route path="stages/:stageId" element={<StageRedirect />} />
          <Route path="stages/:stageId/:stageAttemptId" element={<StageDetailPage />} />
          <Route path="storage" element={<StoragePage />} />
          <Route path="storage/rdd/:rddId" element={<RddPage />} />
          <Route path="environment" element={<EnvironmentPage />} />
          <Route path="executors" element={<ExecutorsPage />} />
          <Route path="logs" element={<LogsPage />} />
          <Route path="logs/:executorId/:logType" element={<LogViewerPage />} />
          <Route path="sql" element={<SqlListPage />} />
          <Route path="sql/:executionId" element={<SqlExecutionPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
