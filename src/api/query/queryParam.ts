import { z } from 'zod';

/**
 * One query parameter of an endpoint: how to read it from the raw query string (with Spark's defaults and
 * error texts), how to write it back (for the typed client), and how to document it (OpenAPI).
 * Decoding and encoding live side by side so a client round trip is testable and nothing drifts.
 */
export interface QueryParam<T> {
  /** Whether the key may repeat (`?status=a&status=b`). Single-valued keys use the first occurrence, as Jersey does. */
  readonly multi: boolean;
  /** The key must be sent (OpenAPI `required`); decode answers 400 without it. */
  readonly required?: true;
  readonly description: string;
  /** The parameter as it appears on the wire, for the OpenAPI document (converted with z.toJSONSchema). */
  readonly wire: z.ZodType;
  /** `values` holds every occurrence of the key in order; it is empty when the key is absent. */
  decode(name: string, values: readonly string[]): Decoded<T>;
  /** Inverse of decode; an empty array means "leave the key out" (the server then applies the default). */
  encode(value: T): string[];
  /** The 400 text for a bad value, with `{value}` where the offending text goes (for the docs). */
  errorTemplate(name: string): string;
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
export const fail = (error: string): Decoded<never> => ({ ok: false, error });

/** The value type a parameter decodes to. */
export type ParamValue<P> = P extends QueryParam<infer T> ? T : never;
