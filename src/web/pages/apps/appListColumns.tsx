import { createColumnHelper } from '@tanstack/react-table';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { AppListItem } from '../../../api/index.js';
import { apiClient } from '../../api/apiClient.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatDuration } from '../../lib/formatDuration.js';

const col = createColumnHelper<AppListItem>();

export function appHref(item: AppListItem): string {
  return appPaths.jobs({ appId: item.id, attemptId: item.attemptId });
}

/** Whether the caller may download a row's event log: false hides the link (a viewer), undefined shows it. */
export type EventLogAccess = (item: AppListItem) => boolean | undefined;

const dash = <span className="text-slate-400">—</span>;

/**
 * Spark's history-page columns, one row per attempt (Version, App ID, App Name, Attempt ID, Started, Completed,
 * Duration, Spark User, Last Updated, Event Log) plus the console's Status and Project. Every data column sorts
 * on the server: its id is the sort key.
 */
export function appListColumns(canDownload: EventLogAccess) {
  return [
    col.accessor('sparkVersion', { header: 'Version' }),
    col.accessor('id', {
      header: 'App ID',
      cell: (c) => (
        <span className="inline-flex items-center gap-1">
          <Link to={appHref(c.row.original)} className="link font-mono text-xs">
            {/* YARN ids may wrap after their underscores when the window is narrow. */}
            {c
              .getValue()
              .split(/(?<=_)/)
              .map((part, i) => (
                <Fragment key={i}>
                  {i > 0 && <wbr />}
                  {part}
                </Fragment>
              ))}
          </Link>
          {c.row.original.error !== undefined && (
            <span className="text-amber-600" title={`Log could not be fully read: ${c.row.original.error}`} aria-label="log read error">
              ⚠
            </span>
          )}
        </span>
      ),
    }),
    col.accessor('name', { header: 'App Name', cell: (c) => <span className="break-words">{c.getValue()}</span> }),
    // Sorting this column groups applications by how many attempts they took.
    col.accessor('attempts', {
      header: 'Attempt ID',
      meta: { align: 'right', headerTitle: 'The attempt of this row; sorting orders by the number of attempts' },
      cell: (c) => (c.row.original.attemptId === undefined ? dash : <span title={`attempt ${c.row.original.attemptId} of ${c.getValue()}`}>{c.row.original.attemptId}</span>),
    }),
    col.accessor('status', {
      header: 'Status',
      cell: (c) =>
        c.getValue() === 'unknown' ? (
          <span title="Ended without an application end event (the driver probably died): not running, outcome unknown. Duration up to its last event.">
            <StatusBadge status="unknown" />
          </span>
        ) : (
          <StatusBadge status={c.getValue()} />
        ),
    }),
    // Dates may wrap between day, time and zone, so Spark's twelve columns fit a 1280 px window.
    col.accessor('startTime', { header: 'Started', cell: (c) => <DateTime epochMs={c.getValue()} /> }),
    col.accessor('endTime', {
      header: 'Completed',
      cell: (c) => {
        const end = c.getValue();
        return end === null ? dash : <DateTime epochMs={end} />;
      },
    }),
    col.accessor('duration', {
      header: 'Duration',
      meta: { align: 'right' },
      cell: (c) => {
        const item = c.row.original;
        if (item.status === 'running') return <span title="still running">{formatDuration(c.getValue())}…</span>;
        return item.endTime === null ? dash : formatDuration(c.getValue());
      },
    }),
    col.accessor('sparkUser', { header: 'Spark User' }),
    col.accessor('lastUpdated', { header: 'Last Updated', cell: (c) => <DateTime epochMs={c.getValue()} /> }),
    col.accessor('project', { header: 'Project', cell: (c) => c.getValue() || dash }),
    col.display({
      id: 'eventLog',
      header: 'Event Log',
      cell: (c) => {
        const item = c.row.original;
        if (item.attempts === 0 || canDownload(item) === false) return dash;
        return (
          <a className="link" href={apiClient.logsUrl({ appId: item.id, attemptId: item.attemptId })} download data-testid="row-event-log">
            Download
          </a>
        );
      },
    }),
  ];
}
