import type { AccumulableInfo } from '../../../api/index.js';

/** Named accumulators of the stage, without Spark's own `internal.*` metrics (§2.5 8). */
export function visibleAccumulators(list: readonly AccumulableInfo[]): AccumulableInfo[] {
  return list.filter((a) => a.name !== '' && !a.name.startsWith('internal.'));
}

export function AccumulatorsTable({ accumulators }: { accumulators: readonly AccumulableInfo[] }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
      <table className="w-full text-sm" aria-label="Accumulators" data-testid="accumulators">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th className="px-2 py-1.5">ID</th>
            <th className="px-2 py-1.5">Name</th>
            <th className="px-2 py-1.5">Value</th>
          </tr>
        </thead>
        <tbody>
          {accumulators.map((a) => (
            <tr key={a.id} className="border-t border-slate-200 dark:border-slate-700">
              <td className="px-2 py-1 tabular-nums">{a.id}</td>
              <td className="px-2 py-1">{a.name}</td>
              <td className="px-2 py-1 break-all">{a.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
