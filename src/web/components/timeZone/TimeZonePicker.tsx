import { TIME_ZONE_CHOICES, type TimeZoneChoice } from '../../lib/timeZoneSetting.js';
import type { AppZoneState } from './resolveDisplayZone.js';
import { useDisplayTimeZone } from './timeZoneContext.js';

function choiceLabel(choice: TimeZoneChoice, browserZone: string, appZone: AppZoneState): string {
  if (choice === 'local') return `Local (${browserZone})`;
  if (choice === 'utc') return 'UTC';
  return appZone.kind === 'found' ? `Application (${appZone.zone})` : 'Application';
}

/**
 * The top bar's time-zone choice: the browser's zone, UTC, or the open application's own. When the
 * application's zone cannot be had, local time is shown and a short marker says so (the reason in its title).
 */
export function TimeZonePicker() {
  const { choice, setChoice, browserZone, appZone, fallbackNote } = useDisplayTimeZone();
  return (
    <div className="flex items-center gap-1 text-sm">
      <label className="flex items-center gap-1">
        <span className="hidden text-xs text-slate-500 md:inline dark:text-slate-400">Times in</span>
        <select
          className="input py-0.5 text-xs"
          value={choice}
          onChange={(e) => setChoice(e.target.value as TimeZoneChoice)}
          aria-label="Time zone of displayed times"
          data-testid="time-zone-picker"
        >
          {TIME_ZONE_CHOICES.map((c) => (
            <option key={c} value={c}>
              {choiceLabel(c, browserZone, appZone)}
            </option>
          ))}
        </select>
      </label>
      {fallbackNote !== undefined && (
        <span className="text-xs text-amber-700 dark:text-amber-300" title={fallbackNote} data-testid="time-zone-note">
          <span aria-hidden="true">⚠ </span>local time
          <span className="sr-only">: {fallbackNote}</span>
        </span>
      )}
    </div>
  );
}
