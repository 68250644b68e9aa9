import { useCallback, useEffect, useRef, useState } from 'react';
import { LOG_CHUNK_DEFAULT, LOG_CHUNK_MAX, type LogType } from '../../../api/index.js';
import { apiClient } from '../../api/apiClient.js';

/*
 * The loaded part of one log file: bytes [start, end) of `size`, as text. It opens at the tail (the last
 * 100 KiB, like Spark's log page), grows towards the top one 100 KiB chunk per "Load older", and towards the
 * bottom with everything appended since ("Load newer", or polling while following a running application).
 * While following, the oldest text is dropped beyond MAX_TEXT so a chatty log cannot fill the tab's memory.
 */

export const OLDER_CHUNK = LOG_CHUNK_DEFAULT;
/** Characters kept while following; older ones are dropped (and can be loaded again). */
export const MAX_TEXT = 4 * 1024 * 1024;
export const FOLLOW_INTERVAL_MS = 2_000;

export interface LogText {
  start: number;
  end: number;
  size: number;
  text: string;
  /** The last chunk read holds NUL bytes. */
  binary?: boolean;
}

export interface LogBufferState {
  data: LogText | undefined;
  /** The first load failed (404: no such log). */
  error: unknown;
  /** A later "Load older" / "Load newer" failed; the loaded text stays. */
  actionError: unknown;
  loadingOlder: boolean;
  loadingNewer: boolean;
  /** Bumped by every change of `data`, with what happened, so the view can keep its scroll position. */
  change: { kind: 'initial' | 'older' | 'newer' | 'reset' | 'jump'; seq: number };
}

const encoder = new TextEncoder();

/** Drops whole lines from the head until at most `max` characters remain; returns the bytes dropped. */
export function trimHead(text: string, max: number): { text: string; droppedBytes: number } {
  if (text.length <= max) return { text, droppedBytes: 0 };
  const cut = text.indexOf('\n', text.length - max);
  const at = cut < 0 ? text.length - max : cut + 1;
  return { text: text.slice(at), droppedBytes: encoder.encode(text.slice(0, at)).length };
}

/** The chunk to load so that byte `offset` sits in its middle. */
export function chunkAround(offset: number): { offset: number; length: number } {
  return { offset: Math.max(0, offset - OLDER_CHUNK / 2), length: OLDER_CHUNK };
}

/**
 * `initialOffset` (a deep link's byte) opens the log around that byte instead of at its tail; `loadAround`
 * later replaces the loaded text with the chunk around another byte (a search match elsewhere in the file).
 */
export function useLogBuffer(appId: string, executorId: string, logType: LogType, initialOffset?: number) {
  const [state, setState] = useState<LogBufferState>({ data: undefined, error: undefined, actionError: undefined, loadingOlder: false, loadingNewer: false, change: { kind: 'initial', seq: 0 } });
  const current = useRef(state);
  current.current = state;
  // Answers for a previous file (or after unmount) are dropped.
  const generation = useRef(0);
  const busy = useRef(false);

  const openAt = useRef(initialOffset);
  const loadTail = useCallback(
    async (gen: number, kind: 'initial' | 'reset') => {
      try {
        const at = kind === 'initial' ? openAt.current : undefined;
        const chunk = await apiClient.appLogChunk(appId, executorId, logType, at === undefined ? { offset: -1, length: OLDER_CHUNK } : chunkAround(at));
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, data: chunk, error: undefined, change: { kind, seq: s.change.seq + 1 } }));
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, error }));
      }
    },
    [appId, executorId, logType],
  );

  useEffect(() => {
    const gen = ++generation.current;
    busy.current = false;
    setState({ data: undefined, error: undefined, actionError: undefined, loadingOlder: false, loadingNewer: false, change: { kind: 'initial', seq: 0 } });
    void loadTail(gen, 'initial');
    return () => {
      generation.current++; // eslint-disable-line react-hooks/exhaustive-deps -- a counter: the bump cancels loads still in flight
    };
  }, [loadTail]);

  const loadOlder = useCallback(async () => {
    const data = current.current.data;
    if (data === undefined || data.start === 0 || busy.current) return;
    const gen = generation.current;
    busy.current = true;
    setState((s) => ({ ...s, loadingOlder: true }));
    try {
      const from = Math.max(0, data.start - OLDER_CHUNK);
      const chunk = await apiClient.appLogChunk(appId, executorId, logType, { offset: from, length: data.start - from });
      if (gen !== generation.current) return;
      setState((s) =>
        s.data === undefined
          ? s
          : {
              ...s,
              loadingOlder: false,
              actionError: undefined,
              data: { start: chunk.start, end: s.data.end, size: Math.max(s.data.size, chunk.size), text: chunk.text + s.data.text },
              change: { kind: 'older', seq: s.change.seq + 1 },
            },
      );
    } catch (error) {
      if (gen === generation.current) setState((s) => ({ ...s, loadingOlder: false, actionError: error }));
    } finally {
      if (gen === generation.current) busy.current = false;
    }
  }, [appId, executorId, logType]);

  /** Fetches what was appended since the loaded end; resolves to the number of new bytes. */
  const loadNewer = useCallback(async (): Promise<number> => {
    const data = current.current.data;
    if (data === undefined || busy.current) return 0;
    const gen = generation.current;
    busy.current = true;
    setState((s) => ({ ...s, loadingNewer: true }));
    try {
      const chunk = await apiClient.appLogChunk(appId, executorId, logType, { offset: data.end, length: LOG_CHUNK_MAX });
      if (gen !== generation.current) return 0;
      if (chunk.size < data.end) {
        // The file was truncated or replaced: start over at its tail.
        setState((s) => ({ ...s, loadingNewer: false }));
        busy.current = false;
        await loadTail(gen, 'reset');
        return 0;
      }
      const added = chunk.end - data.end;
      setState((s) => {
        if (s.data === undefined) return s;
        if (added <= 0) return { ...s, loadingNewer: false, actionError: undefined, data: { ...s.data, size: chunk.size } };
        const trimmed = trimHead(s.data.text + chunk.text, MAX_TEXT);
        return {
          ...s,
          loadingNewer: false,
          actionError: undefined,
          data: { start: s.data.start + trimmed.droppedBytes, end: chunk.end, size: chunk.size, text: trimmed.text },
          change: { kind: 'newer', seq: s.change.seq + 1 },
        };
      });
      return Math.max(0, added);
    } catch (error) {
      if (gen === generation.current) setState((s) => ({ ...s, loadingNewer: false, actionError: error }));
      return 0;
    } finally {
      if (gen === generation.current) busy.current = false;
    }
  }, [appId, executorId, logType, loadTail]);

  /** Makes byte `offset` part of the loaded text: nothing to do when it is, else the chunk around it replaces it. */
  const loadAround = useCallback(
    async (offset: number): Promise<void> => {
      const data = current.current.data;
      if (data !== undefined && offset >= data.start && (offset < data.end || (offset === data.end && data.end >= data.size))) return;
      const gen = ++generation.current;
      busy.current = true;
      try {
        const chunk = await apiClient.appLogChunk(appId, executorId, logType, chunkAround(offset));
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, data: chunk, error: undefined, actionError: undefined, change: { kind: 'jump', seq: s.change.seq + 1 } }));
      } catch (error) {
        if (gen === generation.current) setState((s) => ({ ...s, actionError: error }));
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [appId, executorId, logType],
  );

  return { ...state, loadOlder, loadNewer, loadAround };
}

/** Polls for appended text every FOLLOW_INTERVAL_MS while `on`. */
export function useFollow(on: boolean, loadNewer: () => Promise<number>): void {
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => void loadNewer(), FOLLOW_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [on, loadNewer]);
}
