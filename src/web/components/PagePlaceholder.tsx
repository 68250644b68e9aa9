import { EmptyState } from './EmptyState.js';

/** Stand-in for a tab another page file will fill; keeps the route (and deep links) working meanwhile. */
export function PagePlaceholder({ title }: { title: string }) {
  return (
    <div data-testid="page-placeholder">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      <EmptyState title={`${title} is not built yet`}>This view is coming soon.</EmptyState>
    </div>
  );
}
