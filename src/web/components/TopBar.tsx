import { NavLink, useLocation } from 'react-router';
import { useCurrentSession } from '../api/sessionContext.js';
import { AccountMenu } from './AccountMenu.js';
import { ThemeToggle } from './ThemeToggle.js';
import { TimeZonePicker } from './timeZone/TimeZonePicker.js';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `link-plain rounded px-2 py-1 ${isActive ? 'bg-slate-100 font-medium text-slate-900 dark:bg-slate-800 dark:text-slate-100' : 'text-slate-600 dark:text-slate-300'}`;

/** The console's top bar: product name (home = projects), the main sections, the time-zone choice, and the account menu. */
export function TopBar() {
  const session = useCurrentSession();
  const { pathname } = useLocation();
  const inProjects = pathname === '/' || pathname.startsWith('/projects/');
  const admin = session !== undefined && session.authMode === 'password' && session.user.admin;
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-4 px-4">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <NavLink to="/" className="flex items-center gap-2 rounded font-semibold text-slate-900 dark:text-slate-100">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          Spark Console
        </NavLink>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <NavLink to="/" className={() => navClass({ isActive: inProjects })}>
            Projects
          </NavLink>
          <NavLink to="/apps" className={navClass}>
            Applications
          </NavLink>
          {admin && (
            <>
              <NavLink to="/admin/users" className={navClass}>
                Users
              </NavLink>
              <NavLink to="/admin/tokens" className={navClass}>
                All tokens
              </NavLink>
              <NavLink to="/admin/audit" className={navClass}>
                Audit log
              </NavLink>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <TimeZonePicker />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
