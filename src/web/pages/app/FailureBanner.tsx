import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { consoleKeys, type ApplicationAttemptInfo, type AppRef, type DiagnosticFinding } from '../../../api/index.js';
import { apiClient } from '../../api/apiClient.js';
import { useAppLogAccess } from '../../api/appAccess.js';
import { useConsoleApps } from '../../api/consoleQueries.js';
import { useDiagnostics } from '../../api/diagnosticsQueries.js';
import { useJobs } from '../../api/jobQueries.js';
import { findLogFile, useAppLogs } from '../../api/logQueries.js';
import { appPaths } from '../../lib/appPaths.js';
import { errorHeadline } from '../../lib/errorSummary.js';
import { findingLinkHref } from '../diagnostics/findingLinks.js';
import { driverFinalStatus } from './driverFinalStatus.js';

/** The search the access check already runs for this application, so both share one cached answer. */
const listingFor = (appId: string) => ({ search: appId, limit: 20 });

/**
 * Why a failed application failed, at the top of every one of its pages: the first failed job, the stage and
 * task error the diagnostics name as the cause, and the driver's final status and exit code, each linking to
 * where it was read. It reuses the answers the pages already fetch (listing, jobs, diagnostics) and, for the
 * driver, the tail of its log when the caller may read logs.
 */
export function FailureBanner({ app, attempt }: { app: AppRef; attempt: ApplicationAttemptInfo }) {
  const listing = useConsoleApps(listingFor(app.appId), attempt.completed);
  const row = listing.data?.items.find((i) => i.id === app.appId && i.attemptId === app.attemptId);
  const failed = attempt.completed && row?.status === 'failed';
  const jobs = useJobs(app);
  const diagnostics = useDiagnostics(app);
  const logAccess = useAppLogAccess(app.appId);
  const logs = useAppLogs(app.appId, { enabled: failed && logAccess.canReadLogs !== false });
  const driverLog = findLogFile(logs.data?.files, 'driver', 'driver.log');
  const driverTail = useQuery({
    queryKey: [...consoleKeys.appLogs(app.appId), 'driver-tail'],
    queryFn: ({ signal }) => apiClient.appLogChunk(app.appId, 'driver', 'driver.log', {}, { signal }),
    enabled: failed && driverLog !== undefined,
    staleTime: Infinity,
  });
  if (!failed) return null;

  const failedJob = jobs.data?.filter((j) => j.status === 'FAILED').sort((a, b) => a.jobId - b.jobId)[0];
  const cause: DiagnosticFinding | undefined = diagnostics.data?.findings.find((f) => f.severity === 'critical');
  const stageLink = cause?.links.find((l) => l.kind === 'stage');
  const taskLink = cause?.links.find((l) => l.kind === 'task');
  const firstError = cause?.details?.[0]?.['error'];
  const final = driverTail.data === undefined ? undefined : driverFinalStatus(driverTail.data.text);
  const exitCode = final?.exitCode ?? attempt.exitCode;
  const driverLogHref = driverLog === undefined ? undefined : `${appPaths.log(app, 'driver', 'driver.log')}?q=${encodeURIComponent(final?.line ?? 'exitCode')}`;

  const items: { key: string; label: string; text: string; href: string | undefined }[] = [];
  if (failedJob !== undefined) items.push({ key: 'job', label: 'Failed job', text: `Job ${failedJob.jobId}: ${failedJob.name}`, href: appPaths.job(app, failedJob.jobId) });
  if (stageLink !== undefined && cause !== undefined) items.push({ key: 'stage', label: 'Failed stage', text: `${stageLink.label}: ${cause.title}`, href: findingLinkHref(app, cause, stageLink) });
  if (taskLink !== undefined && cause !== undefined) {
    const error = typeof firstError === 'string' ? errorHeadline(firstError) : undefined;
    items.push({ key: 'task', label: 'First task error', text: error === undefined ? taskLink.label : `${taskLink.label}: ${error}`, href: findingLinkHref(app, cause, taskLink) });
  }
  if (final !== undefined || exitCode !== undefined) {
    const status = final === undefined ? 'ended' : `final status ${final.status}`;
    const text = `${status}${exitCode === undefined ? '' : `, exit code ${exitCode}`}${final?.reason === undefined ? '' : ` (${errorHeadline(final.reason)})`}`;
    items.push({ key: 'driver', label: 'Driver', text, href: driverLogHref });
  }
  if (items.length === 0 && failedJob === undefined && cause === undefined && (jobs.isPending || diagnostics.isPending)) return null;

  return (
    <section
      aria-labelledby="failure-banner-title"
      className="mb-2 rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100"
      data-testid="failure-banner"
    >
      <h2 id="failure-banner-title" className="font-semibold">
        This application failed
      </h2>
      {items.length === 0 ? (
        <p className="mt-1">No failed job or task was recorded; the log may end before the failure.</p>
      ) : (
        <ul className="mt-1 space-y-0.5">
          {items.map((i) => (
            <li key={i.key} data-testid={`failure-${i.key}`} className="min-w-0 break-words">
              <span className="font-medium">{i.label}:</span>{' '}
              {i.href === undefined ? (
                i.text
              ) : (
                <Link to={i.href} className="link">
                  {i.text}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
