import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { APP_CHANGE_EVENT, APP_COMPLETE_EVENT, AppChangeEvent, keysForChange } from '../../api/index.js';
import { apiClient } from './apiClient.js';

export type LiveState = 'off' | 'connecting' | 'live' | 'ended';

/**
 * While an application runs, listens to its server-sent change stream and invalidates exactly the queries
 * whose resources changed (keysForChange), instead of polling every endpoint.
 */
export function useAppChanges(appId: string, running: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('off');

  useEffect(() => {
    if (!running || typeof EventSource === 'undefined') {
      setState('off');
      return;
    }
    setState('connecting');
    const source = new EventSource(apiClient.appChangesUrl(appId));
    const apply = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return; // A garbled message is ignored; the next one carries the newest state anyway.
      }
      const event = AppChangeEvent.safeParse(parsed);
      if (!event.success) return;
      for (const queryKey of keysForChange(event.data)) void queryClient.invalidateQueries({ queryKey });
    };
    source.onopen = () => setState('live');
    source.addEventListener(APP_CHANGE_EVENT, (m) => apply(m as MessageEvent<string>));
    source.addEventListener(APP_COMPLETE_EVENT, (m) => {
      apply(m as MessageEvent<string>);
      setState('ended');
      // The server closes the stream after `complete`; stop the browser from reconnecting.
      source.close();
    });
    return () => source.close();
  }, [appId, running, queryClient]);

  return state;
}
