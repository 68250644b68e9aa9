import { Link } from 'react-router';
import { ThemeToggle } from './ThemeToggle.js';

/** The console's top bar: product name (home = application list) and global switches. */
export function TopBar() {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-4 px-4">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Link to="/" className="flex items-center gap-2 rounded font-semibold text-slate-900 dark:text-slate-100">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          Spark Console
        </Link>
        <nav aria-label="Main" className="text-sm">
          <Link to="/" className="link-plain">
            Applications
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
