import { ADDITIONAL_METRICS, type AdditionalMetric } from './additionalMetrics.js';

/** Spark's "Show Additional Metrics" block: a Select All box and one checkbox per optional column. */
export function AdditionalMetricsPicker({
  shown,
  onChange,
}: {
  shown: ReadonlySet<AdditionalMetric>;
  onChange: (next: AdditionalMetric[]) => void;
}) {
  const all = ADDITIONAL_METRICS.every((m) => shown.has(m.id));
  return (
    <details className="mb-2 text-sm" data-testid="additional-metrics" open={shown.size > 0 ? true : undefined}>
      <summary className="link cursor-pointer select-none">Show Additional Metrics</summary>
      <fieldset className="mt-1 flex flex-wrap gap-x-4 gap-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
        <legend className="sr-only">Additional metrics</legend>
        <label className="flex items-center gap-1.5 font-medium">
          <input type="checkbox" checked={all} onChange={() => onChange(all ? [] : ADDITIONAL_METRICS.map((m) => m.id))} />
          Select All
        </label>
        {ADDITIONAL_METRICS.map((m) => (
          <label key={m.id} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              data-metric={m.id}
              checked={shown.has(m.id)}
              onChange={() => onChange(shown.has(m.id) ? [...shown].filter((s) => s !== m.id) : [...shown, m.id])}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
