import { useMemo } from 'react';
import type { AppRef } from '../../../api/index.js';
import { useEnvironment } from '../../api/environmentQueries.js';
import { useDisplayTimeZone } from '../../components/timeZone/timeZoneContext.js';
import { logTimeZone, type ZoneLookup } from '../../lib/appTimeZone.js';
import { convertLogLine } from '../../lib/logTimestamps.js';

export interface LogTimestamps {
  /** The line as shown (its timestamp in the reader's zone), with the written timestamp for a tooltip. */
  show: (line: string) => { text: string; title?: string };
  /** Which zone the log's times are shown in, and which they were written in. */
  note: string;
}

function unconvertedNote(written: ZoneLookup | undefined): string {
  if (written === undefined) return 'Log times as written';
  if (written.kind === 'invalid') return `Log times as written: ${written.source} names no known time zone ("${written.id}")`;
  return 'Log times as written: the zone they were written in is not known';
}

/**
 * How a process's log lines show their timestamps: converted from the zone its JVM wrote them in (read
 * from the application's environment) into the reader's zone; as written when that zone is not known.
 */
export function useLogTimestamps(app: AppRef, executorId: string): LogTimestamps {
  const environment = useEnvironment(app);
  const { zone } = useDisplayTimeZone();
  const written = environment.data === undefined ? undefined : logTimeZone(environment.data, executorId);
  const writtenZone = written?.kind === 'found' ? written.zone : undefined;
  const note = written?.kind === 'found' ? `Log times in ${zone}; written in ${written.zone} (${written.source})` : unconvertedNote(written);
  const show = useMemo((): LogTimestamps['show'] => {
    if (writtenZone === undefined) return (line) => ({ text: line });
    return (line) => {
      const converted = convertLogLine(line, writtenZone, zone);
      if (converted === undefined) return { text: line };
      const { raw, explicitOffset } = converted.timestamp;
      return { text: converted.text, title: `Written ${raw}${explicitOffset ? '' : ` (${writtenZone})`}` };
    };
  }, [writtenZone, zone]);
  return { show, note };
}
