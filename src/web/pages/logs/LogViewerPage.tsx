import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError, LOG_TYPES, type AppRef, type LogType } from '../../../api/index.js';
import { useAppAttempt } from '../../api/applicationQueries.js';
import { apiClient } from '../../api/apiClient.js';
import { useAppLogAccess } from '../../api/appAccess.js';
import { useAppLogs } from '../../api/logQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NoLogAccess } from '../../components/NoLogAccess.js';
import { LoadingState } from '../../components/LoadingState.js';
import { NotFound } from '../../components/NotFound.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { appPaths, logTypeFromSegment } from '../../lib/appPaths.js';
import { cx } from '../../lib/classNames.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { recutSegments } from '../../lib/logTimestamps.js';
import { useUrlParam } from '../../lib/urlState.js';
import { useDebouncedValue } from '../../lib/useDebouncedValue.js';
import { findMatches, highlightSegments, splitLines } from './logSearch.js';
import { useLogTimestamps, type LogTimestamps } from './useLogTimestamps.js';
import { useFollow, useLogBuffer, type LogText } from './useLogBuffer.js';

const ROW_HEIGHT = 18;

/** log4j's level in Spark's default layout (`yy/MM/dd HH:mm:ss LEVEL …`), to tint ERROR and WARN lines. */
const LEVEL = /^\S+ \S+ (ERROR|WARN)\b/;
const LEVEL_CLASS: Record<string, string> = { ERROR: 'text-rose-700 dark:text-rose-300', WARN: 'text-amber-700 dark:text-amber-300' };

/**
 * One driver or executor log (Spark's log page, for historical logs): opens at the tail, "Load older" reads
 * the previous 100 KiB, "Load newer" (or following, for a running application) appends what was written
 * since. Lines are virtualised, so a few MB of text scroll smoothly. Search highlights matches in the loaded
 * text (`?q=`), wrapping is a toggle (`?wrap=1`), and the whole file can be downloaded.
 */
export default function LogViewerPage() {
  const app = useAppRef();
  const params = useParams();
  const executorId = params.executorId ?? '';
  const logType = logTypeFromSegment(params.logType);
  if (logType === undefined || executorId === '') return <NotFound what="This log" />;
  return <LogViewer key={`${executorId}/${logType}`} app={app} executorId={executorId} logType={logType} />;
}

function processName(executorId: string): string {
  return executorId === 'driver' ? 'Driver' : `Executor ${executorId}`;
}

function LogViewer({ app, executorId, logType }: { app: AppRef; executorId: string; logType: LogType }) {
  const { attempt } = useAppAttempt(app);
  const running = attempt !== undefined && !attempt.completed;
  const files = useAppLogs(app.appId, { running });
  const file = files.data?.files.find((f) => f.executorId === executorId && f.logType === logType);
  const siblings = (files.data?.files ?? []).filter((f) => f.executorId === executorId).sort((a, b) => LOG_TYPES.indexOf(a.logType) - LOG_TYPES.indexOf(b.logType));
  const buffer = useLogBuffer(app.appId, executorId, logType);
  const access = useAppLogAccess(app.appId);
  const [followParam, setFollowParam] = useUrlParam('follow');
  const follow = running && followParam !== 'off';
  useFollow(follow && buffer.data !== undefined, buffer.loadNewer);
  const downloadUrl = apiClient.appLogDownloadUrl(app.appId, executorId, logType);
  const timestamps = useLogTimestamps(app, executorId);
  const title = `${processName(executorId)} ${logType}`;

  return (
    <div data-testid="log-viewer">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <div>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            <Link to={appPaths.logs(app)} className="link">
              Logs
            </Link>{' '}
            / {processName(executorId)}
          </p>
          <h2 className="text-lg font-semibold" data-testid="log-title">
            {title}
          </h2>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {siblings.length > 1 && (
            <nav aria-label={`Logs of ${processName(executorId)}`} className="flex items-center gap-1">
              {siblings.map((f) => (
                <Link
                  key={f.logType}
                  to={appPaths.log(app, f.executorId, f.logType)}
                  className={f.logType === logType ? 'btn border-sky-500 font-semibold' : 'btn'}
                  aria-current={f.logType === logType ? 'page' : undefined}
                >
                  {f.logType}
                </Link>
              ))}
            </nav>
          )}
          {executorId !== 'driver' && (
            <Link to={appPaths.executors(app, executorId)} className="btn">
              Executor
            </Link>
          )}
          {access.canReadLogs !== false && (
            <a className="btn" href={downloadUrl} download data-testid="log-download">
              Download{file !== undefined ? ` (${formatBytes(file.size)})` : ''}
            </a>
          )}
        </div>
      </div>
      {buffer.data === undefined ? (
        buffer.error !== undefined ? (
          <LogError error={buffer.error} app={app} title={title} role={access.role} />
        ) : (
          <LoadingState label={`Loading ${title}…`} />
        )
      ) : (
        <LoadedLog
          data={buffer.data}
          change={buffer.change}
          lastModified={file?.lastModified}
          timestamps={timestamps}
          running={running}
          follow={follow}
          onFollowChange={(on) => setFollowParam(on ? '' : 'off', { replace: true })}
          loadingOlder={buffer.loadingOlder}
          loadingNewer={buffer.loadingNewer}
          actionError={buffer.actionError}
          onLoadOlder={() => void buffer.loadOlder()}
          onLoadNewer={() => void buffer.loadNewer()}
        />
      )}
    </div>
  );
}

function LogError({ error, app, title, role }: { error: unknown; app: AppRef; title: string; role: string | null }) {
  if (isApiError(error) && error.status === 403) return <NoLogAccess role={role} />;
  if (isApiError(error) && error.status === 404) {
    return (
      <EmptyState title={`The console has no ${title} for this application`}>
        <p>
          {error.body || 'Not found.'}{' '}
          <Link to={appPaths.logs(app)} className="link">
            See the logs it has
          </Link>
          .
        </p>
      </EmptyState>
    );
  }
  return <ErrorState error={error} title={`Could not load ${title}`} />;
}

function LoadedLog({
  data,
  change,
  lastModified,
  timestamps,
  running,
  follow,
  onFollowChange,
  loadingOlder,
  loadingNewer,
  actionError,
  onLoadOlder,
  onLoadNewer,
}: {
  data: LogText;
  change: { kind: string; seq: number };
  lastModified: number | undefined;
  timestamps: LogTimestamps;
  running: boolean;
  follow: boolean;
  onFollowChange: (on: boolean) => void;
  loadingOlder: boolean;
  loadingNewer: boolean;
  actionError: unknown;
  onLoadOlder: () => void;
  onLoadNewer: () => void;
}) {
  const lines = useMemo(() => splitLines(data.text), [data.text]);
  const [query, setQuery] = useUrlParam('q');
  const [wrapParam, setWrapParam] = useUrlParam('wrap');
  const wrap = wrapParam === '1';
  const [typed, setTyped] = useState(query);
  const term = useDebouncedValue(typed, 200);
  useEffect(() => {
    if (term !== query) setQuery(term, { replace: true });
  }, [term]); // eslint-disable-line react-hooks/exhaustive-deps
  const { matches, truncated } = useMemo(() => findMatches(lines, term), [lines, term]);
  const [current, setCurrent] = useState(0);
  const active = matches.length === 0 ? undefined : matches[Math.min(current, matches.length - 1)];

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });
  const atBottom = useRef(true);
  const previousLines = useRef(lines.length);

  // Keep the reader's place: the tail on open, the same line after "Load older", the end while following.
  useLayoutEffect(() => {
    const before = previousLines.current;
    previousLines.current = lines.length;
    if (lines.length === 0) return;
    if (change.kind === 'initial' || change.kind === 'reset') virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
    else if (change.kind === 'older') virtualizer.scrollToIndex(Math.max(0, lines.length - before), { align: 'start' });
    else if (change.kind === 'newer' && atBottom.current) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [change.seq]); // eslint-disable-line react-hooks/exhaustive-deps

  // A new search starts at the first match from the top of the view (like a browser's find) and shows it.
  useEffect(() => {
    if (matches.length === 0) return setCurrent(0);
    const top = virtualizer.getVirtualItems().find((v) => v.end > (scrollRef.current?.scrollTop ?? 0))?.index ?? 0;
    const k = Math.max(0, matches.findIndex((m) => m.line >= top));
    setCurrent(k);
    virtualizer.scrollToIndex(matches[k]!.line, { align: 'center' });
  }, [term]); // eslint-disable-line react-hooks/exhaustive-deps
  // Wrapped rows were measured taller; unwrapped rows are one line again.
  useEffect(() => virtualizer.measure(), [wrap]); // eslint-disable-line react-hooks/exhaustive-deps
  function goTo(k: number) {
    if (matches.length === 0) return;
    const next = (k + matches.length) % matches.length;
    setCurrent(next);
    virtualizer.scrollToIndex(matches[next]!.line, { align: 'center' });
  }
  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    goTo(current + (e.shiftKey ? -1 : 1));
  }

  const atTop = data.start === 0;
  const atEnd = data.end >= data.size;
  const items = virtualizer.getVirtualItems();

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <button type="button" className="btn" onClick={onLoadOlder} disabled={atTop || loadingOlder} data-testid="log-load-older">
          {loadingOlder ? 'Loading…' : atTop ? 'Top of log' : 'Load older'}
        </button>
        <span className="text-slate-600 dark:text-slate-400" data-testid="log-range">
          Showing {formatBytes(data.end - data.start)}: bytes {data.start.toLocaleString('en-US')} – {data.end.toLocaleString('en-US')} of {data.size.toLocaleString('en-US')}
          {lastModified !== undefined && <> · last modified <DateTime epochMs={lastModified} /></>}
        </span>
        <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="log-time-zone">
          {timestamps.note}
        </span>
        <span className="ml-auto flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1">
            <span className="sr-only">Search the loaded log</span>
            <input
              type="search"
              className="input w-56"
              placeholder="Search loaded text"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={onSearchKey}
              data-testid="log-search"
            />
          </label>
          {term !== '' && (
            <span className="flex items-center gap-1 tabular-nums" data-testid="log-match-count" aria-live="polite">
              {matches.length === 0 ? 'no matches' : `${Math.min(current, matches.length - 1) + 1} / ${matches.length}${truncated ? '+' : ''}`}
              <button type="button" className="btn" onClick={() => goTo(current - 1)} disabled={matches.length === 0} aria-label="Previous match">
                ↑
              </button>
              <button type="button" className="btn" onClick={() => goTo(current + 1)} disabled={matches.length === 0} aria-label="Next match">
                ↓
              </button>
            </span>
          )}
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={wrap} onChange={(e) => setWrapParam(e.target.checked ? '1' : '', { replace: true })} data-testid="log-wrap" />
            Wrap lines
          </label>
        </span>
      </div>
      {actionError !== undefined && <ErrorState error={actionError} title="Could not load more of the log" />}
      {lines.length === 0 ? (
        <EmptyState title={data.size === 0 ? 'This log is empty' : 'Nothing to show in the loaded range'}>{running ? 'New lines appear here while the application runs.' : undefined}</EmptyState>
      ) : (
        <div
          ref={scrollRef}
          tabIndex={0}
          role="log"
          aria-label="Log text"
          onScroll={(e) => {
            const el = e.currentTarget;
            atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 2;
          }}
          className="h-[70vh] overflow-auto rounded border border-slate-200 bg-slate-50 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          data-testid="log-text"
          data-wrap={wrap}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: '100%' }}>
            {items.map((item) => {
              const line = lines[item.index]!;
              const level = LEVEL.exec(line)?.[1];
              // The timestamp in the reader's zone; the converted line is as long as the written one.
              const shown = timestamps.show(line);
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={wrap ? virtualizer.measureElement : undefined}
                  className={cx('absolute left-0 px-2', wrap ? 'right-0 whitespace-pre-wrap break-words' : 'whitespace-pre', level !== undefined && LEVEL_CLASS[level])}
                  style={{ transform: `translateY(${item.start}px)`, minHeight: ROW_HEIGHT, lineHeight: `${ROW_HEIGHT}px` }}
                  data-log-line=""
                  data-level={level}
                  title={shown.title}
                >
                  {term === ''
                    ? shown.text || ' '
                    : recutSegments(highlightSegments(line, term), shown.text).map((seg, k) =>
                        seg.match === undefined ? (
                          <span key={k}>{seg.text}</span>
                        ) : (
                          <mark
                            key={k}
                            className={active?.line === item.index && active.occurrence === seg.match ? 'bg-orange-400 text-black' : 'bg-yellow-200 text-black'}
                            data-current={active?.line === item.index && active.occurrence === seg.match ? 'true' : undefined}
                          >
                            {seg.text}
                          </mark>
                        ),
                      )}
                </div>
              );
            })}
          </div>
        </div>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <button type="button" className="btn" onClick={onLoadNewer} disabled={loadingNewer} data-testid="log-load-newer">
          {loadingNewer ? 'Loading…' : 'Load newer'}
        </button>
        {running && (
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={follow} onChange={(e) => onFollowChange(e.target.checked)} data-testid="log-follow" />
            Follow (the application is running)
          </label>
        )}
        <span className="text-slate-600 dark:text-slate-400" data-testid="log-end-state">
          {atEnd ? 'End of log' : `${formatBytes(data.size - data.end)} more after the loaded text`}
        </span>
      </div>
    </div>
  );
}
