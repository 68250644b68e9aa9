import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/*
 * Page state that should survive a reload or a shared link (tab, sort, page, filters) lives in the URL's
 * search params. These hooks read and write single params; writes keep every other param untouched.
 */

export interface UrlWriteOptions {
  /** Replace the history entry instead of pushing one (for keystrokes, not for deliberate choices). */
  replace?: boolean;
  /** Params to delete in the same write, e.g. the page number when a filter changes. */
  reset?: readonly string[];
}

export type ParamUpdates = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Writes several params at once; undefined, '' and [] delete a param. */
export function useSetUrlParams(): (updates: ParamUpdates, options?: UrlWriteOptions) => void {
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (updates, options) => {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const name of options?.reset ?? []) next.delete(name);
          for (const [name, value] of Object.entries(updates)) {
            next.delete(name);
            if (value === undefined) continue;
            if (typeof value === 'string') {
              if (value !== '') next.set(name, value);
            } else {
              for (const v of value) next.append(name, v);
            }
          }
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setSearchParams],
  );
}

/** One string param with a default; setting the default removes it so URLs stay short. */
export function useUrlParam(name: string, defaultValue = ''): [string, (value: string, options?: UrlWriteOptions) => void] {
  const [params] = useSearchParams();
  const set = useSetUrlParams();
  const value = params.get(name) ?? defaultValue;
  const setValue = useCallback(
    (v: string, options?: UrlWriteOptions) => set({ [name]: v === defaultValue ? undefined : v }, options),
    [set, name, defaultValue],
  );
  return [value, setValue];
}

/** A repeated param (`?status=running&status=failed`). */
export function useUrlParamList(name: string): [string[], (values: readonly string[], options?: UrlWriteOptions) => void] {
  const [params] = useSearchParams();
  const set = useSetUrlParams();
  const values = params.getAll(name);
  const setValues = useCallback((v: readonly string[], options?: UrlWriteOptions) => set({ [name]: v }, options), [set, name]);
  return [values, setValues];
}

/** A non-negative integer param; garbage in a hand-edited URL falls back to the default. */
export function useUrlInt(name: string, defaultValue: number): [number, (value: number, options?: UrlWriteOptions) => void] {
  const [raw, setRaw] = useUrlParam(name, String(defaultValue));
  const parsed = Number.parseInt(raw, 10);
  const value = Number.isFinite(parsed) && parsed >= 0 ? parsed : defaultValue;
  const setValue = useCallback((v: number, options?: UrlWriteOptions) => setRaw(String(v), options), [setRaw]);
  return [value, setValue];
}
