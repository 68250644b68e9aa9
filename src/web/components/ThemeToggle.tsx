import { useState } from 'react';
import { applyTheme, storedTheme, type Theme } from '../lib/theme.js';

/** Light/dark switch; a real button, so Space/Enter toggle it and screen readers hear its state. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => storedTheme());
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="btn-ghost"
      aria-pressed={dark}
      aria-label="Dark mode"
      title={dark ? 'Switch to light mode' : 'Switch to dark mode'}
      data-testid="theme-toggle"
      onClick={() => {
        const next: Theme = dark ? 'light' : 'dark';
        applyTheme(next);
        setTheme(next);
      }}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      <span className="ml-1 text-xs">{dark ? 'Dark' : 'Light'}</span>
    </button>
  );
}
