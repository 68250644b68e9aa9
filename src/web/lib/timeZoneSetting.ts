/** Which zone the reader wants times in; kept per browser (localStorage), like the light/dark choice. */
export type TimeZoneChoice = 'local' | 'utc' | 'application';

export const TIME_ZONE_CHOICES: readonly TimeZoneChoice[] = ['local', 'utc', 'application'];

export const TIME_ZONE_STORAGE_KEY = 'spark-console-time-zone';

function isChoice(value: string | null): value is TimeZoneChoice {
  return value !== null && (TIME_ZONE_CHOICES as readonly string[]).includes(value);
}

/** The saved choice; the browser's own zone when nothing (or something unknown) is saved. */
export function storedTimeZoneChoice(): TimeZoneChoice {
  try {
    const saved = localStorage.getItem(TIME_ZONE_STORAGE_KEY);
    if (isChoice(saved)) return saved;
  } catch {
    // Storage can be blocked (privacy mode): the browser's zone, as before there was a choice.
  }
  return 'local';
}

export function storeTimeZoneChoice(choice: TimeZoneChoice): void {
  try {
    localStorage.setItem(TIME_ZONE_STORAGE_KEY, choice);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}
