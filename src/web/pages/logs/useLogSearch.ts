import { useCallback, useRef, useState } from 'react';
import type { LogSearchMatch, LogType } from '../../../api/index.js';
import { apiClient } from '../../api/apiClient.js';

/*
 * A whole-file search of one log, asked of the server one match at a time: the server counts every match
 * and answers the next (or previous) one from a byte offset, so "match i of N" and next/previous work on a
 * file of any size without loading it. Reaching either end wraps around, like a browser's find.
 */

export interface SearchSpec {
  q: string;
  regex: boolean;
  matchCase: boolean;
}

export interface SearchState {
  /** The search the answer is for. */
  spec: SearchSpec | undefined;
  total: number;
  totalExact: boolean;
  current: LogSearchMatch | undefined;
  /** Rank of `current` (0-based), when the server counted that far. */
  index: number | null;
  searching: boolean;
  error: unknown;
}

const IDLE: SearchState = { spec: undefined, total: 0, totalExact: true, current: undefined, index: null, searching: false, error: undefined };
const END = Number.MAX_SAFE_INTEGER;

export function useLogSearch(appId: string, executorId: string, logType: LogType) {
  const [state, setState] = useState<SearchState>(IDLE);
  const latest = useRef(0);

  const ask = useCallback(
    async (spec: SearchSpec, from: number, direction: 'forward' | 'backward'): Promise<LogSearchMatch | undefined> => {
      const call = ++latest.current;
      setState((s) => ({ ...s, searching: true, error: undefined }));
      try {
        const params = { q: spec.q, regex: spec.regex, matchCase: spec.matchCase, limit: 1 };
        let page = await apiClient.appLogSearch(appId, executorId, logType, { ...params, from, direction });
        // Past the last (or before the first) match: wrap around.
        if (page.matches.length === 0 && page.total > 0) {
          page = await apiClient.appLogSearch(appId, executorId, logType, { ...params, from: direction === 'forward' ? 0 : END, direction });
        }
        if (call !== latest.current) return undefined;
        const current = page.matches[0];
        setState({ spec, total: page.total, totalExact: page.totalExact, current, index: current?.index ?? null, searching: false, error: undefined });
        return current;
      } catch (error) {
        if (call === latest.current) setState({ ...IDLE, spec, error });
        return undefined;
      }
    },
    [appId, executorId, logType],
  );

  const clear = useCallback(() => {
    latest.current++;
    setState(IDLE);
  }, []);

  return { ...state, ask, clear };
}
