import type { FastifyRequest } from 'fastify';
import { accessErrors } from '../../api/access.js';
import { ApiError } from '../api/apiError.js';
import type { AccessDb, UserRow } from '../store/accessDb.js';
import type { AccessDirectory } from './accessDirectory.js';
import type { Principal } from './accessScope.js';
import type { ApiTokens } from './apiTokens.js';
import type { FailureThrottle } from './failureThrottle.js';
import { decoyHash, sha256, verifyPassword } from './passwords.js';
import type { SessionStore } from './sessionStore.js';

export const SESSION_COOKIE = 'spark_console_session';

/** The single user of `--auth none` (loopback only). */
export const LOCAL_PRINCIPAL: Principal = { name: 'local', displayName: 'Local user', admin: true, via: 'none' };

/** Verified Basic credentials are remembered briefly: scrypt on every request of a polling client would be slow. */
const BASIC_CACHE_MS = 5 * 60_000;
const BASIC_CACHE_MAX = 1000;

export type AuthMode = 'password' | 'none';

/**
 * Works out who is calling: a cookie session, a personal API token (`Authorization: Bearer`) or HTTP Basic
 * (Spark History Server clients, `curl -u`). Password checks and their throttling live here too, shared by
 * the sign-in form and Basic.
 */
export class Authenticator {
  /** Keyed by a hash of `user:password`; an entry holds for the password hash it was checked against only. */
  private readonly basicCache = new Map<string, { user: string; passwordHash: string; until: number }>();

  constructor(
    readonly mode: AuthMode,
    private readonly db: AccessDb,
    private readonly directory: AccessDirectory,
    readonly sessions: SessionStore,
    readonly tokens: ApiTokens,
    private readonly throttle: FailureThrottle,
  ) {}

  /**
   * The caller, undefined when no credentials came. Credentials that came but do not check out are a 401
   * (429 when throttled), whatever the route: a client should learn its token is dead.
   */
  async identify(req: FastifyRequest): Promise<Principal | undefined> {
    if (this.mode === 'none') return LOCAL_PRINCIPAL;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const [scheme, value = ''] = header.split(' ', 2) as [string, string?];
      if (scheme.toLowerCase() === 'bearer') return this.fromToken(value.trim(), req.ip);
      if (scheme.toLowerCase() === 'basic') return this.fromBasic(value.trim(), req.ip);
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const row = this.sessions.find(cookie);
      const user = row && this.directory.user(row.user);
      if (row && user) return principalOf(user, 'session', { idHash: row.idHash, csrf: row.csrf, createdAt: row.createdAt });
    }
    return undefined;
  }

  /** Checks a password with throttling; the same answer and about the same time whether the user exists or not. */
  async checkPassword(name: string, password: string, address: string): Promise<UserRow> {
    const wait = this.throttle.retryAfter(name, address);
    if (wait > 0) throw new ApiError(429, accessErrors.throttled(wait), { 'Retry-After': String(wait) });
    const user = this.directory.user(name);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !user.passwordHash || !ok) {
      this.throttle.fail(name, address);
      this.db.audit({ user: name.slice(0, 100), action: 'signInFailed', project: null, target: null, address, detail: null });
      throw new ApiError(401, accessErrors.badCredentials());
    }
    this.throttle.succeed(name);
    return user;
  }

  private fromToken(secret: string, address: string): Principal {
    const wait = this.throttle.retryAfter(undefined, address);
    if (wait > 0) throw new ApiError(429, accessErrors.throttled(wait), { 'Retry-After': String(wait) });
    const row = this.tokens.verify(secret);
    const user = row && this.directory.user(row.user);
    if (!user) {
      this.throttle.fail(undefined, address);
      throw new ApiError(401, accessErrors.signInRequired());
    }
    return principalOf(user, 'token');
  }

  private async fromBasic(encoded: string, address: string): Promise<Principal> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new ApiError(401, accessErrors.signInRequired());
    const name = decoded.slice(0, colon);
    const key = sha256(decoded);
    const cached = this.basicCache.get(key);
    const now = Date.now();
    if (cached && cached.until > now && cached.user === name) {
      const user = this.directory.user(name);
      // A changed password ends what was remembered of the old one.
      if (user && user.passwordHash === cached.passwordHash) return principalOf(user, 'basic');
    }
    const user = await this.checkPassword(name, decoded.slice(colon + 1), address);
    if (this.basicCache.size >= BASIC_CACHE_MAX) this.basicCache.delete(this.basicCache.keys().next().value!);
    this.basicCache.set(key, { user: name, passwordHash: user.passwordHash!, until: now + BASIC_CACHE_MS });
    return principalOf(user, 'basic');
  }
}

export function principalOf(user: UserRow, via: Principal['via'], session?: Principal['session']): Principal {
  return { name: user.name, displayName: user.displayName, admin: user.admin, via, ...(session ? { session } : {}) };
}
