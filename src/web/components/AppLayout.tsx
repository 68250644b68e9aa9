import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { LoadingState } from './LoadingState.js';
import { PageErrorBoundary } from './PageErrorBoundary.js';
import { TopBar } from './TopBar.js';
import { TimeZoneProvider } from './timeZone/TimeZoneProvider.js';

/**
 * Frame of every page: top bar, then the routed page (page chunks load lazily inside the Suspense). The
 * time-zone choice wraps both, since the top bar picks it and the pages show times in it. A page that fails to
 * load or render shows its error in place; the top bar stays.
 */
export function AppLayout() {
  const { pathname } = useLocation();
  return (
    <TimeZoneProvider>
      <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <TopBar />
        <main id="main" className="mx-auto max-w-[1600px] px-4 pb-16 pt-4">
          <PageErrorBoundary resetKey={pathname}>
            <Suspense fallback={<LoadingState label="Loading page…" />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </main>
      </div>
    </TimeZoneProvider>
  );
}
