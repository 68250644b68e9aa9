/**
 * Spark's Utils.bytesToString(Long): binary units, a unit chosen only from twice its size ("2047.0 B",
 * "2.0 KiB"), one decimal rounded half-up on the exact quotient as Java's BigDecimal does. The server writes
 * it into SQL metric texts and the Storage pages show sizes with it, so both share this one definition.
 * (Spark's JavaScript pages use another rule: see src/web/lib/formatBytes.ts.)
 */

const SIZE_UNITS: ReadonlyArray<readonly [bigint, string]> = [
  [1n << 60n, 'EiB'],
  [1n << 50n, 'PiB'],
  [1n << 40n, 'TiB'],
  [1n << 30n, 'GiB'],
  [1n << 20n, 'MiB'],
  [1n << 10n, 'KiB'],
];

/** `"%.1f"` of the exact quotient n/d (RoundingMode.HALF_UP), without going through a double. */
function fixed1HalfUp(n: bigint, d: bigint): string {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = (a * 10n) / d;
  const r = (a * 10n) % d;
  if (2n * r >= d) q += 1n;
  return `${neg ? '-' : ''}${q / 10n}.${q % 10n}`;
}

export function bytesToString(size: number | bigint): string {
  const b = typeof size === 'bigint' ? size : BigInt(Math.trunc(Number.isFinite(size) ? size : 0));
  for (const [unit, name] of SIZE_UNITS) {
    if (b >= 2n * unit) return `${fixed1HalfUp(b, unit)} ${name}`;
  }
  return `${fixed1HalfUp(b, 1n)} B`;
}
