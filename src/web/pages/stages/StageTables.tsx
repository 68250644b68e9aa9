import type { AppRef, StageData } from '../../../api/index.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { StageTable } from './StageTable.js';
import { stageGroup, type StageGroup } from './stageTiming.js';

export const STAGE_GROUP_TITLES: Record<StageGroup, string> = {
  active: 'Active Stages',
  pending: 'Pending Stages',
  completed: 'Completed Stages',
  skipped: 'Skipped Stages',
  failed: 'Failed Stages',
};

const ORDER: StageGroup[] = ['active', 'pending', 'completed', 'skipped', 'failed'];

export function groupStages(stages: readonly StageData[]): Record<StageGroup, StageData[]> {
  const out: Record<StageGroup, StageData[]> = { active: [], pending: [], completed: [], skipped: [], failed: [] };
  for (const s of stages) out[stageGroup(s)].push(s);
  return out;
}

/** One collapsible table per stage status, each only when it has stages (as Spark does). */
export function StageTables({
  app,
  stages,
  now,
  urlPrefix = '',
  highlighted,
  showPool = false,
}: {
  app: AppRef;
  stages: readonly StageData[];
  now: number;
  urlPrefix?: string;
  highlighted?: string | undefined;
  showPool?: boolean;
}) {
  const groups = groupStages(stages);
  return (
    <>
      {ORDER.filter((g) => groups[g].length > 0).map((g) => (
        <CollapsibleSection key={g} id={g} title={`${STAGE_GROUP_TITLES[g]} (${groups[g].length})`} storageKey={`${urlPrefix}${g}Stages`}>
          <StageTable
            app={app}
            stages={groups[g]}
            urlKey={`${urlPrefix}${g}Stage`}
            label={STAGE_GROUP_TITLES[g]}
            now={now}
            showFailureReason={g === 'failed'}
            showPool={showPool}
            highlighted={highlighted}
          />
        </CollapsibleSection>
      ))}
    </>
  );
}
