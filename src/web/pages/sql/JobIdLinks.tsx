import { Link } from 'react-router';
import type { AppRef } from '../../../api/index.js';
import { appPaths } from '../../lib/appPaths.js';

/** Job ids as Spark prints them in the SQL tables: "[0] [1] [2]", each a link to the job. */
export function JobIdLinks({ app, ids }: { app: AppRef; ids: readonly number[] }) {
  if (ids.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-x-1.5" data-testid="job-links">
      {[...ids]
        .sort((a, b) => a - b)
        .map((id) => (
          <Link key={id} to={appPaths.job(app, id)} className="link tabular-nums">
            [{id}]
          </Link>
        ))}
    </span>
  );
}
