import { useState } from 'react';
import { breakableText } from '../lib/breakableText.js';
import { errorHeadline, hasMoreDetails } from '../lib/errorSummary.js';

/**
 * Spark's error cell: the headline (error class, first line, or text before the first colon) and a
 * "+details" toggle that expands the full message, stack trace included, in a <pre>.
 */
export function ErrorMessageCell({ message }: { message: string | undefined }) {
  const [open, setOpen] = useState(false);
  if (message === undefined || message === '') return null;
  const more = hasMoreDetails(message);
  return (
    // Long tokens (host names, class names) break after their dots, so the cell never forces its table wider than the card.
    <div className="min-w-0 max-w-xl" data-testid="error-cell">
      <span className="break-words">{breakableText(errorHeadline(message))}</span>
      {more && (
        <button type="button" className="link ml-2 text-xs" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '-details' : '+details'}
        </button>
      )}
      {open && (
        // Lines keep their shape while the table has room and wrap at word and name boundaries when it has not
        // (see breakableText), so an open stack trace widens its column only into free space, never past the card.
        <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 text-xs dark:bg-slate-900" data-testid="error-details">
          {breakableText(message)}
        </pre>
      )}
    </div>
  );
}
