import { useEffect, useId, useState } from 'react';
import { cx } from '../lib/classNames.js';

/**
 * A multi-select filter in a disclosure (native <details>, so it opens with Enter/Space and needs no
 * popover code): the summary names the filter and how many values are chosen.
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
  return (
    <details className="group relative" data-testid={testId}>
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
        className="absolute left-0 z-20 mt-1 max-h-72 min-w-48 overflow-auto rounded border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
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
