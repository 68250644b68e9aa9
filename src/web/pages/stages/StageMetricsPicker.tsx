import { useEffect, useRef } from 'react';
import type { StageOptionalMetric } from './stageOptionalMetrics.js';

/*
 * Spark's stage-page "Show Additional Metrics" block: "(De)select All" and one checkbox (with its tooltip) per
 * optional column. As on the Executors page, the boxes are uncontrolled and keyed by their state: the choice
 * lives in the URL, which React Router updates in a transition.
 */
export function StageMetricsPicker({
  offered,
  shown,
  onChange,
}: {
  offered: readonly { id: StageOptionalMetric; label: string; title: string }[];
  shown: ReadonlySet<StageOptionalMetric>;
  onChange: (next: StageOptionalMetric[]) => void;
}) {
  const all = offered.every((m) => shown.has(m.id));
  const ref = useRef<HTMLDetailsElement>(null);
  const startOpen = useRef(shown.size > 0);
  // A link that chose metrics opens the block once; afterwards the user folds it as they like.
  useEffect(() => {
    if (startOpen.current && ref.current !== null) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className="mt-3 text-sm" data-testid="stage-additional-metrics">
      <summary className="link cursor-pointer select-none">Show Additional Metrics</summary>
      <fieldset className="mt-1 flex flex-col gap-1 rounded border border-slate-200 p-2 dark:border-slate-700">
        <legend className="sr-only">Additional metrics</legend>
        <label className="flex items-center gap-1.5">
          <input key={`all-${all}`} type="checkbox" defaultChecked={all} data-metric="all" onChange={() => onChange(all ? [] : offered.map((m) => m.id))} />
          <em>(De)select All</em>
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
