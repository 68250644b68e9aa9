/** Spark's default spark.redaction.regex. */
export const SPARK_DEFAULT_REDACTION = /secret|password|token|access[.]key/i;
export const REDACTED = '*********(redacted)';

/** Utils.redact: a pair is redacted when its key or its value matches. */
export function redactPairs(pairs: [string, string][], pattern: RegExp): [string, string][] {
  return pairs.map(([k, v]) => (pattern.test(k) || pattern.test(v) ? [k, REDACTED] : [k, v]));
}

/**
 * MaxCompute AccessKey ids are not secrets by Spark's regex, but they name the account a job ran as:
 * shown with their first four characters only (a deliberate difference from Spark).
 */
const ACCESS_ID_KEY = /(^|[.])access[.]id$/i;
export const MASKED_SUFFIX = '****(masked)';

export function maskAccessIds(pairs: [string, string][]): [string, string][] {
  return pairs.map(([k, v]) => (ACCESS_ID_KEY.test(k) && !v.startsWith('*') ? [k, `${v.slice(0, 4)}${MASKED_SUFFIX}`] : [k, v]));
}
