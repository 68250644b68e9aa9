import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, basic, startServerProcess } from '../support/serverProcess.js';

/*
 * Single sign-on against a real OpenID Connect provider (oidc-provider, started here on loopback with its
 * development login form), driven over HTTP the way a browser follows the redirects.
 */

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A minimal browser: per-origin cookie jar, manual redirects. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const cookies = [...(this.jar.get(origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookies ? { Cookie: cookies } : {}) } });
    const jar = this.jar.get(origin) ?? new Map<string, string>();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(pair!.slice(0, eq));
      else jar.set(pair!.slice(0, eq), value);
    }
    this.jar.set(origin, jar);
    return res;
  }

  /** Follows redirects (GET) until a non-redirect answer or a URL matching `stopAt`. */
  async follow(url: string, stopAt?: (url: string) => boolean): Promise<{ url: string; res: Response }> {
    let current = url;
    for (let i = 0; i < 20; i++) {
      if (stopAt?.(current)) return { url: current, res: await this.go(current) };
      const res = await this.go(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
      await res.arrayBuffer();
      current = new URL(location, current).toString();
    }
    throw new Error('too many redirects');
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }
}

describe('single sign-on with OpenID Connect', () => {
  let provider: ReturnType<Provider['listen']>;
  let server: ServerHandle;
  let issuer: string;
  let consoleUrl: string;
  let dir: string;

  beforeAll(async () => {
    const [providerPort, consolePort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    consoleUrl = `http://127.0.0.1:${consolePort}`;
    const oidc = new Provider(issuer, {
      clients: [
        { client_id: 'spark-console', client_secret: 'test-secret', redirect_uris: [`${consoleUrl}/api/console/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] },
      ],
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
      findAccount: async (_ctx, sub) => ({
        accountId: sub,
        claims: async () => ({ sub, preferred_username: sub, name: `${sub} (SSO)`, email: `${sub}@corp.example.com` }),
      }),
      pkce: { required: () => true },
    });
    provider = oidc.listen(providerPort);

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-oidc-'));
    const config = path.join(dir, 'console.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        projects: [{ name: 'alpha', eventLogs: [path.join(CONFORMANCE, 'rolling')], members: [{ user: 'erin', role: 'viewer' }] }],
        users: [
          { name: 'root', password: 'root-password', admin: true },
          { name: 'erin', displayName: 'Erin', email: 'erin@corp.example.com' },
        ],
        oidc: { name: 'Corp SSO', issuer, clientId: 'spark-console', clientSecret: 'test-secret', publicUrl: consoleUrl },
      }),
    );
    server = await startServerProcess(['--config', config, '--port', String(consolePort)], { auth: 'password', as: 'root:root-password' });
  });

  afterAll(async () => {
    await server?.stop();
    provider?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Goes through the provider's login and consent pages as `login`; returns the browser at the console. */
  async function signInAs(login: string): Promise<{ browser: Browser; landed: Response; landedUrl: string }> {
    const browser = new Browser();
    const options = (await (await fetch(`${server.url}/api/console/sign-in-options`)).json()) as { oidc: { name: string; loginUrl: string } };
    expect(options.oidc.name).toBe('Corp SSO');
    let step = await browser.follow(`${consoleUrl}${options.oidc.loginUrl}`);
    for (const prompt of ['login', 'consent']) {
      expect(step.url).toMatch(new RegExp(`^${issuer}/interaction/`));
      const html = await step.res.text();
      expect(html).toContain(`name="prompt" value="${prompt}"`);
      const submitted = await browser.go(step.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt }).toString(),
      });
      step = await browser.follow(new URL(submitted.headers.get('location')!, step.url).toString(), (u) => u.startsWith(`${consoleUrl}/`) && !u.includes('/api/'));
      if (step.url.startsWith(consoleUrl)) { if (step.res.status >= 400) throw new Error(`${step.url}: ${step.res.status} ${await step.res.text()}`); break; }
    }
    return { browser, landed: step.res, landedUrl: step.url };
  }

  it('signs an existing user in by name and opens a session on the console', async () => {
    const { browser, landedUrl } = await signInAs('erin');
    expect(landedUrl).toBe(`${consoleUrl}/`);
    const session = await browser.go(`${consoleUrl}/api/console/session`);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { name: 'erin', displayName: 'Erin', admin: false } });
    const apps = (await (await browser.go(`${consoleUrl}/api/v1/applications`)).json()) as unknown[];
    expect(apps).toHaveLength(1);
  });

  it('creates a first-time user without projects, and records the sign-in', async () => {
    const { browser } = await signInAs('frank');
    const session = (await (await browser.go(`${consoleUrl}/api/console/session`)).json()) as { user: { name: string; displayName: string } };
    expect(session.user).toMatchObject({ name: 'frank', displayName: 'frank (SSO)' });
    expect(await (await browser.go(`${consoleUrl}/api/v1/applications`)).json()).toEqual([]);
    const audit = (await (await fetch(`${server.url}/api/console/admin/audit?user=frank`, { headers: { Authorization: basic('root:root-password') } })).json()) as { entries: { action: string; detail: string }[] };
    expect(audit.entries.map((e) => `${e.action} ${e.detail}`)).toEqual(expect.arrayContaining(['signIn via oidc', 'userCreated first single sign-on']));
  });

  it('refuses a callback that was not started by this browser', async () => {
    const res = await fetch(`${consoleUrl}/api/console/oidc/callback?code=forged&state=forged`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/^single sign-on failed: /);
  });
});
