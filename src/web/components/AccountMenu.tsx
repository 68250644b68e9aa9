import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSignOut } from '../api/accessQueries.js';
import { useCurrentSession } from '../api/sessionContext.js';
import { Initials } from './Initials.js';

/**
 * The signed-in user's menu in the top bar: who they are, their API tokens, and sign-out. Nothing is shown
 * when the console runs without sign-in (`--auth none`). A native <details> disclosure: keyboard and screen
 * readers work without a menu library; Escape and a click elsewhere close it.
 */
export function AccountMenu() {
  const session = useCurrentSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const close = (e: MouseEvent | KeyboardEvent) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) {
        el.open = false;
        if (e instanceof KeyboardEvent) el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  if (session === undefined || session.authMode === 'none') return null;
  const { user } = session;
  const closeMenu = () => {
    if (ref.current) ref.current.open = false;
  };

  return (
    <details ref={ref} className="relative" data-testid="account-menu">
      <summary className="btn-ghost flex cursor-pointer list-none items-center gap-2 [&::-webkit-details-marker]:hidden" aria-label={`Account: ${user.displayName}`}>
        <Initials name={user.displayName} />
        <span className="hidden text-sm sm:inline" data-testid="account-name">
          {user.displayName}
        </span>
        <span aria-hidden="true" className="text-xs text-slate-500">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-40 mt-1 w-56 rounded border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <div className="border-b border-slate-200 px-3 py-2 dark:border-slate-700">
          <div className="font-medium">{user.displayName}</div>
          <div className="text-xs text-slate-500 dark:text-slate-400">
            {user.name}
            {user.admin && ' · console administrator'}
          </div>
        </div>
        <Link to="/tokens" className="block px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800" onClick={closeMenu}>
          API tokens
        </Link>
        <button
          type="button"
          className="block w-full px-3 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
          disabled={signOut.isPending}
          onClick={() => {
            closeMenu();
            signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });
          }}
        >
          Sign out
        </button>
      </div>
    </details>
  );
}
