import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { cx } from '../lib/classNames.js';

export interface TabItem {
  id: string;
  label: ReactNode;
  /** Link tabs navigate (so every tab is a deep link); button tabs call onSelect. */
  href?: string;
}

const BASE = 'tab-item whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium';
const ON = 'border-sky-500 text-sky-700 dark:border-sky-400 dark:text-sky-300';
const OFF = 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100';

/** Moves focus between tabs with the arrow, Home and End keys (WAI-ARIA tabs pattern). */
function useArrowKeys() {
  const ref = useRef<HTMLDivElement>(null);
  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key)) return;
    const tabs = [...(ref.current?.querySelectorAll<HTMLElement>('[data-tab]') ?? [])];
    const current = tabs.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    e.preventDefault();
    const step = e.key === 'ArrowRight' ? 1 : -1;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (current + step + tabs.length) % tabs.length;
    tabs[next]?.focus();
  }
  return { ref, onKeyDown };
}

/**
 * A tab bar. With `href`s it is navigation (the app's Spark tabs): NavLinks mark the current route with
 * aria-current, and the route decides the selection. Without, it is an ARIA tablist driven by `selected`.
 */
export function Tabs({
  items,
  selected,
  onSelect,
  label,
  className,
}: {
  items: readonly TabItem[];
  selected?: string;
  onSelect?: (id: string) => void;
  label: string;
  className?: string;
}) {
  const keys = useArrowKeys();
  const classes = cx('flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-700', className);
  const isNav = items.some((i) => i.href !== undefined);

  if (isNav) {
    return (
      <nav aria-label={label}>
        <div ref={keys.ref} onKeyDown={keys.onKeyDown} className={classes}>
          {items.map((item) => (
            <NavLink key={item.id} to={item.href ?? '.'} data-tab={item.id} className={({ isActive }) => cx(BASE, isActive ? ON : OFF)}>
              {item.label}
            </NavLink>
          ))}
        </div>
      </nav>
    );
  }
  return (
    <div ref={keys.ref} role="tablist" aria-label={label} onKeyDown={keys.onKeyDown} className={classes}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          data-tab={item.id}
          aria-selected={selected === item.id}
          tabIndex={selected === item.id ? 0 : -1}
          className={cx(BASE, selected === item.id ? ON : OFF)}
          onClick={() => onSelect?.(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
