import { noLogsMessage } from '../api/appAccess.js';

/** Shown where logs would be when the caller's role (viewer) may not read them. */
export function NoLogAccess({ role }: { role: string | null }) {
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200" data-testid="no-log-access">
      {noLogsMessage(role)}. Ask an admin or owner of the project for the developer role.
    </div>
  );
}
