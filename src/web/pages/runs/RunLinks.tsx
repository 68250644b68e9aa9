import { Link } from 'react-router';
import type { AppRef } from '../../../api/index.js';
import { useAppRuns } from '../../api/runQueries.js';
import { appPaths } from '../../lib/appPaths.js';

/**
 * Links from an application to its job's other runs: "Runs of this job" and "Compare with previous run".
 * Shown only when the job ran more than once (the answer reads only the newest run's store).
 */
export function RunLinks({ app }: { app: AppRef }) {
  const runs = useAppRuns(app.appId, { limit: 1 });
  const total = runs.data?.total ?? 0;
  if (total < 2) return null;
  return (
    <nav aria-label="Runs of this job" className="flex items-center gap-2" data-testid="run-links">
      <Link className="btn" to={appPaths.runs(app)} data-testid="runs-link">
        Runs of this job ({total})
      </Link>
      <Link className="btn" to={appPaths.compare(app)} data-testid="compare-previous-link">
        Compare with previous run
      </Link>
    </nav>
  );
}
