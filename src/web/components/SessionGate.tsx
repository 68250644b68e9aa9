import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { accessKeys, isApiError } from '../../api/index.js';
import { useSession } from '../api/accessQueries.js';
import { SessionContext, signInPath } from '../api/sessionContext.js';
import { ErrorState } from './ErrorState.js';
import { LoadingState } from './LoadingState.js';

/**
 * Every page but the sign-in page runs inside this gate: it asks who is signed in (a 401 means nobody, so
 * off to /sign-in?next=…) and watches every query and mutation: when any answers 401 (the session ended
 * or expired meanwhile), the visitor is sent to sign in again and comes back to the same page afterwards.
 * With `--auth none` the session always exists and no sign-in UI appears.
 */
export function SessionGate() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const here = `${location.pathname}${location.search}${location.hash}`;

  useEffect(() => {
    const onUnauthorized = (error: unknown) => {
      if (!isApiError(error) || error.status !== 401) return;
      // Several queries can fail at once: the first sends the visitor off; later ones must not overwrite the
      // sign-in page's `next` with the sign-in page itself.
      if (window.location.pathname === '/sign-in') return;
      queryClient.removeQueries({ queryKey: accessKeys.session() });
      void navigate(signInPath(window.location.pathname + window.location.search + window.location.hash), { replace: true });
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onUnauthorized(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onUnauthorized(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, navigate]);

  if (session.data !== undefined) {
    return (
      <SessionContext.Provider value={session.data}>
        <Outlet />
      </SessionContext.Provider>
    );
  }
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 401) return <Navigate replace to={signInPath(here)} />;
    return (
      <main className="mx-auto max-w-xl p-8">
        <ErrorState error={session.error} title="Could not reach the console" onRetry={() => void session.refetch()} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-xl p-8">
      <LoadingState label="Checking sign-in…" />
    </main>
  );
}
