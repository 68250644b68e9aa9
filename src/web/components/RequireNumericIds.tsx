import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';

/**
 * Guards a detail route whose ids Spark numbers (job, stage, stage attempt, RDD, SQL execution): a URL such as
 * `/stages/abc/0` says plainly that there is no such thing, instead of asking the server for "NaN" or
 * drawing a page titled "Stage NaN".
 */
export function RequireNumericIds({ names, what, backTo, backLabel, children }: { names: string[]; what: string; backTo: string; backLabel: string; children: ReactNode }) {
  const params = useParams();
  const bad = names.map((n) => params[n] ?? '').find((v) => !/^\d{1,10}$/.test(v));
  if (bad === undefined) return children;
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200" data-testid="bad-id">
      <p className="font-semibold">
        No {what} “{bad}”
      </p>
      <p className="mt-1">
        {what[0]!.toUpperCase() + what.slice(1)} ids are whole numbers.{' '}
        <Link to={backTo} className="link">
          {backLabel}
        </Link>
      </p>
    </div>
  );
}
