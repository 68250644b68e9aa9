import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { ApplicationAttemptInfo, ApplicationInfo, AppRef } from '../../../api/index.js';
import { useApplication } from '../../api/applicationQueries.js';
import { apiClient } from '../../api/apiClient.js';
import { noLogsMessage, useAppLogAccess } from '../../api/appAccess.js';
import { useAppChanges, type LiveState } from '../../api/useAppChanges.js';
import { useAppRef } from '../../api/useAppRef.js';
import { QueryView } from '../../components/QueryView.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { Tabs } from '../../components/Tabs.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatDate } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { appTabs } from './appTabs.js';

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
    // `-` for an application whose attempts all have ids (or a stale attempt id): go to the newest attempt,
    // keeping the tab the link pointed at.
    if (newest !== undefined && newest.attemptId !== app.attemptId) {
      const rest = location.pathname.split('/').slice(4).join('/');
      const target = `${appPaths.jobs({ appId: app.appId, attemptId: newest.attemptId }).replace(/\/jobs$/, '')}/${rest || 'jobs'}`;
      return <Navigate replace to={`${target}${location.search}`} />;
    }
    return <p role="alert">Attempt {app.attemptId} of {app.appId} not found.</p>;
  }
  return <Shell app={app} info={info} attempt={attempt} />;
}

function Shell({ app, info, attempt }: { app: AppRef; info: ApplicationInfo; attempt: ApplicationAttemptInfo }) {
  const running = !attempt.completed;
  const live = useAppChanges(app.appId, running);
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
              Started <span className="font-medium text-slate-800 dark:text-slate-200">{formatDate(attempt.startTimeEpoch)}</span>
            </span>
            <span>
              {running ? (
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
      <Tabs items={tabs} label="Application views" />
      <div className="pt-3">
        <Outlet />
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
