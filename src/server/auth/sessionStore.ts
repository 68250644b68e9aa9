import crypto from 'node:crypto';
import type { AccessDb, SessionRow } from '../store/accessDb.js';
import { sha256 } from './passwords.js';

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  maxMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 8 * 3_600_000, maxMs: 7 * 24 * 3_600_000 };

/** Last-seen times are written at most this often, so browsing does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions. The cookie holds a random id; the database holds only its hash, the user, the CSRF
 * token and the times. Every sign-in makes a new id (no fixation), sign-out deletes the row.
 */
export class SessionStore {
  constructor(
    private readonly db: AccessDb,
    private readonly policy: SessionPolicy,
  ) {}

  create(user: string, now = Date.now()): { id: string; row: SessionRow } {
    const id = crypto.randomBytes(32).toString('base64url');
    const row: SessionRow = { idHash: sha256(id), user, csrf: crypto.randomBytes(24).toString('base64url'), createdAt: now, lastSeen: now };
    this.db.insertSession(row);
    return { id, row };
  }

  /** The live session for a cookie value, or undefined (unknown, idle too long, or too old: then deleted). */
  find(id: string, now = Date.now()): SessionRow | undefined {
    const idHash = sha256(id);
    const row = this.db.session(idHash);
    if (!row) return undefined;
    if (now - row.lastSeen > this.policy.idleMs || now - row.createdAt > this.policy.maxMs) {
      this.db.deleteSession(idHash);
      return undefined;
    }
    if (now - row.lastSeen > TOUCH_EVERY_MS) this.db.touchSession(idHash, now);
    return row;
  }

  expiresAt(row: SessionRow): number {
    return row.createdAt + this.policy.maxMs;
  }

  end(idHash: string): void {
    this.db.deleteSession(idHash);
  }

  /** Ends every session of `user` except `keepIdHash` (the caller's own, when they change their own password). */
  endAllOf(user: string, keepIdHash?: string): number {
    return this.db.deleteSessionsOf(user, keepIdHash);
  }

  sweep(now = Date.now()): void {
    this.db.expireSessions(now - this.policy.maxMs, now - this.policy.idleMs);
  }
}
