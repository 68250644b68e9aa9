import { useState } from 'react';
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
    <div className="min-w-0 max-w-xl" data-testid="error-cell">
      <span className="break-words">{errorHeadline(message)}</span>
      {more && (
        <button type="button" className="link ml-2 text-xs" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '-details' : '+details'}
        </button>
      )}
      {open && (
        <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap rounded bg-slate-100 p-2 text-xs dark:bg-slate-900" data-testid="error-details">
          {message}
        </pre>
      )}
    </div>
  );
}
