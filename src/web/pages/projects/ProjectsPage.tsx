import { Link } from 'react-router';
import type { ProjectSummary } from '../../../api/index.js';
import { useProjects } from '../../api/accessQueries.js';
import { useCurrentSession } from '../../api/sessionContext.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryView } from '../../components/QueryView.js';
import { projectAppsPath, projectPath } from '../../lib/appPaths.js';
import { formatCuHours } from '../../lib/formatCuHours.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { JobCountsLine, LatestFailure, MemberStack, ProjectFacts, RoleBadge, UsageTrend } from './projectParts.js';

/**
 * `/`: the console's landing page. One card per project the user can see: what it is, who owns it, the
 * user's role, what ran (24 h / 7 d by status), the latest failure, compute used (CU-hours, 14-day trend)
 * and its members.
 */
export default function ProjectsPage() {
  useDocumentTitle('Spark Console - Projects');
  const projects = useProjects();
  const session = useCurrentSession();
  return (
    <div data-testid="projects-page">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Projects</h1>
        <Link to="/apps" className="link text-sm">
          All applications →
        </Link>
      </div>
      <QueryView query={projects} loadingLabel="Loading projects…">
        {(list) =>
          list.projects.length === 0 ? (
            <EmptyState title="No projects">
              {session?.user.admin === true
                ? 'No project is declared in the console configuration and no event logs were found yet.'
                : 'You are not a member of any project yet. Ask a project owner or admin to add you.'}
            </EmptyState>
          ) : (
            <ul className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3" aria-label="Projects">
              {list.projects.map((p) => (
                <ProjectCard key={p.name} project={p} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </div>
  );
}

function ProjectCard({ project: p }: { project: ProjectSummary }) {
  return (
    <li
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="project-card"
      data-project={p.name}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold">
            <Link to={projectPath(p.name)} className="link">
              {p.name}
            </Link>
          </h2>
          <p className="mt-0.5 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{p.description || <span className="italic">No description</span>}</p>
        </div>
        <RoleBadge project={p} />
      </div>
      <ProjectFacts project={p} />
      <div className="grid grid-cols-2 gap-3 border-t border-slate-100 pt-3 dark:border-slate-800">
        <JobCountsLine project={p.name} counts={p.last24h} label="Last 24 hours" testId="counts-24h" />
        <JobCountsLine project={p.name} counts={p.last7d} label="Last 7 days" testId="counts-7d" />
      </div>
      <div className="min-w-0">
        <div className="text-xs text-slate-500 dark:text-slate-400">Latest failure</div>
        <LatestFailure failure={p.latestFailure} />
      </div>
      <div className="flex items-end gap-4 border-t border-slate-100 pt-3 dark:border-slate-800">
        <div className="shrink-0">
          <div className="text-xs text-slate-500 dark:text-slate-400">Compute, 7 days</div>
          <div className="text-lg font-semibold tabular-nums" data-testid="cu-hours-7d">
            {formatCuHours(p.cuHours7d)}
          </div>
        </div>
        <div className="min-w-0 flex-1" title="CU-hours per day, last 14 days">
          <UsageTrend project={p} />
        </div>
      </div>
      <div className="mt-auto flex items-center justify-between gap-2 border-t border-slate-100 pt-3 dark:border-slate-800">
        <MemberStack members={p.members} />
        <span className="flex gap-3 text-sm">
          <Link to={projectAppsPath(p.name)} className="link">
            {p.applications} {p.applications === 1 ? 'application' : 'applications'}
          </Link>
          <Link to={projectPath(p.name)} className="link" aria-label={`Open project ${p.name}`}>
            Open →
          </Link>
        </span>
      </div>
    </li>
  );
}
