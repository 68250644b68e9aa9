import { useCallback, useMemo } from 'react';
import { useUrlParamList } from '../../lib/urlState.js';

/**
 * The optional columns behind Spark's "Show Additional Metrics" checkboxes, hidden by default. The choice
 * lives in the URL (`?metrics=peakJvm&metrics=resources`) so a shared link shows the same columns.
 */
export const ADDITIONAL_METRICS = [
  { id: 'onHeap', label: 'On Heap Memory' },
  { id: 'offHeap', label: 'Off Heap Memory' },
  { id: 'peakJvm', label: 'Peak JVM Memory OnHeap / OffHeap' },
  { id: 'peakExecution', label: 'Peak Execution Memory OnHeap / OffHeap' },
  { id: 'peakStorage', label: 'Peak Storage Memory OnHeap / OffHeap' },
  { id: 'peakPool', label: 'Peak Pool Memory Direct / Mapped' },
  { id: 'resources', label: 'Resources' },
  { id: 'resourceProfileId', label: 'Resource Profile Id' },
  { id: 'lossReason', label: 'Exec Loss Reason' },
] as const;

export type AdditionalMetric = (typeof ADDITIONAL_METRICS)[number]['id'];

const KNOWN = new Set<string>(ADDITIONAL_METRICS.map((m) => m.id));

export const METRICS_PARAM = 'metrics';

export function useAdditionalMetrics(): [ReadonlySet<AdditionalMetric>, (next: readonly AdditionalMetric[]) => void] {
  const [raw, setRaw] = useUrlParamList(METRICS_PARAM);
  const key = raw.join('&');
  // One Set per distinct choice, so tables can memoise their columns on it.
  const shown = useMemo(() => new Set(key.split('&').filter((m): m is AdditionalMetric => KNOWN.has(m))), [key]);
  // Written in the fixed option order so equal choices give equal URLs.
  const set = useCallback(
    (next: readonly AdditionalMetric[]) => setRaw(ADDITIONAL_METRICS.map((m) => m.id).filter((id) => next.includes(id)), { replace: true }),
    [setRaw],
  );
  return [shown, set];
}
