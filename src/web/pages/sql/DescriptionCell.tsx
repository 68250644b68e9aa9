import { useState } from 'react';
import { Link } from 'react-router';

/**
 * The SQL table's Description cell: a link to the execution showing the description's first line (or the
 * execution id when there is none, as Spark does), with "+details" to unfold long SQL text.
 */
export function DescriptionCell({ href, id, description }: { href: string; id: number; description: string }) {
  const [open, setOpen] = useState(false);
  const text = description.trim();
  const firstLine = text.split('\n')[0] ?? '';
  const long = text.length > 120 || text.includes('\n');
  return (
    <div className="min-w-0 max-w-2xl">
      <Link to={href} className="link break-words" title={long ? undefined : text}>
        {text === '' ? id : long ? `${firstLine.slice(0, 120)}…` : text}
      </Link>
      {long && (
        <button type="button" className="link ml-2 text-xs" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '-details' : '+details'}
        </button>
      )}
      {open && <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{text}</pre>}
    </div>
  );
}
