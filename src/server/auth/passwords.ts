import crypto from 'node:crypto';
import { promisify } from 'node:util';

/*
 * Password hashes: scrypt (memory-hard, in Node's crypto), stored as `scrypt$N$r$p$salt$hash` (base64) so
 * the cost can be raised later without breaking old hashes. Hashing runs on libuv's thread pool, off the
 * request thread.
 */

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

const COST = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, so allow headroom. */
const MAX_MEM = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEM });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Constant-time check; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length === 0) return false;
  const actual = await scrypt(password, salt, expected.length, { N, r, p, maxmem: Math.max(MAX_MEM, 256 * N * r) });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash that no password matches, checked against when the user does not exist (same time either way). */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return decoy;
}

/** A readable random password for generated accounts (≈ 95 bits). */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString('base64url').replace(/[-_]/g, 'x') + '-' + crypto.randomBytes(4).toString('hex');
}

/** Tokens and session ids are random, so a fast hash is enough to keep them unusable if the database leaks. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('base64url');
}
