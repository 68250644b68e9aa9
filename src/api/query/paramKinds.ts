import { z } from 'zod';
import { formatSparkDate } from '../spark/sparkDate.js';
import { sparkErrors } from '../spark/errors.js';
import { fail, ok, type Decoded, type QueryParam } from './queryParam.js';

/*
 * The kinds of query parameter Spark's REST API (and our console API) use. Every bad value becomes a 400
 * with a clear text: Spark's own text where Spark has one (quantiles, dates), the same
 * `Bad value for parameter "x".  Expected …, got "…"` form otherwise. (Jersey would answer 404 for a bad
 * enum or int; we deliberately do not.)
 */

const JAVA_INT_MAX = 2_147_483_647;

/** Spark matches enum names ignoring case (EnumUtil.parseIgnoreCase). */
function matchIgnoreCase<V extends string>(values: readonly V[], text: string): V | undefined {
  const lower = text.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}

/** Repeated-key enum filter, e.g. `status=succeeded&status=FAILED`. Decodes to canonical names, de-duplicated; [] = no filter. */
export function enumListParam<const V extends string>(values: readonly V[], description: string): QueryParam<V[]> {
  const expected = `one of [${values.map((v) => v.toLowerCase()).join(', ')}]`;
  return {
    multi: true,
    description: `${description} Case-insensitive; repeat the key for several values.`,
    wire: z.array(z.enum(values as [V, ...V[]])).default([]),
    decode(name, raw) {
      const out: V[] = [];
      for (const text of raw) {
        const v = matchIgnoreCase(values, text);
        if (v === undefined) return fail(sparkErrors.badParameter(name, expected, text));
        if (!out.includes(v)) out.push(v);
      }
      return ok(out);
    },
    encode: (value) => [...value],
    errorTemplate: (name) => sparkErrors.badParameter(name, expected, '{value}'),
  };
}

/**
 * Single-valued enum with a default; `aliases` are extra accepted spellings (e.g. Spark's `-runtime` for
 * DECREASING_RUNTIME). Matching ignores case for names and aliases alike.
 */
export function enumParam<const V extends string>(
  values: readonly V[],
  options: { default: NoInfer<V>; aliases?: Readonly<Record<string, NoInfer<V>>>; description: string },
): QueryParam<V> {
  const aliases = options.aliases ?? {};
  const spellings = [...values, ...Object.keys(aliases)];
  const expected = `one of [${spellings.join(', ')}]`;
  return {
    multi: false,
    description: `${options.description} Case-insensitive.`,
    wire: z.enum(spellings as [string, ...string[]]).default(options.default),
    decode(name, raw) {
      const text = raw[0];
      if (text === undefined) return ok(options.default);
      const alias = Object.keys(aliases).find((a) => a.toLowerCase() === text.toLowerCase());
      const v = alias !== undefined ? aliases[alias] : matchIgnoreCase(values, text);
      return v === undefined ? fail(sparkErrors.badParameter(name, expected, text)) : ok(v);
    },
    encode: (value) => [value],
    errorTemplate: (name) => sparkErrors.badParameter(name, expected, '{value}'),
  };
}

/** `true`/`false` in any case. Jersey would silently read anything else as false; we answer 400 instead. */
export function booleanParam(defaultValue: boolean, description: string): QueryParam<boolean> {
  const expected = 'a boolean (true or false)';
  return {
    multi: false,
    description,
    wire: z.boolean().default(defaultValue),
    decode(name, raw) {
      const text = raw[0];
      if (text === undefined) return ok(defaultValue);
      const lower = text.toLowerCase();
      if (lower === 'true') return ok(true);
      if (lower === 'false') return ok(false);
      return fail(sparkErrors.badParameter(name, expected, text));
    },
    encode: (value) => [String(value)],
    errorTemplate: (name) => sparkErrors.badParameter(name, expected, '{value}'),
  };
}

interface IntOptions {
  description: string;
  /** Inclusive bounds; default 0 … Java's Int.MaxValue. */
  min?: number;
  max?: number;
}

function intRule(options: IntOptions) {
  const min = options.min ?? 0;
  const max = options.max ?? JAVA_INT_MAX;
  const expected = min === 0 && max === JAVA_INT_MAX ? 'a non-negative integer' : `an integer between ${min} and ${max}`;
  const decodeText = (name: string, text: string): Decoded<number> => {
    // Java's Integer.parseInt syntax: optional sign, decimal digits, nothing else.
    if (!/^[+-]?\d+$/.test(text)) return fail(sparkErrors.badParameter(name, expected, text));
    const n = Number(text);
    return n < min || n > max ? fail(sparkErrors.badParameter(name, expected, text)) : ok(n);
  };
  return { min, max, expected, decodeText };
}

/** An integer with a default (offset, length). */
export function intParam(options: IntOptions & { default: number }): QueryParam<number> {
  const rule = intRule(options);
  return {
    multi: false,
    description: options.description,
    wire: z.int().min(rule.min).max(rule.max).default(options.default),
    decode: (name, raw) => (raw[0] === undefined ? ok(options.default) : rule.decodeText(name, raw[0])),
    encode: (value) => [String(value)],
    errorTemplate: (name) => sparkErrors.badParameter(name, rule.expected, '{value}'),
  };
}

/** An integer whose absence means "no limit" (applications `limit`). */
export function optionalIntParam(options: IntOptions): QueryParam<number | undefined> {
  const rule = intRule(options);
  return {
    multi: false,
    description: options.description,
    wire: z.int().min(rule.min).max(rule.max),
    decode: (name, raw) => (raw[0] === undefined ? ok(undefined) : rule.decodeText(name, raw[0])),
    encode: (value) => (value === undefined ? [] : [String(value)]),
    errorTemplate: (name) => sparkErrors.badParameter(name, rule.expected, '{value}'),
  };
}

/** Java's Double.parseDouble accepts surrounding whitespace; we accept plain decimal/exponent notation. */
const DOUBLE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * Comma-separated quantiles, e.g. `0.05,0.5,0.95`. A non-number gets Spark's exact text
 * (`Bad value for parameter "quantiles".  Expected a double, got "foo"`); a number outside [0, 1], which
 * Spark would misuse silently, gets the same form with `a double between 0 and 1`.
 */
export function quantilesParam(defaults: readonly number[], description: string): QueryParam<number[]> {
  const defaultText = defaults.map((q) => q.toFixed(Math.max(1, decimals(q)))).join(',');
  return {
    multi: false,
    description: `${description} Comma-separated numbers in [0, 1].`,
    wire: z.string().default(defaultText),
    decode(name, raw) {
      const text = raw[0];
      if (text === undefined) return ok([...defaults]);
      const out: number[] = [];
      for (const piece of text.split(',')) {
        if (!DOUBLE.test(piece)) return fail(sparkErrors.badParameter(name, 'a double', piece));
        const q = Number(piece);
        if (q < 0 || q > 1) return fail(sparkErrors.badParameter(name, 'a double between 0 and 1', piece));
        out.push(q);
      }
      return ok(out);
    },
    encode: (value) => (value.length === 0 ? [] : [value.join(',')]),
    errorTemplate: (name) => sparkErrors.badParameter(name, 'a double', '{value}'),
  };
}

function decimals(q: number): number {
  const s = String(q);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * A date bound (minDate, maxDate, minEndDate, maxEndDate) decoded to epoch ms. Spark accepts
 * `yyyy-MM-dd'T'HH:mm:ss.SSSz` (e.g. `2015-02-03T16:42:40.000GMT`) or `yyyy-MM-dd` (GMT midnight) and
 * answers `Couldn't parse date: X` otherwise. Unlike Java's lenient SimpleDateFormat we reject impossible
 * dates (2015-02-30) and trailing text.
 */
export function dateParam(defaultText: string, description: string): QueryParam<number> {
  const defaultMs = parseDateParam(defaultText);
  if (defaultMs === undefined) throw new Error(`bad default date ${defaultText}`);
  return {
    multi: false,
    description: `${description} Format yyyy-MM-dd'T'HH:mm:ss.SSSz (e.g. 2015-02-03T16:42:40.000GMT) or yyyy-MM-dd (GMT midnight).`,
    wire: z.string().default(defaultText),
    decode(_name, raw) {
      const text = raw[0];
      if (text === undefined) return ok(defaultMs);
      const ms = parseDateParam(text);
      return ms === undefined ? fail(sparkErrors.badDate(text)) : ok(ms);
    },
    encode: (value) => [formatSparkDate(value)],
    errorTemplate: () => sparkErrors.badDate('{value}'),
  };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(.+)$/;
/** Zones SimpleDateFormat's `z` reads that are unambiguous: GMT/UTC, GMT±h[h][:mm], RFC 822 ±hhmm. */
const ZONE = /^(?:GMT|UTC)$|^(?:GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** Parses a date query value to epoch ms, or undefined. Exported for the server's own tests and reuse. */
export function parseDateParam(text: string): number | undefined {
  let m = DATE_ONLY.exec(text);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0, 0, 0);
  m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const zone = ZONE.exec(m[8]!);
  if (!zone) return undefined;
  let offsetMin = 0;
  if (zone[1] !== undefined) {
    const hours = +zone[2]!;
    const minutes = zone[3] === undefined ? 0 : +zone[3];
    // `GMT+5` and `+0530` are both fine; a bare `+5` is not RFC 822 but SimpleDateFormat accepts it too.
    if (hours > 23 || minutes > 59) return undefined;
    offsetMin = (zone[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!, offsetMin);
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number) {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 2015-02-30 over to March; a changed day means the date did not exist.
  if (new Date(t).getUTCDate() !== d) return undefined;
  return t - offsetMin * 60_000;
}

/** Repeated-key free-text filter (console: user, project, version). Empty values are ignored. */
export function stringListParam(description: string): QueryParam<string[]> {
  return {
    multi: true,
    description: `${description} Repeat the key for several values.`,
    wire: z.array(z.string()).default([]),
    decode: (_name, raw) => ok([...new Set(raw.filter((v) => v !== ''))]),
    encode: (value) => [...value],
    errorTemplate: () => '',
  };
}

/**
 * Required free text (log search `q`): absent, empty or longer than `maxLength` characters (code points, as
 * JSON Schema's maxLength counts them) is a 400.
 */
export function requiredTextParam(options: { maxLength: number; description: string }): QueryParam<string> {
  const expected = `a text of 1 to ${options.maxLength} characters`;
  return {
    multi: false,
    required: true,
    description: options.description,
    wire: z.string().min(1).max(options.maxLength),
    decode(name, raw) {
      const text = raw[0] ?? '';
      if (text === '' || [...text].length > options.maxLength) return fail(sparkErrors.badParameter(name, expected, text));
      return ok(text);
    },
    encode: (value) => [value],
    errorTemplate: (name) => sparkErrors.badParameter(name, expected, '{value}'),
  };
}

/** Optional free text (console: search). An empty value counts as absent. */
export function optionalStringParam(description: string): QueryParam<string | undefined> {
  return {
    multi: false,
    description,
    wire: z.string(),
    decode: (_name, raw) => ok(raw[0] === undefined || raw[0] === '' ? undefined : raw[0]),
    encode: (value) => (value === undefined || value === '' ? [] : [value]),
    errorTemplate: () => '',
  };
}
