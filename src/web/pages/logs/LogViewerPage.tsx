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
import { charIndexAtByte, clientPattern, highlightLine, lineAt, lineByteStarts, PROBLEM_LINE_PATTERN } from './logOffsets.js';
import { lineLevels, linesAtLevel, LOG_LEVELS, ownLevel, parseStructuredLine, shortLogger, type LogLevel, type StructuredLine } from './logLevels.js';
import { splitLines } from './logSearch.js';
import { useLogTimestamps, type LogTimestamps } from './useLogTimestamps.js';
import { useFollow, useLogBuffer, type LogText } from './useLogBuffer.js';
import { useLogSearch, type SearchSpec } from './useLogSearch.js';

const ROW_HEIGHT = 18;

/** Tints of ERROR and WARN lines (and the lines that continue them, such as stack traces). */
const LEVEL_CLASS: Record<string, string> = {
  FATAL: 'text-rose-700 dark:text-rose-300',
  ERROR: 'text-rose-700 dark:text-rose-300',
  WARN: 'text-amber-700 dark:text-amber-300',
};
const LEVEL_FILTERS: { value: LogLevel | ''; label: string }[] = [
  { value: '', label: 'All levels' },
  { value: 'INFO', label: 'INFO and above' },
  { value: 'WARN', label: 'WARN and above' },
  { value: 'ERROR', label: 'ERROR and above' },
];

/**
 * One driver or executor log (Spark's log page, for historical logs): opens at the tail, "Load older" reads
 * the previous 100 KiB, "Load newer" (or following, for a running application) appends what was written
 * since. Lines are virtualised, so a few MB of text scroll smoothly. Search runs over the whole file on the
 * server (`?q=`, `&re=1` regex, `&case=1`): "match i of N", and next/previous load the chunk around the
 * match. A line's link (`?at=<byte>`) opens the log around that byte; "next/previous problem" walks ERROR and
 * WARN lines with the same search. Wrapping is a toggle (`?wrap=1`); the whole file can be downloaded.
 */
export default function LogViewerPage() {
  const app = useAppRef();
  const params = useParams();
  const executorId = params.executorId ?? '';
  const logType = logTypeFromSegment(params.logType);
  if (logType === undefined || executorId === '') return <NotFound what="This log" />;
  return <LogViewer key={`${executorId}/${logType}`} app={app} executorId={executorId} logType={logType} />;
}

/** A byte offset from the URL (`?at=`), or undefined when absent or not a non-negative integer. */
function parseOffset(text: string): number | undefined {
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
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
  const [atParam, setAtParam] = useUrlParam('at');
  const at = parseOffset(atParam);
  const buffer = useLogBuffer(app.appId, executorId, logType, at);
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
          {/* Only a log of the app's log list can be downloaded: for any other the server answers 404. */}
          {access.canReadLogs !== false && file !== undefined && (
            <a className="btn" href={downloadUrl} download data-testid="log-download">
              Download ({formatBytes(file.size)})
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
          app={app}
          executorId={executorId}
          logType={logType}
          at={at}
          onAtChange={(offset) => setAtParam(offset === undefined ? '' : String(offset), { replace: true })}
          loadAround={buffer.loadAround}
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

const PROBLEMS: SearchSpec = { q: PROBLEM_LINE_PATTERN, regex: true, matchCase: true };

function LoadedLog({
  app,
  executorId,
  logType,
  at,
  onAtChange,
  loadAround,
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
  app: AppRef;
  executorId: string;
  logType: LogType;
  /** The deep-linked byte (`?at=`): its line is marked and scrolled to. */
  at: number | undefined;
  onAtChange: (offset: number | undefined) => void;
  loadAround: (offset: number) => Promise<void>;
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
  const starts = useMemo(() => lineByteStarts(data.text, data.start), [data.text, data.start]);
  const [query, setQuery] = useUrlParam('q');
  const [regexParam, setRegexParam] = useUrlParam('re');
  const [caseParam, setCaseParam] = useUrlParam('case');
  const [wrapParam, setWrapParam] = useUrlParam('wrap');
  const [levelParam, setLevelParam] = useUrlParam('level');
  const [rawParam, setRawParam] = useUrlParam('raw');
  const minLevel = (LOG_LEVELS as readonly string[]).includes(levelParam) ? (levelParam as LogLevel) : undefined;
  const levels = useMemo(() => lineLevels(lines), [lines]);
  // With a level filter, rows are a subset of the lines: row → line index, and back.
  const rows = useMemo(() => linesAtLevel(levels, minLevel), [levels, minLevel]);
  const lineOf = (row: number) => (rows === undefined ? row : rows[row]!);
  const rowOf = (line: number) => (rows === undefined ? line : Math.min(rows.length - 1, lowerBound(rows, line)));
  // Judged on the first two lines: a window opened at the tail starts with the rest of a cut line.
  const structured = rawParam !== '1' && lines.slice(0, 2).some((l) => parseStructuredLine(l) !== undefined);
  const wrap = wrapParam === '1';
  const regex = regexParam === '1';
  const matchCase = caseParam === '1';
  const [typed, setTyped] = useState(query);
  const term = useDebouncedValue(typed, 300);
  useEffect(() => {
    if (term !== query) setQuery(term, { replace: true });
  }, [term]); // eslint-disable-line react-hooks/exhaustive-deps
  const search = useLogSearch(app.appId, executorId, logType);
  const problems = useLogSearch(app.appId, executorId, logType);
  const highlight = useMemo(() => clientPattern(term, regex, matchCase), [term, regex, matchCase]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows?.length ?? lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });
  const atBottom = useRef(true);
  const previousLines = useRef(lines.length);
  const targetLine = at === undefined || at < data.start || at > data.end ? -1 : lineAt(starts, at);

  // Keep the reader's place: the tail (or the linked line) on open, the same line after "Load older", the
  // end while following, the match after a jump.
  useLayoutEffect(() => {
    const before = previousLines.current;
    previousLines.current = lines.length;
    if (lines.length === 0) return;
    const last = (rows?.length ?? lines.length) - 1;
    if (last < 0) return;
    if ((change.kind === 'initial' || change.kind === 'jump') && targetLine >= 0) virtualizer.scrollToIndex(rowOf(targetLine), { align: 'center' });
    else if (change.kind === 'initial' || change.kind === 'reset') virtualizer.scrollToIndex(last, { align: 'end' });
    else if (change.kind === 'older') virtualizer.scrollToIndex(rowOf(Math.max(0, lines.length - before)), { align: 'start' });
    else if (change.kind === 'newer' && atBottom.current) virtualizer.scrollToIndex(last, { align: 'end' });
  }, [change.seq]); // eslint-disable-line react-hooks/exhaustive-deps
  // A new target inside the loaded text (no load needed) is scrolled to as well.
  useEffect(() => {
    if (targetLine >= 0 && rows?.length !== 0) virtualizer.scrollToIndex(rowOf(targetLine), { align: 'center' });
  }, [at, minLevel]); // eslint-disable-line react-hooks/exhaustive-deps
  // Wrapped rows were measured taller; unwrapped rows are one line again.
  useEffect(() => virtualizer.measure(), [wrap]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Byte offset of the first line on screen: where a new search starts, like a browser's find. */
  function viewTop(): number {
    const top = virtualizer.getVirtualItems().find((v) => v.end > (scrollRef.current?.scrollTop ?? 0))?.index ?? 0;
    return starts[lineOf(top)] ?? data.start;
  }
  async function jump(find: Promise<{ offset: number; lineOffset: number } | undefined>) {
    const m = await find;
    if (m === undefined) return;
    onAtChange(m.lineOffset);
    await loadAround(m.offset);
  }

  const spec: SearchSpec = { q: term, regex, matchCase };
  // A new search starts at the first match from the linked line (or the top of the view) and jumps there.
  useEffect(() => {
    if (term === '') return search.clear();
    void jump(search.ask(spec, at ?? viewTop(), 'forward'));
  }, [term, regex, matchCase]); // eslint-disable-line react-hooks/exhaustive-deps
  function step(direction: 'forward' | 'backward') {
    const current = search.current;
    const from = current === undefined ? viewTop() : direction === 'forward' ? current.offset + 1 : current.offset;
    void jump(search.ask(spec, from, direction));
  }
  function stepProblem(direction: 'forward' | 'backward') {
    // From the marked line (or the top of the view): the next problem starts after it, the previous before it.
    const line = targetLine >= 0 ? targetLine : lineAt(starts, viewTop());
    const from = direction === 'forward' ? (starts[line + 1] ?? data.end) : (starts[line] ?? data.start);
    void jump(problems.ask(PROBLEMS, from, direction));
  }
  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    step(e.shiftKey ? 'backward' : 'forward');
  }

  // The current match, as a character range of its line when that line is loaded.
  const current = search.current !== undefined && search.spec?.q === term ? search.current : undefined;
  const currentLine = current === undefined || current.offset < data.start || current.offset >= data.end ? -1 : lineAt(starts, current.offset);
  const currentRange = (() => {
    if (currentLine < 0 || current === undefined) return undefined;
    const line = lines[currentLine]!;
    const from = charIndexAtByte(line, current.offset - starts[currentLine]!);
    const to = charIndexAtByte(line, current.offset + current.length - starts[currentLine]!);
    return [from, to] as const;
  })();

  const atTop = data.start === 0;
  const atEnd = data.end >= data.size;
  const items = virtualizer.getVirtualItems();
  const searchError = search.error ?? problems.error;

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
          <span className="flex items-center gap-1">
            <button type="button" className="btn" onClick={() => stepProblem('backward')} data-testid="log-prev-problem" title="Previous ERROR or WARN line">
              ↑ Problem
            </button>
            <button type="button" className="btn" onClick={() => stepProblem('forward')} data-testid="log-next-problem" title="Next ERROR or WARN line">
              ↓ Problem
            </button>
            {problems.spec !== undefined && !problems.searching && (
              <span className="tabular-nums text-slate-600 dark:text-slate-400" data-testid="log-problem-count">
                {problems.total === 0 ? 'no ERROR/WARN lines' : `${problems.index === null ? '?' : problems.index + 1} of ${problems.total} ERROR/WARN`}
              </span>
            )}
          </span>
          <label className="flex items-center gap-1">
            <span className="sr-only">Search the whole log</span>
            <input
              type="search"
              className="input w-56"
              placeholder="Search the whole file"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={onSearchKey}
              data-testid="log-search"
            />
          </label>
          <label className="flex items-center gap-1" title="Regular expression">
            <input type="checkbox" checked={regex} onChange={(e) => setRegexParam(e.target.checked ? '1' : '', { replace: true })} data-testid="log-search-regex" />
            .*
          </label>
          <label className="flex items-center gap-1" title="Match case">
            <input type="checkbox" checked={matchCase} onChange={(e) => setCaseParam(e.target.checked ? '1' : '', { replace: true })} data-testid="log-search-case" />
            Aa
          </label>
          {term !== '' && (
            <span className="flex items-center gap-1 tabular-nums" data-testid="log-match-count" aria-live="polite">
              {search.searching && search.current === undefined
                ? 'searching…'
                : search.total === 0
                  ? search.error === undefined ? 'no matches' : 'search failed'
                  : `match ${search.index === null ? '?' : search.index + 1} of ${search.total}${search.totalExact ? '' : '+'}`}
              <button type="button" className="btn" onClick={() => step('backward')} disabled={search.total === 0} aria-label="Previous match" data-testid="log-prev-match">
                ↑
              </button>
              <button type="button" className="btn" onClick={() => step('forward')} disabled={search.total === 0} aria-label="Next match" data-testid="log-next-match">
                ↓
              </button>
            </span>
          )}
          <label className="flex items-center gap-1">
            <span className="sr-only">Level</span>
            <select className="input" value={minLevel ?? ''} onChange={(e) => setLevelParam(e.target.value, { replace: true })} data-testid="log-level-filter">
              {LEVEL_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {(structured || rawParam === '1') && (
            <label className="flex items-center gap-1" title="Show Spark's structured JSON lines as they are on disk">
              <input type="checkbox" checked={rawParam === '1'} onChange={(e) => setRawParam(e.target.checked ? '1' : '', { replace: true })} data-testid="log-raw-json" />
              Raw JSON
            </label>
          )}
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={wrap} onChange={(e) => setWrapParam(e.target.checked ? '1' : '', { replace: true })} data-testid="log-wrap" />
            Wrap lines
          </label>
        </span>
      </div>
      {data.binary === true && (
        <p className="mb-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200" data-testid="log-binary">
          This part of the file holds binary data (NUL bytes): it is not a text log, and is shown as text as well as it can be.
        </p>
      )}
      {searchError !== undefined && <ErrorState error={searchError} title="Search failed" />}
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
              const index = lineOf(item.index);
              const line = lines[index]!;
              const level = levels[index];
              const offset = starts[index]!;
              const isTarget = index === targetLine;
              const json = structured ? parseStructuredLine(line) : undefined;
              // The timestamp in the reader's zone; the converted line is as long as the written one.
              const shown = timestamps.show(line);
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={wrap ? virtualizer.measureElement : undefined}
                  className={cx(
                    'group absolute left-0 flex pr-2',
                    wrap ? 'right-0 whitespace-pre-wrap break-words' : 'whitespace-pre',
                    level !== undefined && LEVEL_CLASS[level],
                    isTarget && 'bg-sky-100 dark:bg-sky-900/60',
                  )}
                  style={{ transform: `translateY(${item.start}px)`, minHeight: ROW_HEIGHT, lineHeight: `${ROW_HEIGHT}px` }}
                  data-log-line=""
                  data-level={ownLevel(line) ?? level}
                  data-offset={offset}
                  data-target={isTarget ? 'true' : undefined}
                  title={shown.title}
                >
                  <a
                    href={`?at=${offset}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onAtChange(offset);
                    }}
                    // The mark is drawn by CSS, so a line's text is the log's text alone (copying, tests).
                    className="w-5 shrink-0 select-none text-center text-slate-400 opacity-0 before:content-['#'] group-hover:opacity-100 focus:opacity-100"
                    title={`Link to this line (byte ${offset.toLocaleString('en-US')})`}
                    aria-label={`Link to the line at byte ${offset}`}
                    data-testid="log-line-link"
                  />
                  {json !== undefined && !(index === currentLine && currentRange !== undefined) ? (
                    <StructuredRow line={json} wrap={wrap} highlight={highlight} current={index === currentLine} />
                  ) : (
                    <span className="min-w-0">
                      {recutSegments(highlightLine(line, highlight, index === currentLine ? currentRange : undefined), shown.text).map((seg, k) =>
                        seg.kind === undefined ? (
                          <span key={k}>{seg.text || (line === '' ? ' ' : '')}</span>
                        ) : (
                          <mark key={k} className={seg.kind === 'current' ? 'bg-orange-400 text-black' : 'bg-yellow-200 text-black'} data-current={seg.kind === 'current' ? 'true' : undefined}>
                            {seg.text}
                          </mark>
                        ),
                      )}
                    </span>
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

/** First index of sorted `values` holding a value ≥ `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A line of Spark 4's structured JSON log as time, level, logger, message and exception (its stack when wrapped). */
function StructuredRow({ line, wrap, highlight, current }: { line: StructuredLine; wrap: boolean; highlight: RegExp | undefined; current: boolean }) {
  const marked = (text: string) =>
    highlightLine(text, highlight).map((seg, k) =>
      seg.kind === undefined ? (
        <span key={k}>{seg.text}</span>
      ) : (
        <mark key={k} className={current ? 'bg-orange-400 text-black' : 'bg-yellow-200 text-black'} data-current={current ? 'true' : undefined}>
          {seg.text}
        </mark>
      ),
    );
  const ex = line.exception;
  return (
    <span className="min-w-0" data-structured="">
      <span className="text-slate-500" data-field="ts">
        {line.ts}
      </span>{' '}
      <span className="font-semibold" data-field="level">
        {line.level.padEnd(5)}
      </span>{' '}
      <span className="text-sky-800 dark:text-sky-300" data-field="logger" title={line.logger}>
        {shortLogger(line.logger)}
      </span>
      {': '}
      <span data-field="msg">{marked(line.msg)}</span>
      {ex !== undefined && (ex.class !== undefined || ex.msg !== undefined) && (
        <span data-field="exception">
          {' — '}
          {marked(`${ex.class ?? ''}${ex.msg !== undefined ? `: ${ex.msg}` : ''}`)}
          {wrap && ex.stacktrace !== undefined && <span className="block text-slate-600 dark:text-slate-400">{ex.stacktrace}</span>}
        </span>
      )}
    </span>
  );
}
