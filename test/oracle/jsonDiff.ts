/**
 * Every difference between two REST answers, compared the way HistoryServerSuite compares (see
 * test/support/sparkJsonCompare.ts: objects by key in any order, arrays by position, numbers by value, after
 * blanking `lastUpdated`), and the checked-in list of known differences they are matched against.
 */
export type DiffKind = 'missing' | 'unexpected' | 'value' | 'length' | 'type' | 'status';

export interface Difference {
  /** `$.a[].b`: array positions folded to `[]`. */
  path: string;
  kind: DiffKind;
  detail: string;
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 160) ?? String(v);

export function allDifferences(actual: unknown, expected: unknown, at = '$', out: Difference[] = []): Difference[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (!(actual === expected || (Number.isNaN(actual) && Number.isNaN(expected)))) out.push({ path: at, kind: 'value', detail: `${actual} != ${expected}` });
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path: at, kind: 'type', detail: `expected an array, got ${show(actual)}` });
      return out;
    }
    if (actual.length !== expected.length) {
      out.push({ path: at, kind: 'length', detail: `${actual.length} != ${expected.length}` });
      return out;
    }
    for (let i = 0; i < expected.length; i++) allDifferences(actual[i], expected[i], `${at}[]`, out);
    return out;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      out.push({ path: at, kind: 'type', detail: `expected an object, got ${show(actual)}` });
      return out;
    }
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const k of Object.keys(e)) {
      if (!(k in a)) out.push({ path: `${at}.${k}`, kind: 'missing', detail: `Spark has ${show(e[k])}` });
      else allDifferences(a[k], e[k], `${at}.${k}`, out);
    }
    for (const k of Object.keys(a)) if (!(k in e)) out.push({ path: `${at}.${k}`, kind: 'unexpected', detail: `ours has ${show(a[k])}` });
    return out;
  }
  if (actual !== expected) out.push({ path: at, kind: actual === undefined || typeof actual !== typeof expected ? 'type' : 'value', detail: `${show(actual)} != ${show(expected)}` });
  return out;
}

/** Every field path (arrays folded to `[]`) an answer has: what Spark 3.5 answers, to tell 4.x-only fields. */
export function fieldPaths(value: unknown, at = '$', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) fieldPaths(v, `${at}[]`, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${at}.${k}`);
      fieldPaths(v, `${at}.${k}`, out);
    }
  }
  return out;
}

export interface KnownDifference {
  /** `3.5`, `4` or `*`. */
  release: string;
  /** The endpoint pattern (ids as `{app}`, `{job}`, …, query kept); `*` matches any run of characters. */
  endpoint: string;
  /** The field path as in Difference.path; `*` matches any run of characters. */
  path: string;
  kind?: DiffKind;
  reason: string;
}

const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

export function matcher(known: KnownDifference[]) {
  const compiled = known.map((k) => ({ k, endpoint: glob(k.endpoint), path: glob(k.path) }));
  return (release: string, endpoint: string, d: Difference): KnownDifference | undefined =>
    compiled.find((c) => (c.k.release === '*' || c.k.release === release) && (!c.k.kind || c.k.kind === d.kind) && c.endpoint.test(endpoint) && c.path.test(d.path))?.k;
}
