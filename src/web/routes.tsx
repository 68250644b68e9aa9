import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { LoadingState } from './components/LoadingState.js';
import { NotFound } from './components/NotFound.js';
import { PageErrorBoundary } from './components/PageErrorBoundary.js';
import { RequireNumericIds } from './components/RequireNumericIds.js';
import { SessionGate } from './components/SessionGate.js';

/*
 * URL scheme (every view is a deep link; table sort/page/filters and in-page tabs live in search params):
 *
 *   /sign-in                                  sign-in (?next=<path> to return to); every other page needs a session (SessionGate)
 *   /                                         projects (landing page); an old application-list link (/?status=…) goes on to /apps
 *   /apps                                     application list (?status=&user=&version=&project=&q=&from=&to=&sort=&page=&pageSize=)
 *   /projects/:project                        one project: facts, usage, members, its applications (same params as /apps)
 *   /tokens                                   the signed-in user's API tokens
 *   /admin/users, /admin/audit                console administrators: users; audit log (?user=&project=&action=&from=&to=&page=)
 *   /admin/tokens                             console administrators: every user's API tokens (?user=&page=&pageSize=)
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
 *   /apps/:appId/:attempt/diagnostics         Diagnostics tab: ranked findings (why it failed / why it was slow)
 *   /apps/:appId/:attempt/runs                runs of this app's job over time (?pick=<run>,<run> picks two to compare)
 *   /apps/:appId/:attempt/compare             this run beside another (?with=<appId>&withAttempt=; default: the previous run)
 *
 * `:attempt` is ALWAYS present: it is the attempt id (YARN cluster mode, e.g. `1`, `2`) or `-` for an
 * application whose log carries no attempt id (local, client, standalone mode). One fixed shape keeps
 * routes unambiguous and links simple; build them with lib/appPaths.ts, never by hand.
 *
 * Pages are lazy chunks (one file per page under pages/<domain>/, default export) so the initial bundle
 * stays small and each domain can be replaced without touching this file.
 */

const AppsListPage = lazy(() => import('./pages/apps/AppsListPage.js'));
const SignInPage = lazy(() => import('./pages/access/SignInPage.js'));
const TokensPage = lazy(() => import('./pages/access/TokensPage.js'));
const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage.js'));
const ProjectPage = lazy(() => import('./pages/projects/ProjectPage.js'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage.js'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage.js'));
const TokensAdminPage = lazy(() => import('./pages/admin/TokensAdminPage.js'));
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
const DiagnosticsPage = lazy(() => import('./pages/diagnostics/DiagnosticsPage.js'));
const JobRunsPage = lazy(() => import('./pages/runs/JobRunsPage.js'));
const CompareRunsPage = lazy(() => import('./pages/runs/CompareRunsPage.js'));

/** Parameters of the application list: `/` carried them before the projects page took its place. */
const APP_LIST_PARAMS = ['status', 'user', 'version', 'project', 'q', 'from', 'to', 'sort', 'page', 'pageSize'];

/** `/`: the projects page, or an old application-list link passed on to /apps with its filters. */
function Home() {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  if (APP_LIST_PARAMS.some((p) => params.has(p))) return <Navigate replace to={`/apps${location.search}`} />;
  return <ProjectsPage />;
}

/** A detail route's numeric ids, checked before its page asks the server (see RequireNumericIds). */
function Ids({ names, what, back, backLabel, children }: { names: string[]; what: string; back: string; backLabel: string; children: ReactNode }) {
  const { appId = '', attempt = '-' } = useParams();
  return (
    <RequireNumericIds names={names} what={what} backTo={`/apps/${encodeURIComponent(appId)}/${encodeURIComponent(attempt)}/${back}`} backLabel={backLabel}>
      {children}
    </RequireNumericIds>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="sign-in"
        element={
          <PageErrorBoundary resetKey="sign-in">
            <Suspense fallback={<LoadingState label="Loading…" />}>
              <SignInPage />
            </Suspense>
          </PageErrorBoundary>
        }
      />
      <Route element={<SessionGate />}>
        <Route element={<AppLayout />}>
          <Route index element={<Home />} />
          <Route path="apps" element={<AppsListPage />} />
          <Route path="projects/:project" element={<ProjectPage />} />
          <Route path="tokens" element={<TokensPage />} />
          <Route path="admin/users" element={<UsersPage />} />
          <Route path="admin/audit" element={<AuditPage />} />
          <Route path="admin/tokens" element={<TokensAdminPage />} />
          <Route path="apps/:appId" element={<AppRedirect />} />
          <Route path="apps/:appId/:attempt" element={<AppShell />}>
            <Route index element={<Navigate to="jobs" replace />} />
            <Route path="jobs" element={<JobsPage />} />
            <Route path="jobs/:jobId" element={<Ids names={['jobId']} what="job" back="jobs" backLabel="All jobs"><JobDetailPage /></Ids>} />
            <Route path="stages" element={<StagesPage />} />
            <Route path="stages/:stageId" element={<Ids names={['stageId']} what="stage" back="stages" backLabel="All stages"><StageRedirect /></Ids>} />
            <Route
              path="stages/:stageId/:stageAttemptId"
              element={<Ids names={['stageId', 'stageAttemptId']} what="stage" back="stages" backLabel="All stages"><StageDetailPage /></Ids>}
            />
            <Route path="storage" element={<StoragePage />} />
            <Route path="storage/rdd/:rddId" element={<Ids names={['rddId']} what="RDD" back="storage" backLabel="Storage"><RddPage /></Ids>} />
            <Route path="environment" element={<EnvironmentPage />} />
            <Route path="executors" element={<ExecutorsPage />} />
            <Route path="logs" element={<LogsPage />} />
            <Route path="logs/:executorId/:logType" element={<LogViewerPage />} />
            <Route path="sql" element={<SqlListPage />} />
            <Route path="sql/:executionId" element={<Ids names={['executionId']} what="query" back="sql" backLabel="All queries"><SqlExecutionPage /></Ids>} />
            <Route path="diagnostics" element={<DiagnosticsPage />} />
            <Route path="runs" element={<JobRunsPage />} />
            <Route path="compare" element={<CompareRunsPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
