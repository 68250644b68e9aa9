import type { AppRef, DiagnosticFinding, DiagnosticValue } from '../../../api/index.js';
import { FindingLinks } from './FindingLinks.js';
import { formatImpact, formatValue } from './formatImpact.js';
import { SeverityBadge } from './SeverityBadge.js';

function Values({ title, values }: { title: string; values: DiagnosticValue[] }) {
  if (values.length === 0) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{title}</h4>
      <dl className="grid grid-cols-[auto_auto] justify-start gap-x-3 text-sm">
        {values.map((v) => (
          <div key={v.label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{v.label}</dt>
            <dd className="font-mono">{formatValue(v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Details({ rows }: { rows: NonNullable<DiagnosticFinding['details']> }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} className="pr-4 text-left text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className="max-w-xl truncate pr-4 align-top font-mono" title={String(r[c] ?? '')}>
                  {r[c] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One finding with all its numbers: measured values, thresholds, impact, details and links. */
export function FindingCard({ app, finding }: { app: AppRef; finding: DiagnosticFinding }) {
  return (
    <li className="rounded border border-slate-200 p-3 dark:border-slate-800" data-testid="finding" data-rule={finding.rule} id={finding.id}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <span className="font-medium">{finding.title}</span>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Explains <span className="font-medium text-slate-800 dark:text-slate-200">{formatImpact(finding)}</span>: {finding.impact}
      </p>
      <div className="mt-2 flex flex-wrap gap-x-8 gap-y-2">
        <Values title="Measured" values={finding.measured} />
        <Values title="Threshold" values={finding.thresholds} />
      </div>
      {finding.details !== undefined && finding.details.length > 0 && (
        <div className="mt-2">
          <Details rows={finding.details} />
        </div>
      )}
      <div className="mt-2">
        <FindingLinks app={app} finding={finding} />
      </div>
    </li>
  );
}
