/**
 * Spark's HistoryServerSuite comparison: volatile `lastUpdated` fields blanked, objects compared by key
 * regardless of order, arrays by position, numbers by value. Returns the first difference, or undefined.
 */
export function normalizeVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeVolatile);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'lastUpdated') out[k] = '';
      else if (k === 'lastUpdatedEpoch') out[k] = 0;
      else out[k] = normalizeVolatile(v);
    }
    return out;
  }
  return value;
}

export function firstDifference(actual: unknown, expected: unknown, at = '$'): string | undefined {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return actual === expected || (Number.isNaN(actual) && Number.isNaN(expected)) ? undefined : `${at}: ${actual} != expected ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${JSON.stringify(actual)?.slice(0, 200)}`;
    if (actual.length !== expected.length) return `${at}: array length ${actual.length} != expected ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(actual[i], expected[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: expected an object, got ${JSON.stringify(actual)?.slice(0, 200)}`;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!(k in a)) return `${at}.${k}: missing`;
    for (const k of Object.keys(a)) if (!(k in e)) return `${at}.${k}: unexpected field (${JSON.stringify(a[k])?.slice(0, 120)})`;
    for (const k of Object.keys(e)) {
      const d = firstDifference(a[k], e[k], `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${at}: ${JSON.stringify(actual)?.slice(0, 200)} != expected ${JSON.stringify(expected)?.slice(0, 200)}`;
}
