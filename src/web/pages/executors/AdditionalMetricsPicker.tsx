import { useEffect, useRef } from 'react';
import { ADDITIONAL_METRICS, type AdditionalMetric } from './additionalMetrics.js';

/*
 * Spark's "Show Additional Metrics" block: a Select All box and one checkbox per optional column.
 * The boxes are uncontrolled (keyed by their state): the choice lives in the URL, which React Router updates in
 * a transition, and a controlled checkbox reverted while that transition is pending was seen to leave the
 * navigation uncommitted until the next click.
 */
export function AdditionalMetricsPicker({
  shown,
  onChange,
}: {
  shown: ReadonlySet<AdditionalMetric>;
  onChange: (next: AdditionalMetric[]) => void;
}) {
  const all = ADDITIONAL_METRICS.every((m) => shown.has(m.id));
  const ref = useRef<HTMLDetailsElement>(null);
  const startOpen = useRef(shown.size > 0);
  // A link that chose metrics opens the block once; afterwards the user folds it as they like.
  useEffect(() => {
    if (startOpen.current && ref.current !== null) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className="mb-2 text-sm" data-testid="additional-metrics">
      <summary className="link cursor-pointer select-none">Show Additional Metrics</summary>
      <fieldset className="mt-1 flex flex-wrap gap-x-4 gap-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
        <legend className="sr-only">Additional metrics</legend>
        <label className="flex items-center gap-1.5 font-medium">
          <input
            key={`all-${all}`}
            type="checkbox"
            defaultChecked={all}
            onChange={() => onChange(all ? [] : ADDITIONAL_METRICS.map((m) => m.id))}
          />
          Select All
        </label>
        {ADDITIONAL_METRICS.map((m) => (
          <label key={m.id} className="flex items-center gap-1.5">
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
