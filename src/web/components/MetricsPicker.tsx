import { useEffect, useRef } from 'react';
import { cx } from '../lib/classNames.js';

export interface PickableMetric<Id extends string> {
  id: Id;
  label: string;
  /** Spark's tooltip for the box, where it has one. */
  title?: string;
}

/**
 * Spark's "Show Additional Metrics" block (stage and executors pages): a select-all box and one checkbox per
 * optional column. The boxes are uncontrolled and keyed by their state: the choice lives in the URL, which
 * React Router updates in a transition, and a controlled checkbox reverted while that transition was pending
 * was seen to leave the navigation uncommitted until the next click.
 */
export function MetricsPicker<Id extends string>({
  offered,
  shown,
  onChange,
  allLabel,
  layout,
  className,
  testId,
}: {
  offered: readonly PickableMetric<Id>[];
  shown: ReadonlySet<Id>;
  onChange: (next: Id[]) => void;
  /** Spark's wording differs per page: "(De)select All" on the stage page, "Select All" on the executors page. */
  allLabel: string;
  layout: 'column' | 'row';
  className?: string;
  testId: string;
}) {
  const all = offered.every((m) => shown.has(m.id));
  const ref = useRef<HTMLDetailsElement>(null);
  const startOpen = useRef(shown.size > 0);
  // A link that chose metrics opens the block once; afterwards the user folds it as they like.
  useEffect(() => {
    if (startOpen.current && ref.current !== null) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className={cx('text-sm', className)} data-testid={testId}>
      <summary className="link cursor-pointer select-none">Show Additional Metrics</summary>
      <fieldset
        className={cx(
          'mt-1 flex rounded border border-slate-200 p-2 dark:border-slate-700',
          layout === 'column' ? 'flex-col gap-1' : 'flex-wrap gap-x-4 gap-y-1',
        )}
      >
        <legend className="sr-only">Additional metrics</legend>
        <label className="flex items-center gap-1.5 font-medium">
          <input key={`all-${all}`} type="checkbox" defaultChecked={all} data-metric="all" onChange={() => onChange(all ? [] : offered.map((m) => m.id))} />
          {allLabel}
        </label>
        {offered.map((m) => (
          <label key={m.id} className="flex w-fit items-center gap-1.5" title={m.title}>
            <input
              key={`${m.id}-${shown.has(m.id)}`}
              type="checkbox"
              data-metric={m.id}
              defaultChecked={shown.has(m.id)}
              onChange={() => onChange(shown.has(m.id) ? [...shown].filter((s) => s !== m.id) : [...shown, m.id])}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
