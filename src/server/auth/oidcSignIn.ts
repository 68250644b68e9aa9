import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { ApiError } from '../api/apiError.js';
import type { OidcDeclaration } from '../consoleConfigFile.js';
import type { AccessDb, UserRow } from '../store/accessDb.js';
import type { AccessDirectory } from './accessDirectory.js';

const FLOW_COOKIE = 'spark_console_oidc';

type Claims = { sub: string } & Record<string, unknown>;
const FLOW_TTL_MS = 10 * 60_000;

interface PendingFlow {
  state: string;
  codeVerifier: string;
  nonce: string;
  expires: number;
}

/**
 * Single sign-on with OpenID Connect (authorization code + PKCE, through openid-client). A provider's user
 * maps to a console user with the same name (`preferred_username`) or e-mail; with `createUsers`, one that
 * matches nobody is created without password or projects.
 */
export class OidcSignIn {
  private readonly pending = new Map<string, PendingFlow>();

  private constructor(
    private readonly settings: OidcDeclaration,
    private readonly config: oidc.Configuration,
    private readonly accessDb: AccessDb,
    private readonly directory: AccessDirectory,
  ) {}

  static async discover(settings: OidcDeclaration, accessDb: AccessDb, directory: AccessDirectory): Promise<OidcSignIn> {
    const issuer = new URL(settings.issuer);
    // A provider on plain http is only acceptable on this machine (tests, a local provider).
    const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    const config = await oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, local ? { execute: [oidc.allowInsecureRequests] } : {});
    return new OidcSignIn(settings, config, accessDb, directory);
  }

  get displayName(): string {
    return this.settings.name;
  }

  private get redirectUri(): string {
    return new URL('/api/console/oidc/callback', this.settings.publicUrl).toString();
  }

  /** The provider's authorization URL; the flow's secrets stay on the server, keyed by an HttpOnly cookie. */
  async start(reply: FastifyReply): Promise<string> {
    const now = Date.now();
    for (const [k, f] of this.pending) if (f.expires < now) this.pending.delete(k);
    const flow: PendingFlow = { state: oidc.randomState(), codeVerifier: oidc.randomPKCECodeVerifier(), nonce: oidc.randomNonce(), expires: now + FLOW_TTL_MS };
    const key = crypto.randomBytes(24).toString('base64url');
    this.pending.set(key, flow);
    reply.setCookie(FLOW_COOKIE, key, { httpOnly: true, sameSite: 'lax', path: '/api/console/oidc', maxAge: FLOW_TTL_MS / 1000 });
    return oidc
      .buildAuthorizationUrl(this.config, {
        redirect_uri: this.redirectUri,
        scope: 'openid profile email',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /** Checks the provider's answer and returns the console user it maps to. */
  async finish(req: FastifyRequest, reply: FastifyReply): Promise<UserRow> {
    const key = req.cookies?.[FLOW_COOKIE];
    const flow = key ? this.pending.get(key) : undefined;
    if (key) this.pending.delete(key);
    reply.clearCookie(FLOW_COOKIE, { path: '/api/console/oidc' });
    if (!flow || flow.expires < Date.now()) throw new ApiError(401, 'single sign-on failed: the sign-in took too long or was not started here');
    const current = new URL(req.url, this.redirectUri);
    let claims: Claims;
    try {
      const tokens = await oidc.authorizationCodeGrant(this.config, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      // Providers may keep profile and e-mail claims out of the ID token: ask the UserInfo endpoint too.
      const userInfo = await oidc.fetchUserInfo(this.config, tokens.access_token, idToken.sub);
      claims = { ...idToken, ...userInfo };
    } catch (err) {
      throw new ApiError(401, `single sign-on failed: ${(err as Error).message}`);
    }
    return this.userFor(claims);
  }

  private userFor(claims: Claims): UserRow {
    const email = typeof claims.email === 'string' ? claims.email : undefined;
    const preferred = typeof claims.preferred_username === 'string' ? claims.preferred_username : undefined;
    const byName = preferred ? this.directory.user(preferred) : undefined;
    const byEmail = email ? this.directory.users().find((u) => u.email?.toLowerCase() === email.toLowerCase()) : undefined;
    const existing = byName ?? byEmail;
    if (existing) return existing;
    const name = (preferred ?? email?.split('@')[0] ?? claims.sub).replace(/[^A-Za-z0-9._@-]/g, '_').slice(0, 64);
    if (!this.settings.createUsers || this.directory.user(name)) {
      throw new ApiError(401, `single sign-on failed: no console user for ${preferred ?? email ?? claims.sub}`);
    }
    const row: UserRow = {
      name,
      displayName: typeof claims.name === 'string' ? claims.name : name,
      email: email ?? null,
      passwordHash: null,
      admin: false,
      createdAt: Date.now(),
    };
    this.accessDb.insertUser(row);
    this.directory.reload();
    this.accessDb.audit({ user: name, action: 'userCreated', project: null, target: name, address: null, detail: 'first single sign-on' });
    return row;
  }
}
