import { useEffect, useState } from 'react';
import { APP_LIST_STATUSES } from '../../../api/index.js';
import { useConsoleFacets } from '../../api/consoleQueries.js';
import { FacetFilter } from '../../components/FacetFilter.js';
import { useDebouncedValue } from '../../lib/useDebouncedValue.js';
import { useSetUrlParams, useUrlParam, useUrlParamList } from '../../lib/urlState.js';

/** Every filter resets the page, so a narrower result never opens on an empty page 7. */
const RESET_PAGE = { reset: ['page'] } as const;

/** Search box, status/user/version/project facets and the start-time range; all state in the URL. */
export function AppsFilters({ fixedProject }: { fixedProject?: string } = {}) {
  const facets = useConsoleFacets();
  const [status, setStatus] = useUrlParamList('status');
  const [users, setUsers] = useUrlParamList('user');
  const [versions, setVersions] = useUrlParamList('version');
  const [projects, setProjects] = useUrlParamList('project');
  const [from, setFrom] = useUrlParam('from');
  const [to, setTo] = useUrlParam('to');
  const [search, setSearch] = useUrlParam('q');
  const setParams = useSetUrlParams();

  // The box reacts per keystroke; the URL (and the request) follows once typing pauses.
  const [draft, setDraft] = useState(search);
  const settled = useDebouncedValue(draft, 300);
  useEffect(() => {
    if (settled !== search) setSearch(settled, { replace: true, reset: ['page'] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  useEffect(() => setDraft(search), [search]);

  const anyFilter = status.length + users.length + versions.length + projects.length > 0 || from !== '' || to !== '' || search !== '';

  return (
    <div className="mb-3 flex flex-wrap items-start gap-2" role="search" aria-label="Filter applications">
      <input
        type="search"
        className="input w-72"
        placeholder="Search id, name, user or project"
        aria-label="Search applications"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        data-testid="apps-search"
      />
      <FacetFilter label="Status" options={APP_LIST_STATUSES} selected={status} onChange={(v) => setStatus(v, RESET_PAGE)} testId="filter-status" />
      <FacetFilter label="User" options={facets.data?.users ?? []} selected={users} onChange={(v) => setUsers(v, RESET_PAGE)} testId="filter-user" />
      <FacetFilter
        label="Version"
        options={facets.data?.versions ?? []}
        selected={versions}
        onChange={(v) => setVersions(v, RESET_PAGE)}
        testId="filter-version"
      />
      {fixedProject === undefined && (facets.data?.projects.length ?? 0) > 0 && (
        <FacetFilter
          label="Project"
          options={facets.data?.projects ?? []}
          selected={projects}
          onChange={(v) => setProjects(v, RESET_PAGE)}
          testId="filter-project"
        />
      )}
      <label className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
        Started from
        <input type="date" className="input" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value, RESET_PAGE)} aria-label="Started from" />
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
        to
        <input type="date" className="input" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value, RESET_PAGE)} aria-label="Started to" />
      </label>
      {anyFilter && (
        <button
          type="button"
          className="link text-sm"
          onClick={() => {
            setDraft('');
            setParams({ status: undefined, user: undefined, version: undefined, project: undefined, from: undefined, to: undefined, q: undefined }, RESET_PAGE);
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
