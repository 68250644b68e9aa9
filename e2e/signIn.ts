import fs from 'node:fs';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/*
 * Signing in for the browser specs of the demo-workspace server (sign-in on, users from the demo's console
 * config). `writeStorageState` signs in through the API once (globalSetup) and saves the session cookie as a
 * Playwright storageState, so specs start signed in; `signInThroughPage` uses the sign-in page itself.
 */

/** Signs `user` in with `POST /api/console/session` and writes a storageState file holding its session cookie. */
export async function writeStorageState(baseUrl: string, user: string, password: string, file: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/console/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'spark-console' },
    body: JSON.stringify({ user, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${user} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const [pair = ''] = setCookie.split(';');
  const eq = pair.indexOf('=');
  const expires = /Expires=([^;]+)/i.exec(setCookie)?.[1];
  const { hostname } = new URL(baseUrl);
  const state = {
    cookies: [
      {
        name: pair.slice(0, eq).trim(),
        value: pair.slice(eq + 1).trim(),
        domain: hostname,
        path: '/',
        expires: expires === undefined ? -1 : Math.floor(new Date(expires).getTime() / 1000),
        httpOnly: true,
        secure: false,
        sameSite: 'Strict' as const,
      },
    ],
    origins: [],
  };
  fs.writeFileSync(file, JSON.stringify(state));
}

/** Fills the sign-in page and waits for the page it leads to. */
export async function signInThroughPage(page: Page, user: string, password: string, next = '/'): Promise<void> {
  await page.goto(next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-page')).toBeHidden();
}

/** A fresh browser context (its own cookies) signed in as `user` through the sign-in page. */
export async function contextSignedInAs(browser: Browser, baseURL: string, user: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  // Empty storage explicitly: inside a test, new contexts take the test's options, a signed-in storageState too.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInThroughPage(page, user, password);
  return { context, page };
}
