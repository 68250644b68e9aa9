import { Suspense, useRef } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { ApplicationAttemptInfo, ApplicationInfo, AppRef } from '../../../api/index.js';
import { useApplication } from '../../api/applicationQueries.js';
import { apiClient } from '../../api/apiClient.js';
import { noLogsMessage, useAppLogAccess } from '../../api/appAccess.js';
import { useAppChanges, type LiveState } from '../../api/useAppChanges.js';
import { useConsoleApps } from '../../api/consoleQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { LoadingState } from '../../components/LoadingState.js';
import { PageErrorBoundary } from '../../components/PageErrorBoundary.js';
import { QueryView } from '../../components/QueryView.js';
import { SectionSkipLinks } from '../../components/SectionSkipLinks.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { Tabs } from '../../components/Tabs.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { useApplicationTimeZone } from '../../components/timeZone/useApplicationTimeZone.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { DiagnosticsSummary } from '../diagnostics/DiagnosticsSummary.js';
import { RunLinks } from '../runs/RunLinks.js';
import { appTabs } from './appTabs.js';
import { FailureBanner } from './FailureBanner.js';

/**
 * Frame of one application's pages: header (name, Spark version, user, start, duration or "running"),
 * attempt switcher, Spark's tab bar, and live updates while the application runs.
 */
export default function AppShell() {
  const app = useAppRef();
  const application = useApplication(app.appId);
  return (
    <QueryView query={application} loadingLabel="Loading application…" errorTitle={`Application ${app.appId} not found`}>
      {(info) => <ResolvedShell app={app} info={info} />}
    </QueryView>
  );
}

function ResolvedShell({ app, info }: { app: AppRef; info: ApplicationInfo }) {
  const location = useLocation();
  const attempt =
    app.attemptId === undefined ? info.attempts.find((a) => a.attemptId === undefined) : info.attempts.find((a) => a.attemptId === app.attemptId);
  if (attempt === undefined) {
    const newest = info.attempts[0];
    // `-` on an application whose attempts all have ids: go to the newest attempt, keeping the tab the link
    // pointed at (the attempt-less form of a link, as Spark's /history/<app> redirects).
    if (app.attemptId === undefined && newest !== undefined) {
      const rest = location.pathname.split('/').slice(4).join('/');
      const target = `${appPaths.jobs({ appId: app.appId, attemptId: newest.attemptId }).replace(/\/jobs$/, '')}/${rest || 'jobs'}`;
      return <Navigate replace to={`${target}${location.search}`} />;
    }
    // A named attempt that does not exist is said so, not silently swapped for another one.
    return (
      <div role="alert" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200" data-testid="unknown-attempt">
        <p className="font-semibold">
          {info.name} ({app.appId}) has no attempt “{app.attemptId ?? '-'}”
        </p>
        <p className="mt-1">
          Its attempts:{' '}
          {info.attempts.map((a, i) => (
            <span key={a.attemptId ?? '-'}>
              {i > 0 && ', '}
              <Link className="link" to={appPaths.jobs({ appId: app.appId, attemptId: a.attemptId })}>
                {a.attemptId === undefined ? 'the attempt without id' : `attempt ${a.attemptId}`}
              </Link>
            </span>
          ))}
        </p>
      </div>
    );
  }
  return <Shell app={app} info={info} attempt={attempt} />;
}

/**
 * Whether an attempt Spark calls incomplete ended without its end event (its log is final: the driver died).
 * Spark's answer cannot tell; the console's listing row of the application can.
 */
function useEndedWithoutEndEvent(app: AppRef, incomplete: boolean): boolean {
  const listing = useConsoleApps({ search: app.appId, status: ['unknown'], limit: 5 }, incomplete);
  return incomplete && (listing.data?.items.some((i) => i.id === app.appId && i.attemptId === app.attemptId) ?? false);
}

function Shell({ app, info, attempt }: { app: AppRef; info: ApplicationInfo; attempt: ApplicationAttemptInfo }) {
  const ended = useEndedWithoutEndEvent(app, !attempt.completed);
  const running = !attempt.completed && !ended;
  const contentRef = useRef<HTMLDivElement>(null);
  const live = useAppChanges(app.appId, running);
  useApplicationTimeZone(app);
  const logAccess = useAppLogAccess(app.appId);
  const tabs = appTabs(app);
  const location = useLocation();
  const currentTab = tabs.find((t) => t.href !== undefined && location.pathname.startsWith(t.href));
  useDocumentTitle(`${info.name} - ${typeof currentTab?.label === 'string' ? currentTab.label : 'Spark'}`);
  const duration = running ? Date.now() - attempt.startTimeEpoch : attempt.duration;

  return (
    <div data-testid="app-shell">
      <header className="mb-2 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <p className="text-xs text-slate-500 dark:text-slate-400">
            <Link to="/apps" className="link">
              Applications
            </Link>{' '}
            / <span className="font-mono">{app.appId}</span>
          </p>
          <h1 className="truncate text-xl font-semibold" title={info.name} data-testid="app-name">
            {info.name}
          </h1>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-400" data-testid="app-meta">
            <span>
              Spark <span className="font-medium text-slate-800 dark:text-slate-200">{attempt.appSparkVersion || 'unknown'}</span>
            </span>
            <span>
              User <span className="font-medium text-slate-800 dark:text-slate-200">{attempt.sparkUser}</span>
            </span>
            <span>
              Started <span className="font-medium text-slate-800 dark:text-slate-200"><DateTime epochMs={attempt.startTimeEpoch} /></span>
            </span>
            <span>
              {ended ? (
                <span title="The log is final but has no application end event: the driver probably died. Spark's History Server lists it as incomplete.">
                  <StatusBadge status="unknown" /> ended without an end event
                </span>
              ) : running ? (
                <>
                  <StatusBadge status="running" /> for {formatDuration(duration)}
                </>
              ) : (
                <>
                  Duration <span className="font-medium text-slate-800 dark:text-slate-200">{formatDuration(duration)}</span>
                </>
              )}
            </span>
            {running && <LiveIndicator state={live} />}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <RunLinks app={app} />
          {info.attempts.length > 1 && <AttemptSwitcher app={app} info={info} />}
          {logAccess.canReadLogs === false ? (
            <button type="button" className="btn" disabled title={noLogsMessage(logAccess.role)} data-testid="event-log-download-disabled">
              Download event log
            </button>
          ) : (
            <>
              <a className="btn" href={apiClient.logsUrl(app)} download data-testid="event-log-download">
                Download event log
              </a>
              <a className="btn" href={apiClient.appLogsZipUrl(app.appId)} download data-testid="all-logs-download" title="Driver, executor and event logs in one zip">
                Download all logs
              </a>
            </>
          )}
        </div>
      </header>
      <FailureBanner app={app} attempt={attempt} />
      <div className="mb-2">
        <DiagnosticsSummary app={app} />
      </div>
      <Tabs items={tabs} label="Application views" />
      <SectionSkipLinks contentRef={contentRef} />
      <div className="pt-3" ref={contentRef}>
        {/* A tab that fails to load or render keeps the header and the tab bar usable. */}
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<LoadingState label="Loading page…" />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </div>
    </div>
  );
}

function AttemptSwitcher({ app, info }: { app: AppRef; info: ApplicationInfo }) {
  return (
    <nav aria-label="Attempts" className="flex items-center gap-1">
      <span className="text-slate-600 dark:text-slate-400">Attempt</span>
      {info.attempts.map((a) => {
        const current = a.attemptId === app.attemptId;
        return (
          <Link
            key={a.attemptId ?? '-'}
            to={appPaths.jobs({ appId: app.appId, attemptId: a.attemptId })}
            aria-current={current ? 'page' : undefined}
            className={current ? 'btn border-sky-500 font-semibold' : 'btn'}
          >
            {a.attemptId ?? '-'}
          </Link>
        );
      })}
    </nav>
  );
}

function LiveIndicator({ state }: { state: LiveState }) {
  const text = state === 'live' ? 'live updates on' : state === 'connecting' ? 'connecting…' : state === 'ended' ? 'application ended' : 'live updates off';
  return (
    <span className="inline-flex items-center gap-1 text-xs" data-testid="live-indicator" data-state={state}>
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${state === 'live' ? 'bg-emerald-500' : 'bg-slate-400'}`} />
      {text}
    </span>
  );
}
