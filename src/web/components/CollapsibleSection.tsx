import { useId, useState, type ReactNode } from 'react';

function readExpanded(storageKey: string | undefined, fallback: boolean): boolean {
  if (storageKey === undefined) return fallback;
  try {
    const v = localStorage.getItem(`expand:${storageKey}`);
    return v === null ? fallback : v === 'true';
  } catch {
    return fallback;
  }
}

/**
 * A titled section that folds away, like Spark's collapsible `<h4>` tables. With `storageKey` the open/closed
 * state persists in localStorage (Spark keeps timeline and DAG expansion the same way).
 */
export function CollapsibleSection({
  title,
  children,
  defaultOpen = true,
  storageKey,
  id,
  actions,
}: {
  title: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  storageKey?: string;
  /** Anchor id, so summary links like "Completed Jobs: 3" can jump here. */
  id?: string;
  actions?: ReactNode;
}) {
  const [open, setOpen] = useState(() => readExpanded(storageKey, defaultOpen));
  const bodyId = useId();
  function toggle() {
    const next = !open;
    setOpen(next);
    if (storageKey !== undefined) {
      try {
        localStorage.setItem(`expand:${storageKey}`, String(next));
      } catch {
        // Not persisted; fine for this page view.
      }
    }
  }
  return (
    <section id={id} className="mt-5 scroll-mt-4" data-open={open}>
      <div className="mb-2 flex items-center gap-3">
        <h2 className="text-base font-semibold">
          <button type="button" onClick={toggle} aria-expanded={open} aria-controls={bodyId} className="collapse-toggle flex items-center gap-1.5 rounded">
            <span aria-hidden="true" className="inline-block w-3 text-slate-500 transition-transform" style={{ transform: open ? 'rotate(90deg)' : 'none' }}>
              ▶
            </span>
            {title}
          </button>
        </h2>
        {open && actions}
      </div>
      <div id={bodyId} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
