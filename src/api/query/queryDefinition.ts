import type { ParamValue, QueryParam } from './queryParam.js';

/** A query string as Fastify parses it: a repeated key becomes an array. */
export type RawQuery = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Returned by a parse function instead of values; the server answers 400 with `error` as plain text. */
export interface QueryError {
  readonly error: string;
}

export type QueryParams = Readonly<Record<string, QueryParam<any>>>;

/** Typed, fully defaulted values of a query. */
export type QueryValues<P extends QueryParams> = { -readonly [K in keyof P]: ParamValue<P[K]> };

/** What a caller (typed client, query keys) may pass: any subset; left-out keys take the server's default. */
export type QueryInput<P extends QueryParams> = { [K in keyof P]?: ParamValue<P[K]> };

export interface QueryDefinition<P extends QueryParams> {
  readonly params: P;
  /** Raw query → typed values with defaults applied, or the 400 text of the first bad parameter. Unknown keys are ignored, as Spark does. */
  parse(raw: RawQuery): QueryValues<P> | QueryError;
  /** Typed values → ordered `[key, value]` pairs for a URL (repeated keys for lists). */
  encode(input: QueryInput<P>): [string, string][];
}

/** Value type of a query definition, e.g. `QueryOf<typeof taskListQuery>`. */
export type QueryOf<D> = D extends QueryDefinition<infer P> ? QueryValues<P> : never;
/** Client-side input type of a query definition. */
export type QueryInputOf<D> = D extends QueryDefinition<infer P> ? QueryInput<P> : never;

export function isQueryError(value: unknown): value is QueryError {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

function occurrences(raw: RawQuery, name: string): readonly string[] {
  // hasOwn: a key such as "constructor" must not pick up Object.prototype members.
  if (!Object.hasOwn(raw, name)) return [];
  const value = raw[name];
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return value.filter((v): v is string => typeof v === 'string');
}

export function defineQuery<const P extends QueryParams>(params: P): QueryDefinition<P> {
  return {
    params,
    parse(raw) {
      const out: Record<string, unknown> = {};
      for (const [name, param] of Object.entries(params)) {
        const decoded = param.decode(name, occurrences(raw, name));
        if (!decoded.ok) return { error: decoded.error };
        out[name] = decoded.value;
      }
      return out as QueryValues<P>;
    },
    encode(input) {
      const pairs: [string, string][] = [];
      for (const [name, param] of Object.entries(params)) {
        const value = (input as Record<string, unknown>)[name];
        if (value === undefined) continue;
        for (const text of param.encode(value)) pairs.push([name, text]);
      }
      return pairs;
    },
  };
}
