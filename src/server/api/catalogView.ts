import { sparkErrors } from '../../api/spark/errors.js';
import type { AppListItem } from '../../api/console/appListItem.js';
import type { ProjectFilter } from '../auth/accessScope.js';
import { skippedLinesOf } from '../ingest/skippedLines.js';
import type { LogRow } from '../store/indexDb.js';
import { notFound } from './apiError.js';
import type { AppCatalog, ResolvedAttempt } from './appCatalog.js';
import type { AppEntry } from './appListing.js';

/** The project of an application: its newest attempt's (every row carries its resolved project). */
export const projectOfApp = (app: AppEntry): string => app.attempts[0]!.project ?? '';

interface FilteredLists {
  apps: AppEntry[];
  items?: { for: AppListItem[]; items: AppListItem[] };
}

/** Per catalog build (the array identity), per filter key: what callers who see the same projects share. */
const filtered = new WeakMap<AppEntry[], Map<string, FilteredLists>>();

/**
 * The catalog as one caller may see it: applications of other projects do not exist here, so a handler
 * that only holds a view cannot leak them (they answer exactly like unknown ones).
 */
export class CatalogView {
  constructor(
    private readonly catalog: AppCatalog,
    readonly filter: ProjectFilter,
  ) {}

  private lists(): FilteredLists {
    const all = this.catalog.applications();
    let byKey = filtered.get(all);
    if (!byKey) filtered.set(all, (byKey = new Map()));
    let lists = byKey.get(this.filter.key);
    if (!lists) {
      lists = { apps: this.filter.key === '*' ? all : all.filter((a) => this.filter.canView(projectOfApp(a))) };
      byKey.set(this.filter.key, lists);
    }
    return lists;
  }

  /** Applications in Spark's listing order. */
  applications(): AppEntry[] {
    return this.lists().apps;
  }

  application(appId: string): AppEntry | undefined {
    const app = this.catalog.application(appId);
    return app && this.filter.canView(projectOfApp(app)) ? app : undefined;
  }

  async resolve(appId: string, attemptId: string | undefined): Promise<ResolvedAttempt> {
    if (!this.application(appId)) throw notFound(sparkErrors.noSuchApp(appId, attemptId));
    return this.catalog.resolve(appId, attemptId);
  }

  /** The console listing rows of the visible applications and unreadable logs. */
  listItems(): AppListItem[] {
    const all = this.catalog.listItems();
    const lists = this.lists();
    if (lists.items?.for !== all) {
      lists.items = { for: all, items: this.filter.key === '*' ? all : all.filter((i) => this.filter.canView(i.project)) };
    }
    return lists.items.items;
  }

  unreadable(): LogRow[] {
    return this.catalog.unreadable().filter((r) => this.filter.canView(r.project ?? ''));
  }

  /** Rows of visible logs still waiting for their replay. */
  pendingReplays(): number {
    let n = 0;
    for (const r of this.catalog.allRows()) if (r.state === 'pending' && this.filter.canView(r.project ?? '')) n++;
    return n;
  }

  /** Event-log lines skipped by the replays of visible logs (readable or not), all together. */
  skippedLines(): number {
    let n = 0;
    for (const r of this.catalog.allRows()) if (this.filter.canView(r.project ?? '')) n += skippedLinesOf(r.stats);
    return n;
  }
}
