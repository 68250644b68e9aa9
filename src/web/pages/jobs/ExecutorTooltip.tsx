import { DateTime } from '../../components/timeZone/DateTime.js';
import type { ExecutorPoint } from './executorTimelinePoints.js';

/** Tooltip of an executor marker: "Executor N added at …" or "removed at …" plus the reason. */
export function ExecutorTooltip({ point }: { point: ExecutorPoint }) {
  return (
    <div className="space-y-0.5">
      <p className="font-semibold">{point.label}</p>
      <p>{point.host}</p>
      <p>
        {point.kind === 'added' ? 'Added' : 'Removed'} at <DateTime epochMs={point.time} />
      </p>
      {point.reason !== undefined && <p className="break-words">Reason: {point.reason}</p>}
    </div>
  );
}
