import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { storedTimeZoneChoice, storeTimeZoneChoice, TIME_ZONE_STORAGE_KEY, type TimeZoneChoice } from '../../lib/timeZoneSetting.js';
import { browserTimeZone } from '../../lib/timeZones.js';
import { resolveDisplayZone, type AppZoneState } from './resolveDisplayZone.js';
import { TimeZoneContext, type TimeZoneContextValue } from './timeZoneContext.js';

/** Holds the reader's zone choice (persisted) and the open application's zone, and resolves the zone to show. */
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<TimeZoneChoice>(() => storedTimeZoneChoice());
  const [appZone, setAppZone] = useState<AppZoneState>({ kind: 'none' });
  const [browserZone] = useState(() => browserTimeZone());

  // Another tab changing the choice changes it here too, so two open consoles never disagree.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === TIME_ZONE_STORAGE_KEY) setChoiceState(storedTimeZoneChoice());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<TimeZoneContextValue>(
    () => ({
      ...resolveDisplayZone(choice, appZone, browserZone),
      choice,
      setChoice: (next) => {
        storeTimeZoneChoice(next);
        setChoiceState(next);
      },
      appZone,
      setAppZone,
      browserZone,
    }),
    [choice, appZone, browserZone],
  );
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}
