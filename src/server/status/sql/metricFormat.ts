/**
 * Spark's SQL metric display strings (SQLMetrics.stringValue in 3.5) and the Utils formatters it relies on
 * (bytesToString, msDurationToString). Every branch reproduces Java's formatting rules, because the REST
 * answer carries these strings verbatim.
 */

import { bytesToString } from '../../../api/spark/bytesToString.js';

export const SUM_METRIC = 'sum';
export const SIZE_METRIC = 'size';
export const TIMING_METRIC = 'timing';
export const NS_TIMING_METRIC = 'nsTiming';
export const AVERAGE_METRIC = 'average';
const V2_CUSTOM_PREFIX = 'v2Custom_';

const METRICS_NAME_SUFFIX = '(min, med, max (stageId: taskId))';

/** Non-sum metrics also track which task produced the largest value (SQLMetrics.metricNeedsMax). */
export function metricNeedsMax(metricType: string): boolean {
  return metricType !== SUM_METRIC;
}

/** Whether stringValue can render this type. Data-source v2 custom metrics render as "N/A" (see below). */
export function isKnownMetricType(metricType: string): boolean {
  return (
    metricType === SUM_METRIC ||
    metricType === SIZE_METRIC ||
    metricType === TIMING_METRIC ||
    metricType === NS_TIMING_METRIC ||
    metricType === AVERAGE_METRIC ||
    metricType.startsWith(V2_CUSTOM_PREFIX)
  );
}

const TWO_POW_63 = 1n << 63n;
const TWO_POW_64 = 1n << 64n;

/** Scala's Long arithmetic wraps; sums of Long arrays do too. */
function wrapLong(v: bigint): bigint {
  let r = v % TWO_POW_64;
  if (r >= TWO_POW_63) r -= TWO_POW_64;
  else if (r < -TWO_POW_63) r += TWO_POW_64;
  return r;
}

/** Sum of integer values with Long wrap-around; exact even past 2^53. */
export function longSum(values: ArrayLike<number>): bigint {
  let s = 0;
  let safe = true;
  for (let i = 0; i < values.length; i++) {
    s += values[i]!;
    if (!Number.isSafeInteger(s)) {
      safe = false;
      break;
    }
  }
  if (safe) return BigInt(s);
  let b = 0n;
  for (let i = 0; i < values.length; i++) b += BigInt(Math.trunc(values[i]!));
  return wrapLong(b);
}

function toBig(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
}

/** NumberFormat.getIntegerInstance(Locale.US).format(long): "#,##0". */
export function formatUsInteger(v: number | bigint): string {
  const b = toBig(v);
  const neg = b < 0n;
  const digits = (neg ? -b : b).toString();
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return neg ? '-' + out : out;
}

/**
 * Java's `String.format("%.Nf", double)`: the shortest decimal digits that identify the double
 * (FloatingDecimal), then rounded half-up at N fraction digits. This differs from toFixed(), which rounds the
 * exact binary value (0.15 → "0.1" in JS, "0.2" in Java).
 */
export function javaFixed(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  let scaled = 0n; // the result × 10^precision
  if (abs !== 0) {
    // toExponential() with no argument yields the shortest round-trip digits, like Java's FloatingDecimal.
    const [mantissa, exponent] = abs.toExponential().split('e') as [string, string];
    const digits = mantissa.replace('.', '');
    const keep = Number(exponent) + 1 + precision; // digits that stay left of the rounding position
    if (keep >= 0) {
      scaled = keep > 0 ? BigInt(digits.slice(0, keep).padEnd(keep, '0')) : 0n;
      if (keep < digits.length && digits.charCodeAt(keep) - 48 >= 5) scaled += 1n;
    }
  }
  const s = scaled.toString().padStart(precision + 1, '0');
  const intPart = s.slice(0, s.length - precision);
  return sign + (precision > 0 ? `${intPart}.${s.slice(s.length - precision)}` : intPart);
}

/** Utils.msDurationToString: "N ms", else seconds/minutes/hours computed in Float precision. */
export function msDurationToString(ms: number): string {
  const second = 1000;
  const minute = 60 * second;
  const hour = 60 * minute;
  if (ms < second) return `${Math.trunc(ms)} ms`;
  const f = Math.fround(ms);
  if (ms < minute) return `${javaFixed(Math.fround(f / second), 1)} s`;
  if (ms < hour) return `${javaFixed(Math.fround(f / minute), 1)} m`;
  return `${javaFixed(Math.fround(f / hour), 2)} h`;
}

/** NumberFormat.getNumberInstance(Locale.US).format(value / 10.0): average metrics are stored ×10. */
function averageToString(value: number): string {
  const b = toBig(value);
  const neg = b < 0n;
  const a = neg ? -b : b;
  const whole = formatUsInteger(a / 10n);
  const frac = a % 10n;
  return `${neg ? '-' : ''}${whole}${frac === 0n ? '' : '.' + frac.toString()}`;
}

function nsToMs(ns: number): number {
  return Math.trunc(ns / 1_000_000);
}

/**
 * Max-value location for a metric: [value, stageId, stageAttemptId, taskId]; empty when the largest value came
 * from the driver (rendered "(driver)").
 */
export type MaxMetricInfo = readonly number[];

/**
 * SQLMetrics.stringValue: aggregates all task (and driver) values of one metric into its display string.
 * Returns undefined for a metric type Spark cannot render (it throws there).
 */
export function stringValue(metricType: string, values: ArrayLike<number>, maxMetrics: MaxMetricInfo): string | undefined {
  const taskInfo =
    maxMetrics.length === 0 ? '(driver)' : `(stage ${maxMetrics[1]}.${maxMetrics[2]}: task ${maxMetrics[3]})`;
  if (metricType === SUM_METRIC) {
    return formatUsInteger(longSum(values));
  }
  if (metricType.startsWith(V2_CUSTOM_PREFIX)) {
    // The History Server usually lacks the data source's CustomMetric class and falls back to "N/A".
    return 'N/A';
  }
  if (metricType === AVERAGE_METRIC) {
    const valid = filtered(values, (v) => v > 0);
    if (valid.length <= 1) return averageToString(valid.length === 1 ? valid[0]! : 0);
    valid.sort();
    const min = averageToString(valid[0]!);
    const med = averageToString(valid[valid.length >> 1]!);
    const max = averageToString(valid[valid.length - 1]!);
    return `${METRICS_NAME_SUFFIX}:\n(${min}, ${med}, ${max} ${taskInfo})`;
  }
  let fmt: (v: number | bigint) => string;
  if (metricType === SIZE_METRIC) fmt = bytesToString;
  else if (metricType === TIMING_METRIC) fmt = (v) => msDurationToString(Number(v));
  else if (metricType === NS_TIMING_METRIC) fmt = (v) => msDurationToString(nsToMs(Number(v)));
  else return undefined;
  const valid = filtered(values, (v) => v >= 0);
  if (valid.length <= 1) return fmt(valid.length === 1 ? valid[0]! : 0);
  valid.sort();
  const sum = fmt(longSum(valid));
  const min = fmt(valid[0]!);
  const med = fmt(valid[valid.length >> 1]!);
  const max = fmt(valid[valid.length - 1]!);
  return `total ${METRICS_NAME_SUFFIX}\n${sum} (${min}, ${med}, ${max} ${taskInfo})`;
}

function filtered(values: ArrayLike<number>, keep: (v: number) => boolean): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (keep(values[i]!)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (keep(values[i]!)) out[j++] = values[i]!;
  return out;
}
