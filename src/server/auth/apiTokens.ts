import crypto from 'node:crypto';
import type { TokenInfo } from '../../api/console/accounts.js';
import type { AccessDb, TokenRow } from '../store/accessDb.js';
import { sha256 } from './passwords.js';

/** Tokens start with this, so a leaked one is easy to recognise (secret scanners, logs). */
export const TOKEN_PREFIX = 'scx_';

export function tokenInfo(t: TokenRow): TokenInfo {
  return { id: t.id, user: t.user, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt };
}

/** Personal API tokens: random secrets shown once, stored as hashes, with an expiry, revocable. */
export class ApiTokens {
  constructor(private readonly db: AccessDb) {}

  create(user: string, name: string, expiresInDays: number, now = Date.now()): { token: string; row: TokenRow } {
    const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
    const row: TokenRow = {
      id: crypto.randomBytes(8).toString('hex'),
      user,
      name,
      secretHash: sha256(token),
      createdAt: now,
      expiresAt: now + expiresInDays * 86_400_000,
      lastUsedAt: null,
      revokedAt: null,
    };
    this.db.insertToken(row);
    return { token, row };
  }

  /** The token row for a presented secret, if it is live (known, not revoked, not expired). */
  verify(secret: string, now = Date.now()): TokenRow | undefined {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
    const row = this.db.tokenBySecretHash(sha256(secret));
    if (!row || row.revokedAt !== null || row.expiresAt <= now) return undefined;
    if (row.lastUsedAt === null || now - row.lastUsedAt > 60_000) this.db.touchToken(row.id, now);
    return row;
  }

  list(user: string): TokenRow[] {
    return this.db.tokensOf(user);
  }

  get(id: string): TokenRow | undefined {
    return this.db.token(id);
  }

  revoke(id: string, now = Date.now()): boolean {
    return this.db.revokeToken(id, now);
  }
}
