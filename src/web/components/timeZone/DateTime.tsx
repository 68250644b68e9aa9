import { epochMillisFromSparkDate, formatEpochMillisInZone } from '../../lib/formatDate.js';
import { zoneShortName } from '../../lib/timeZones.js';
import { useDisplayTimeZone } from './timeZoneContext.js';

/**
 * A point in time as the console shows it: `yyyy-MM-dd HH:mm:ss` in the reader's zone followed by that zone's
 * short name (`UTC`, `EST`, `GMT+8`), in a <time> element carrying the instant. "-" when there is none. In a
 * narrow table column the day, the time of day and the zone name may wrap onto lines of their own; none breaks.
 */
export function DateTime({ epochMs, className }: { epochMs: number | undefined | null; className?: string }) {
  const { zone } = useDisplayTimeZone();
  const text = formatEpochMillisInZone(epochMs, zone);
  if (text === '-' || epochMs === undefined || epochMs === null) return <span className={className}>-</span>;
  const [day, time] = text.split(' ');
  return (
    <time dateTime={new Date(epochMs).toISOString()} title={`${text} (${zone})`} className={className} data-zone={zone}>
      <span className="whitespace-nowrap">{day}</span> <span className="whitespace-nowrap">{time}</span>{' '}
      <span className="whitespace-nowrap text-[0.85em] text-slate-500 dark:text-slate-400">{zoneShortName(epochMs, zone)}</span>
    </time>
  );
}

/** The same for a Spark REST date (`2015-03-17T23:11:50.242GMT`). */
export function SparkDateTime({ text, className }: { text: string | undefined; className?: string }) {
  return <DateTime epochMs={epochMillisFromSparkDate(text)} className={className} />;
}
