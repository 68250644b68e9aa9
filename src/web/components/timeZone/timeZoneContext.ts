import { createContext, useContext } from 'react';
import type { TimeZoneChoice } from '../../lib/timeZoneSetting.js';
import { browserTimeZone } from '../../lib/timeZones.js';
import { resolveDisplayZone, type AppZoneState, type DisplayZone } from './resolveDisplayZone.js';

export interface TimeZoneContextValue extends DisplayZone {
  choice: TimeZoneChoice;
  setChoice: (choice: TimeZoneChoice) => void;
  /** The open application's zone (kind `none` outside an application). */
  appZone: AppZoneState;
  /** Set by the application frame while it is open. */
  setAppZone: (state: AppZoneState) => void;
  browserZone: string;
}

const fallbackBrowserZone = browserTimeZone();

/** Without a provider (unit-rendered components): the browser's zone, as the console showed before the choice. */
export const TimeZoneContext = createContext<TimeZoneContextValue>({
  ...resolveDisplayZone('local', { kind: 'none' }, fallbackBrowserZone),
  choice: 'local',
  setChoice: () => undefined,
  appZone: { kind: 'none' },
  setAppZone: () => undefined,
  browserZone: fallbackBrowserZone,
});

/** The zone every displayed time uses, and the reader's choice behind it. */
export function useDisplayTimeZone(): TimeZoneContextValue {
  return useContext(TimeZoneContext);
}
