import type { ReactNode } from 'react';

export interface SummaryItem {
  label: ReactNode;
  value: ReactNode;
  /** Leave the row out (Spark hides zero-valued summary lines). */
  hidden?: boolean;
}

/** The label/value block at the top of Spark's pages ("User: …", "Total Uptime: …"). */
export function SummaryList({ items, testId }: { items: readonly SummaryItem[]; testId?: string }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid={testId}>
      {items
        .filter((i) => i.hidden !== true)
        .map((item, i) => (
          <div key={i} className="contents">
            <dt className="font-semibold text-slate-700 dark:text-slate-300">{item.label}</dt>
            <dd className="min-w-0 break-words">{item.value}</dd>
          </div>
        ))}
    </dl>
  );
}
