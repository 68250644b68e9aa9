import { MAX_TIME_MS, MIN_TIME_MS } from '../../api/spark/sparkDate.js';

/**
 * Lenient readers for event-log JSON. Spark's own reader throws on a wrong type; we coerce where the meaning
 * is clear (numbers written as strings, "NaN") and fall back to the documented default otherwise.
 */
export type Json = Record<string, any>;

export function num(value: unknown, fallback = 0): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : fallback;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : fallback;
  }
  return fallback;
}

export function optNum(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = num(value, Number.NaN);
  return Number.isNaN(n) ? undefined : n;
}

export function str(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return fallback;
  return String(value);
}

export function optStr(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

export function bool(value: unknown, fallback = false): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

export function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function arr(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** A JSON object of string values (Properties, Log Urls, Attributes); non-string values are stringified. */
export function stringMap(value: unknown): Record<string, string> {
  const o = obj(value);
  const out: Record<string, string> = {};
  if (!o) return out;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v !== undefined && v !== null) out[k] = typeof v === 'string' ? v : String(v);
  }
  return out;
}

/**
 * Bounded readers: values outside what Spark writes are clamped when read, so that one bad field cannot
 * fail a store write (an INTEGER PRIMARY KEY) or a date on the read path.
 *
 * Epoch-ms times are clamped to the years 0000–9999: what Spark's REST date format (four-digit year) and its
 * clients can carry.
 */
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

function clampInt(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.trunc(n)));
}

export function time(value: unknown, fallback = 0): number {
  return clampInt(num(value, fallback), MIN_TIME_MS, MAX_TIME_MS);
}

export function optTime(value: unknown): number | undefined {
  const n = optNum(value);
  return n === undefined ? undefined : clampInt(n, MIN_TIME_MS, MAX_TIME_MS);
}

/** Ids Spark reads as Int (job, stage, RDD, attempt, index, partition): a fraction is truncated, as Jackson's intValue does. */
export function intId(value: unknown, fallback = 0): number {
  return clampInt(num(value, fallback), INT_MIN, INT_MAX);
}

/** Ids Spark reads as Long (task, accumulator): integers within what a JS number holds exactly. */
export function longId(value: unknown, fallback = 0): number {
  return clampInt(num(value, fallback), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}
