import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/index.js';
import { useSession, useSignIn, useSignInOptions } from '../../api/accessQueries.js';
import { safeNext } from '../../api/sessionContext.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

/** What to say when sign-in fails: the server's own text (wrong password, throttled: 429), or the transport error. */
function signInError(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 429 && error.body === '') return 'Too many failed sign-ins: try again later';
    if (error.body !== '') return error.body.charAt(0).toUpperCase() + error.body.slice(1);
    return `Sign-in failed (HTTP ${error.status})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * `/sign-in?next=/path`: user name and password (and single sign-on when the server offers it). Already
 * signed in (or the server runs without sign-in), it goes straight on to `next`.
 */
export default function SignInPage() {
  useDocumentTitle('Sign in - Spark Console');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const options = useSignInOptions();
  const signIn = useSignIn();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');

  if (session.data !== undefined && !signIn.isPending) return <Navigate replace to={next} />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ user: user.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };
  const oidc = options.data?.oidc ?? null;
  const passwordOn = options.data?.password !== false;

  return (
    <div className="flex min-h-screen items-start justify-center bg-slate-50 px-4 pt-[12vh] text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="w-full max-w-sm" data-testid="sign-in-page">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          Spark Console
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 id="sign-in-heading" className="mb-4 text-xl font-semibold">
            Sign in
          </h1>
          {passwordOn && (
            <form onSubmit={onSubmit} className="space-y-4" aria-labelledby="sign-in-heading">
              <div>
                <label htmlFor="sign-in-user" className="mb-1 block text-sm font-medium">
                  User name
                </label>
                <input
                  id="sign-in-user"
                  name="username"
                  className="input w-full py-1.5 text-sm"
                  autoComplete="username"
                  autoFocus
                  required
                  value={user}
                  onChange={(e) => setUser(e.target.value)}
                />
              </div>
              <div>
                <label htmlFor="sign-in-password" className="mb-1 block text-sm font-medium">
                  Password
                </label>
                <input
                  id="sign-in-password"
                  name="password"
                  type="password"
                  className="input w-full py-1.5 text-sm"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
              {signIn.isError && (
                <p role="alert" className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-200" data-testid="sign-in-error">
                  {signInError(signIn.error)}
                </p>
              )}
              <button type="submit" className="btn btn-primary w-full justify-center py-1.5 text-sm" disabled={signIn.isPending || user.trim() === '' || password === ''}>
                {signIn.isPending ? 'Signing in…' : 'Sign in'}
              </button>
            </form>
          )}
          {oidc !== null && (
            <>
              {passwordOn && (
                <div className="my-4 flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400" aria-hidden="true">
                  <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
                  or
                  <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
                </div>
              )}
              <button type="button" className="btn w-full justify-center py-1.5 text-sm" onClick={() => window.location.assign(oidc.loginUrl)} data-testid="sign-in-oidc">
                Sign in with {oidc.name}
              </button>
            </>
          )}
        </div>
        <p className="mt-4 text-center text-xs text-slate-500 dark:text-slate-400">
          Scripts and Spark History Server clients can use a personal API token or HTTP Basic instead.
        </p>
      </main>
    </div>
  );
}
