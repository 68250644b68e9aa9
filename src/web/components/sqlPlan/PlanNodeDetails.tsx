import { Link } from 'react-router';
import type { AppRef, SqlPlanMetric } from '../../../api/index.js';
import { appPaths } from '../../lib/appPaths.js';
import { stageTaskRefs } from './metricText.js';

export interface PlanNodeInfo {
  /** Operator id, or the cluster's own node id. */
  nodeId: number;
  name: string;
  metrics: readonly SqlPlanMetric[];
  /** The codegen cluster an operator runs in. */
  cluster?: string;
}

/** A metric value with its "(stage X.Y: task Z)" parts linked to the stage that produced the maximum. */
function MetricValue({ app, value }: { app: AppRef; value: string }) {
  const refs = stageTaskRefs(value);
  if (refs.length === 0) return <>{value}</>;
  const parts = value.split(/(\(stage \d+\.\d+: task \d+\))/);
  let k = 0;
  return (
    <>
      {parts.map((part) => {
        const ref = /^\(stage \d+\.\d+: task \d+\)$/.test(part) ? refs[k++] : undefined;
        if (ref === undefined) return part;
        return (
          <Link key={`${part}-${k}`} to={appPaths.stage(app, ref.stageId, ref.stageAttemptId)} className="link">
            {part}
          </Link>
        );
      })}
    </>
  );
}

/** Metrics of one plan node as a table (the hover card and the pinned panel). */
export function PlanNodeDetails({ app, node, onClose }: { app: AppRef; node: PlanNodeInfo; onClose?: () => void }) {
  return (
    <div className="text-xs" data-testid="plan-node-details">
      <div className="mb-1 flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="break-words text-sm font-semibold">{node.name}</p>
          <p className="text-slate-500 dark:text-slate-400">
            node {node.nodeId}
            {node.cluster !== undefined && <> · in {node.cluster}</>}
          </p>
        </div>
        {onClose !== undefined && (
          <button type="button" className="btn-ghost" onClick={onClose} aria-label="Close node details">
            ✕
          </button>
        )}
      </div>
      {node.metrics.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">No metrics</p>
      ) : (
        <table className="w-full border-collapse">
          <tbody>
            {node.metrics.map((m, i) => (
              <tr key={i} className="border-t border-slate-200 align-top dark:border-slate-700">
                <th scope="row" className="py-0.5 pr-2 text-left font-medium text-slate-600 dark:text-slate-300">
                  {m.name}
                </th>
                <td className="whitespace-pre-wrap py-0.5 tabular-nums">
                  <MetricValue app={app} value={m.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
