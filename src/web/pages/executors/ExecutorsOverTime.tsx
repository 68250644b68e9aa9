import { lazy, Suspense, useMemo } from 'react';
import type { ExecutorSummary } from '../../../api/index.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LoadingState } from '../../components/LoadingState.js';
import { executorCountSeries, peakCount } from './executorTimeline.js';

// recharts is only needed here; loading it lazily keeps it out of the initial bundle.
const ExecutorCountChart = lazy(() => import('../../components/charts/ExecutorCountChart.js'));
const CHART_HEIGHT = 180;

/** "Executors over time": alive executors across the run, to see dynamic allocation and executor loss. */
export function ExecutorsOverTime({ executors, start, end }: { executors: readonly ExecutorSummary[]; start: number; end: number }) {
  const points = useMemo(() => executorCountSeries(executors, start, end), [executors, start, end]);
  const peak = peakCount(points);
  const workers = executors.filter((e) => e.id !== 'driver').length;
  return (
    <CollapsibleSection
      title="Executors over time"
      id="executors-over-time"
      storageKey="executors-over-time"
      actions={
        workers > 0 ? (
          <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="executor-peak">
            peak {peak} alive · {workers} started · driver not counted
          </span>
        ) : undefined
      }
    >
      {workers === 0 ? (
        <EmptyState title="No executors besides the driver">The application ran in local mode or never got an executor.</EmptyState>
      ) : (
        // The fallback takes the chart's height so nothing below moves when recharts arrives (a deep-linked
        // executor row further down stays where it was scrolled to).
        <Suspense
          fallback={
            <div style={{ height: CHART_HEIGHT }}>
              <LoadingState label="Loading chart…" />
            </div>
          }
        >
          <ExecutorCountChart points={points} start={start} end={end} height={CHART_HEIGHT} />
        </Suspense>
      )}
    </CollapsibleSection>
  );
}
