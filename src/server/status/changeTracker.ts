/**
 * Which entities of one kind changed since the store last persisted them, and which were dropped (by Spark's
 * retention limits, or an unpersisted RDD): the fold marks, the replay takes both sets and writes only those.
 */
export class ChangeTracker<K> {
  private changedKeys = new Set<K>();
  private removedKeys = new Set<K>();

  /** The entity's state changed: write it at the next take(). */
  changed(key: K): void {
    this.changedKeys.add(key);
  }

  /** The entity exists again (a re-submitted stage, a re-cached RDD): the store must not delete it. */
  restored(key: K): void {
    this.removedKeys.delete(key);
  }

  /** The entity was dropped: delete it from the store instead of writing it. */
  removed(key: K): void {
    this.changedKeys.delete(key);
    this.removedKeys.add(key);
  }

  /** What changed and what was removed since the last call; both sets start empty again. */
  take(): { changed: K[]; removed: K[] } {
    const out = { changed: [...this.changedKeys], removed: [...this.removedKeys] };
    this.changedKeys.clear();
    this.removedKeys.clear();
    return out;
  }
}
