'use client';
import { useEffect, useReducer } from 'react';
import { initialLagView, lagViewReducer, type LagViewInit, type LagViewState } from '@/lib/domain/groups/lag-view-state';
import type { StreamEvent } from '@/lib/domain/stream/stream-events';

/**
 * The group's live lag: one EventSource, one reducer, closed on unmount. The browser reconnects on
 * its own after a dropped connection; an error the server says retrying cannot fix (the group was
 * deleted) closes the stream for good.
 */
export function useLagStream(cluster: string, groupId: string, init: LagViewInit): LagViewState {
  const [view, dispatch] = useReducer(lagViewReducer, init, initialLagView);

  // A server render after mount (router.refresh after a reset) may hold a newer reading than the stream.
  useEffect(() => {
    dispatch({ type: 'server-render', init });
  }, [init]);

  useEffect(() => {
    const source = new EventSource(`/api/clusters/${encodeURIComponent(cluster)}/lag?group=${encodeURIComponent(groupId)}`);
    const apply = (data: string) => {
      let event: StreamEvent;
      try {
        event = JSON.parse(data) as StreamEvent;
      } catch {
        return;
      }
      dispatch({ type: 'event', event, receivedAt: Date.now() });
      if (event.type === 'error' && !event.error.retryable) {
        source.close();
        dispatch({ type: 'connection', status: 'closed' });
      }
    };
    const onMessage = (e: MessageEvent<string>) => apply(e.data);
    source.addEventListener('lag', onMessage);
    source.addEventListener('heartbeat', onMessage);
    // `error` is both the server's typed event (a MessageEvent with data) and the connection's own.
    source.addEventListener('error', (e) => {
      if (e instanceof MessageEvent && typeof e.data === 'string') apply(e.data);
      else dispatch({ type: 'connection', status: source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting' });
    });
    source.addEventListener('open', () => dispatch({ type: 'connection', status: 'live' }));
    return () => source.close();
  }, [cluster, groupId]);

  return view;
}
