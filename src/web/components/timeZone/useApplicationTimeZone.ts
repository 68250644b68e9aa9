import { useEffect } from 'react';
import type { AppRef } from '../../../api/index.js';
import { useEnvironment } from '../../api/environmentQueries.js';
import { applicationTimeZone } from '../../lib/appTimeZone.js';
import type { AppZoneState } from './resolveDisplayZone.js';
import { useDisplayTimeZone } from './timeZoneContext.js';

/**
 * Makes an open application's zone (from its Environment answer) the "application" choice while the
 * application's pages are shown; leaving them returns to "no application".
 */
export function useApplicationTimeZone(app: AppRef): void {
  const environment = useEnvironment(app);
  const { setAppZone } = useDisplayTimeZone();
  const data = environment.data;
  const failed = environment.isError;
  useEffect(() => {
    const state: AppZoneState = data !== undefined ? applicationTimeZone(data) : failed ? { kind: 'unknown' } : { kind: 'loading' };
    setAppZone(state);
  }, [data, failed, setAppZone]);
  useEffect(() => () => setAppZone({ kind: 'none' }), [setAppZone]);
}
