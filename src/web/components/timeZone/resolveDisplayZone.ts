import type { ZoneLookup } from '../../lib/appTimeZone.js';
import type { TimeZoneChoice } from '../../lib/timeZoneSetting.js';
import { UTC_ZONE } from '../../lib/timeZones.js';

/**
 * What the application's zone is, from where the reader stands: outside any application, still being read
 * from its Environment answer, or the outcome of reading it.
 */
export type AppZoneState = { kind: 'none' } | { kind: 'loading' } | ZoneLookup;

export interface DisplayZone {
  /** The zone every time is shown in (an id Intl accepts). */
  zone: string;
  /** Why the zone is not the one chosen (the choice is "application" but that zone is not known); undefined when it is. */
  fallbackNote?: string;
}

/** The chosen zone, or the browser's with a note when the application's zone cannot be had. */
export function resolveDisplayZone(choice: TimeZoneChoice, appZone: AppZoneState, browserZone: string): DisplayZone {
  if (choice === 'utc') return { zone: UTC_ZONE };
  if (choice === 'local') return { zone: browserZone };
  switch (appZone.kind) {
    case 'found':
      return { zone: appZone.zone };
    case 'none':
      return { zone: browserZone, fallbackNote: 'Outside an application: local time is shown' };
    case 'loading':
      return { zone: browserZone, fallbackNote: "Reading the application's zone: local time is shown meanwhile" };
    case 'invalid':
      return { zone: browserZone, fallbackNote: `${appZone.source} names no known time zone ("${appZone.id}"): local time is shown` };
    case 'unknown':
      return { zone: browserZone, fallbackNote: "The application's event log records no time zone: local time is shown" };
  }
}
