/** Spark's default spark.redaction.regex. */
export const SPARK_DEFAULT_REDACTION = /secret|password|token|access[.]key/i;
export const REDACTED = '*********(redacted)';

/** Utils.redact: a pair is redacted when its key or its value matches. */
export function redactPairs(pairs: [string, string][], pattern: RegExp): [string, string][] {
  return pairs.map(([k, v]) => (pattern.test(k) || pattern.test(v) ? [k, REDACTED] : [k, v]));
}
