/** Lenient field readers for the SQL fold: numbers may arrive as strings, anything may be null or missing. */

export type JsonObject = Record<string, any>;

export function asObject(v: unknown): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A finite number from a number or numeric string; undefined otherwise. */
export function optNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** An integral id (job, stage, task, execution, accumulator); undefined when absent or not integral. */
export function optInt(v: unknown): number | undefined {
  const n = optNumber(v);
  // Ids beyond ±2^53 are not exact in a number (nor storable as a key): the event is skipped and counted.
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

export function optString(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : String(v);
}

export function asBool(v: unknown): boolean {
  return v === true || v === 'true';
}

const LONG_TEXT = /^[+-]?\d+$/;
const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

/**
 * Java's `String.toLong` for an accumulator update as it appears in a log (a string, or a number in
 * hand-written logs). Returns undefined where Spark would throw.
 */
export function parseLongValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v >= LONG_MIN && v <= LONG_MAX ? Number(v) : undefined;
  if (typeof v !== 'string' || !LONG_TEXT.test(v)) return undefined;
  if (v.length < 16) return Number(v);
  const b = BigInt(v);
  return b >= LONG_MIN && b <= LONG_MAX ? Number(b) : undefined;
}

/** A string→string map (modifiedConfigs); non-string values are stringified. */
export function stringRecord(v: unknown): Record<string, string> {
  const o = asObject(v);
  const out: Record<string, string> = {};
  if (!o) return out;
  for (const [k, val] of Object.entries(o)) {
    if (val === undefined || val === null) continue;
    out[k] = typeof val === 'string' ? val : String(val);
  }
  return out;
}
