import { Link } from 'react-router';
import type { AppRef, JobData, StageData } from '../../../api/index.js';
import { SummaryList } from '../../components/SummaryList.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatDuration } from '../../lib/formatDuration.js';

const LOCALITY_LABELS: Record<string, string> = {
  PROCESS_LOCAL: 'Process local',
  NODE_LOCAL: 'Node local',
  RACK_LOCAL: 'Rack local',
  NO_PREF: 'No pref',
  ANY: 'Any',
};

/** "Node local: 3; Process local: 5" from the stage's task count per locality level, in Spark's wording. */
export function localitySummaryText(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${LOCALITY_LABELS[k] ?? k}: ${n}`)
    .sort()
    .join('; ');
}

/** The stage page's summary block (§2.5 1): times, locality, I/O and spill only when non-zero, job links. */
export function StageSummary({
  app,
  stage,
  locality,
  jobs,
}: {
  app: AppRef;
  stage: StageData;
  /** Task count per locality level (from the stage graph); undefined while it loads. */
  locality: Readonly<Record<string, number>> | undefined;
  jobs: readonly JobData[] | undefined;
}) {
  const sizeRecords = (bytes: number, records: number) => `${formatBytes(bytes)} / ${records}`;
  const jobIds = (jobs ?? []).filter((j) => j.stageIds.includes(stage.stageId)).map((j) => j.jobId).sort((a, b) => a - b);
  return (
    <SummaryList
      testId="stage-summary"
      items={[
        { label: 'Status:', value: stage.status.toLowerCase() },
        { label: 'Resource Profile Id:', value: stage.resourceProfileId },
        { label: 'Total Time Across All Tasks:', value: formatDuration(stage.executorRunTime) },
        { label: 'Locality Level Summary:', value: locality === undefined ? '…' : localitySummaryText(locality) || '—' },
        { label: 'Input Size / Records:', value: sizeRecords(stage.inputBytes, stage.inputRecords), hidden: stage.inputBytes <= 0 && stage.inputRecords <= 0 },
        { label: 'Output Size / Records:', value: sizeRecords(stage.outputBytes, stage.outputRecords), hidden: stage.outputBytes <= 0 && stage.outputRecords <= 0 },
        {
          label: 'Shuffle Read Size / Records:',
          value: sizeRecords(stage.shuffleReadBytes, stage.shuffleReadRecords),
          hidden: stage.shuffleReadBytes <= 0 && stage.shuffleReadRecords <= 0,
        },
        {
          label: 'Shuffle Write Size / Records:',
          value: sizeRecords(stage.shuffleWriteBytes, stage.shuffleWriteRecords),
          hidden: stage.shuffleWriteBytes <= 0 && stage.shuffleWriteRecords <= 0,
        },
        { label: 'Spill (Memory):', value: formatBytes(stage.memoryBytesSpilled), hidden: stage.memoryBytesSpilled <= 0 },
        { label: 'Spill (Disk):', value: formatBytes(stage.diskBytesSpilled), hidden: stage.diskBytesSpilled <= 0 },
        {
          label: 'Associated Job Ids:',
          value: (
            <span className="flex flex-wrap gap-2">
              {jobIds.map((id) => (
                <Link key={id} to={appPaths.job(app, id)} className="link">
                  {id}
                </Link>
              ))}
            </span>
          ),
          hidden: jobIds.length === 0,
        },
      ]}
    />
  );
}
