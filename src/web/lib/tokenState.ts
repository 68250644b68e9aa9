import type { TokenInfo } from '../../api/index.js';

/** What a personal API token is now: revoked wins over expired (a revoked token stays revoked). */
export function tokenState(t: TokenInfo, now: number): 'revoked' | 'expired' | 'active' {
  if (t.revokedAt !== null) return 'revoked';
  return t.expiresAt <= now ? 'expired' : 'active';
}
