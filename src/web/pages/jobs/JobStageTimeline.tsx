import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { AppRef, ExecutorSummary, StageData } from '../../../api/index.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import type { TimelineRange } from '../../components/timeline/eventTimelineLayout.js';
import { EventTimeline, TimelineLegend } from '../../components/timeline/EventTimeline.js';
import { POINT_COLORS, RANGE_COLORS, type RangeState } from '../../components/timeline/sparkTimelineColors.js';
import { appPaths } from '../../lib/appPaths.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';
import { ExecutorTooltip } from './ExecutorTooltip.js';
import { executorTimelinePoints, type ExecutorPoint } from './executorTimelinePoints.js';

interface StageRange extends TimelineRange {
  stage: StageData;
}

function stageState(stage: StageData): RangeState {
  return stage.status === 'FAILED' ? 'failed' : stage.status === 'ACTIVE' ? 'running' : 'succeeded';
}

/** The job page's event timeline (§2.11 B): its stages from submission to completion, plus executor events. */
export function JobStageTimeline({ app, stages, executors, now }: { app: AppRef; stages: readonly StageData[]; executors: readonly ExecutorSummary[]; now: number }) {
  const navigate = useNavigate();
  const ranges = useMemo(() => {
    const out: StageRange[] = [];
    for (const s of stages) {
      const start = epochMillisFromSparkDate(s.submissionTime);
      if (start === undefined) continue;
      out.push({
        key: `${s.stageId}.${s.attemptId}`,
        start,
        end: epochMillisFromSparkDate(s.completionTime) ?? now,
        state: stageState(s),
        label: `${s.name} (Stage ${s.stageId}.${s.attemptId})`,
        stage: s,
      });
    }
    return out;
  }, [stages, now]);
  const { points } = useMemo(() => executorTimelinePoints(executors), [executors]);
  return (
    <EventTimeline<StageRange, ExecutorPoint>
      ranges={ranges}
      points={points}
      rangeGroupLabel="Stages"
      label={`Event timeline of ${ranges.length} stages`}
      testId="job-timeline"
      onActivateRange={(r) => void navigate(appPaths.stage(app, r.stage.stageId, r.stage.attemptId))}
      rangeTooltip={(r) => (
        <div className="space-y-0.5">
          <p className="font-semibold">{r.label}</p>
          <p>Status: {r.stage.status}</p>
          <p>Submitted: <DateTime epochMs={r.start} /></p>
          {r.stage.completionTime !== undefined && <p>Completed: <DateTime epochMs={epochMillisFromSparkDate(r.stage.completionTime)} /></p>}
        </div>
      )}
      pointTooltip={(p) => <ExecutorTooltip point={p} />}
      legend={
        <TimelineLegend
          items={[
            { label: 'Executor added', ...POINT_COLORS.added, shape: 'diamond' },
            { label: 'Executor removed', ...POINT_COLORS.removed, shape: 'diamond' },
            { label: 'Completed', ...RANGE_COLORS.succeeded },
            { label: 'Failed', ...RANGE_COLORS.failed },
            { label: 'Active', ...RANGE_COLORS.running },
          ]}
        />
      }
    />
  );
}
