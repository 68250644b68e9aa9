import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { cx } from '../lib/classNames.js';

/**
 * A multi-select filter in a disclosure (native <details>, so it opens with Enter/Space): the summary names
 * the filter and how many values are chosen. It closes on a click outside it and on Escape, and its open panel
 * takes room in the page (it pushes what follows down) instead of floating over the table it filters, so the
 * rows that change with each tick stay in view.
 */
export function FacetFilter({
  label,
  options,
  selected,
  onChange,
  renderOption = (v) => v,
  testId,
}: {
  label: string;
  options: readonly string[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  renderOption?: (value: string) => string;
  testId?: string;
}) {
  const id = useId();
  // The URL (the source of truth) updates in a transition; mirror it locally so a click shows at once.
  const [checkedValues, setCheckedValues] = useState<readonly string[]>(selected);
  const selectedKey = selected.join('\u0000');
  useEffect(() => setCheckedValues(selected), [selectedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const choose = (values: string[]) => {
    setCheckedValues(values);
    onChange(values);
  };
  const active = checkedValues.length > 0;
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (e: PointerEvent) => {
      if (detailsRef.current !== null && !detailsRef.current.contains(e.target as Node)) detailsRef.current.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== 'Escape' || detailsRef.current?.open !== true) return;
    e.preventDefault();
    detailsRef.current.open = false;
    detailsRef.current.querySelector('summary')?.focus();
  };
  return (
    <details ref={detailsRef} className="group self-start" data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)} onKeyDown={onKeyDown}>
      <summary
        className={cx(
          'btn cursor-pointer list-none select-none [&::-webkit-details-marker]:hidden',
          active && 'border-sky-500 text-sky-800 dark:text-sky-200',
        )}
      >
        {label}
        {active && <span className="rounded bg-sky-100 px-1 text-xs dark:bg-sky-900">{checkedValues.length}</span>}
        <span aria-hidden="true" className="text-[10px]">
          ▾
        </span>
      </summary>
      <fieldset
        className="mt-1 max-h-72 min-w-48 overflow-auto rounded border border-slate-200 bg-white p-2 shadow-sm dark:border-slate-700 dark:bg-slate-900"
        aria-label={label}
      >
        {options.length === 0 && <p className="text-xs text-slate-500">No values</p>}
        {options.map((option) => {
          const checked = checkedValues.includes(option);
          return (
            <label key={option} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
              <input
                type="checkbox"
                name={`${id}-${label}`}
                checked={checked}
                onChange={() => choose(checked ? checkedValues.filter((s) => s !== option) : [...checkedValues, option])}
              />
              <span className="whitespace-nowrap">{renderOption(option)}</span>
            </label>
          );
        })}
        {active && (
          <button type="button" className="link mt-1 text-xs" onClick={() => choose([])}>
            Clear
          </button>
        )}
      </fieldset>
    </details>
  );
}
