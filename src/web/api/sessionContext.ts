import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../api/index.js';

/** The signed-in user, provided by the session gate around every page but the sign-in page. */
export const SessionContext = createContext<SessionInfo | undefined>(undefined);

/** The current session; undefined outside the gate (the sign-in page). */
export function useCurrentSession(): SessionInfo | undefined {
  return useContext(SessionContext);
}

/** Where the sign-in page sends the visitor afterwards: a path of this console only, never another site. */
export function safeNext(next: string | null | undefined): string {
  if (next === null || next === undefined || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/';
  return next;
}

/** `/sign-in?next=<path>` for the page the visitor was on. */
export function signInPath(next: string): string {
  const target = safeNext(next);
  return target === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(target)}`;
}
