import { useMemo } from 'react';
import { useAppAttempt } from '../../api/applicationQueries.js';
import { useEnvironment } from '../../api/environmentQueries.js';
import { useStages } from '../../api/stageQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryView } from '../../components/QueryView.js';
import { SummaryList } from '../../components/SummaryList.js';
import { groupStages, STAGE_GROUP_TITLES, StageTables } from './StageTables.js';
import type { StageGroup } from './stageTiming.js';

/** Spark's "Stages for All Jobs" page (§2.4): counts per status and one table per status. */
export default function StagesPage() {
  const app = useAppRef();
  const stages = useStages(app);
  const { attempt } = useAppAttempt(app);
  const environment = useEnvironment(app);
  const now = useMemo(() => Date.now(), [stages.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const fair = environment.data?.sparkProperties.some(([k, v]) => k === 'spark.scheduler.mode' && v === 'FAIR') ?? false;

  return (
    <div data-testid="stages-page">
      <h2 className="mb-2 text-lg font-semibold">Stages for All Jobs</h2>
      <QueryView query={stages} loadingLabel="Loading stages…">
        {(list) => {
          const groups = groupStages(list);
          const order: StageGroup[] = ['active', 'pending', 'completed', 'skipped', 'failed'];
          return (
            <>
              <SummaryList
                testId="stages-summary"
                items={order.map((g) => ({
                  label: (
                    <a href={`#${g}`} className="link">
                      {STAGE_GROUP_TITLES[g]}:
                    </a>
                  ),
                  value: groups[g].length,
                  hidden: groups[g].length === 0,
                }))}
              />
              {list.length === 0 ? (
                <div className="mt-4">
                  {attempt?.completed === true ? (
                    <EmptyState title="No stages">This application ended without submitting any stage.</EmptyState>
                  ) : (
                    <EmptyState title="No stages yet">No stage of this application has been submitted so far.</EmptyState>
                  )}
                </div>
              ) : (
                <StageTables app={app} stages={list} now={now} showPool={fair} />
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
