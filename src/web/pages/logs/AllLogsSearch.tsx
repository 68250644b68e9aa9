import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { AppLogSearchDone, AppLogSearchFile, AppRef } from '../../../api/index.js';
import { apiClient } from '../../api/apiClient.js';
import { ErrorState } from '../../components/ErrorState.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { useSetUrlParams, useUrlParam } from '../../lib/urlState.js';

/**
 * "Which executor logged OutOfMemoryError?": one search over every log of the application. The server
 * streams each log's count and first matches as it goes; logs with matches are listed as they arrive, each
 * first match linking into the viewer at its line with the same search. The search lives in the URL.
 */
export function AllLogsSearch({ app }: { app: AppRef }) {
  const [q] = useUrlParam('grep');
  const [regexParam] = useUrlParam('grepRe');
  const [caseParam] = useUrlParam('grepCase');
  const setParams = useSetUrlParams();
  const [typed, setTyped] = useState(q);
  const [typedRegex, setTypedRegex] = useState(regexParam === '1');
  const [typedCase, setTypedCase] = useState(caseParam === '1');
  const [files, setFiles] = useState<AppLogSearchFile[]>([]);
  const [searched, setSearched] = useState(0);
  const [done, setDone] = useState<AppLogSearchDone | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef<AbortController | undefined>(undefined);
  const regex = regexParam === '1';
  const matchCase = caseParam === '1';

  useEffect(() => {
    running.current?.abort();
    setFiles([]);
    setSearched(0);
    setDone(undefined);
    setError(undefined);
    if (q === '') return;
    const controller = new AbortController();
    running.current = controller;
    apiClient
      .appLogsSearch(
        app.appId,
        { q, regex, matchCase, perFile: 3 },
        (file) => {
          setSearched((n) => n + 1);
          if (file.total > 0 || file.error !== undefined) setFiles((list) => [...list, file]);
        },
        { signal: controller.signal },
      )
      .then(setDone, (err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, [app.appId, q, regex, matchCase]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // One navigation for the three: separate ones would each start from the same old URL.
    setParams({ grep: typed.trim(), grepRe: typedRegex ? '1' : '', grepCase: typedCase ? '1' : '' });
  }

  const viewerSearch = (at: number) => `?q=${encodeURIComponent(q)}${regex ? '&re=1' : ''}${matchCase ? '&case=1' : ''}&at=${at}`;

  return (
    <section className="mb-4 rounded border border-slate-200 p-3 dark:border-slate-700" data-testid="all-logs-search" aria-label="Search all logs">
      <form className="flex flex-wrap items-center gap-2 text-sm" onSubmit={onSubmit}>
        <label className="flex items-center gap-1">
          <span className="font-medium">Search all logs</span>
          <input
            type="search"
            className="input w-72"
            placeholder="e.g. OutOfMemoryError"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="all-logs-search-input"
          />
        </label>
        <label className="flex items-center gap-1" title="Regular expression">
          <input type="checkbox" checked={typedRegex} onChange={(e) => setTypedRegex(e.target.checked)} />
          .*
        </label>
        <label className="flex items-center gap-1" title="Match case">
          <input type="checkbox" checked={typedCase} onChange={(e) => setTypedCase(e.target.checked)} />
          Aa
        </label>
        <button type="submit" className="btn" data-testid="all-logs-search-submit">
          Search
        </button>
        {q !== '' && (
          <span className="text-slate-600 dark:text-slate-400" data-testid="all-logs-search-status" aria-live="polite">
            {done === undefined
              ? error === undefined ? `searching… ${searched} logs so far` : 'search failed'
              : `${done.totalMatches.toLocaleString('en-US')} matches in ${done.filesWithMatches} of ${done.files} logs`}
          </span>
        )}
      </form>
      {error !== undefined && <ErrorState error={error} title="Search failed" />}
      {files.length > 0 && (
        <table className="mt-2 w-full text-sm" data-testid="all-logs-search-results">
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-400">
              <th className="py-1 pr-3 font-medium">Log</th>
              <th className="py-1 pr-3 text-right font-medium">Matches</th>
              <th className="py-1 font-medium">First matches</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={`${f.executorId}/${f.logType}`} className="border-t border-slate-100 align-top dark:border-slate-800" data-log={`${f.executorId}/${f.logType}`}>
                <td className="whitespace-nowrap py-1 pr-3">
                  <Link to={appPaths.log(app, f.executorId, f.logType) + (f.matches[0] ? viewerSearch(f.matches[0].lineOffset) : '')} className="link font-mono">
                    {f.executorId === 'driver' ? 'driver' : `executor ${f.executorId}`} {f.logType}
                  </Link>{' '}
                  <span className="text-xs text-slate-500">{formatBytes(f.size)}</span>
                </td>
                <td className="py-1 pr-3 text-right tabular-nums" data-testid="all-logs-search-count">
                  {f.error === undefined ? `${f.total.toLocaleString('en-US')}${f.totalExact ? '' : '+'}` : '—'}
                </td>
                <td className="py-1 font-mono text-xs">
                  {f.error !== undefined && <span className="text-rose-700 dark:text-rose-300">{f.error}</span>}
                  {f.matches.map((m) => (
                    <Link key={m.offset} to={appPaths.log(app, f.executorId, f.logType) + viewerSearch(m.lineOffset)} className="block truncate hover:underline" title={`byte ${m.offset}`}>
                      {m.preview.slice(0, m.previewStart)}
                      <mark className="bg-yellow-200 text-black">{m.preview.slice(m.previewStart, m.previewEnd)}</mark>
                      {m.preview.slice(m.previewEnd)}
                    </Link>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
