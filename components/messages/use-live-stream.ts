'use client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ConsoleErrorShape } from '@/lib/domain/console-error';
import { initialLiveViewState, liveViewReducer } from '@/lib/domain/stream/live-view-state';
import type { StreamEvent } from '@/lib/domain/stream/stream-events';

const EVENT_TYPES = ['batch', 'progress', 'error', 'heartbeat'] as const;

/**
 * An EventSource (the browser's own SSE client: reconnects by itself and sends Last-Event-ID, which
 * is what makes a resume gapless) feeding the one reducer. Events are parsed as they come and
 * dispatched once per animation frame, so React renders at most 60 times a second however fast the
 * topic is. `start(url)` opens a stream, `stop()` closes it (pause, cancel, unmount).
 */
export function useLiveStream(keep: number, options: { closeOnDone?: boolean } = {}) {
  const [state, dispatch] = useReducer(liveViewReducer, keep, initialLiveViewState);
  const source = useRef<EventSource | null>(null);
  const pending = useRef<StreamEvent[]>([]);
  const pendingId = useRef<string | undefined>(undefined);
  const frame = useRef<number | null>(null);
  const closeOnDone = options.closeOnDone ?? false;

  const flush = useCallback(() => {
    frame.current = null;
    if (!pending.current.length) return;
    const events = pending.current;
    pending.current = [];
    dispatch({ type: 'events', events, lastId: pendingId.current });
  }, []);

  const stop = useCallback(() => {
    source.current?.close();
    source.current = null;
  }, []);

  const start = useCallback(
    (url: string) => {
      stop();
      dispatch({ type: 'connect' });
      const es = new EventSource(url);
      source.current = es;
      const onEvent = (e: MessageEvent<string>) => {
        if (source.current !== es) return;
        let event: StreamEvent;
        try {
          event = JSON.parse(e.data) as StreamEvent;
        } catch {
          return;
        }
        pending.current.push(event);
        if (e.lastEventId) pendingId.current = e.lastEventId;
        // A fatal error or the end of a search: EventSource would otherwise reconnect and start over.
        if (event.type === 'error' || (closeOnDone && event.type === 'progress' && event.done)) {
          es.close();
          flush();
          return;
        }
        frame.current ??= requestAnimationFrame(flush);
      };
      for (const type of EVENT_TYPES) es.addEventListener(type, onEvent as EventListener);
      es.onerror = () => {
        if (source.current !== es) return;
        if (es.readyState === EventSource.CLOSED) {
          const error: ConsoleErrorShape = { category: 'unavailable', message: 'The connection to the console server was lost.', retryable: true };
          dispatch({ type: 'failed', error });
        } else dispatch({ type: 'reconnecting' });
      };
    },
    [closeOnDone, flush, stop],
  );

  const pause = useCallback(() => {
    stop();
    flush();
    dispatch({ type: 'pause' });
  }, [flush, stop]);

  useEffect(
    () => () => {
      source.current?.close();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const clear = useCallback(() => dispatch({ type: 'clear' }), []);
  return { state, start, stop, pause, clear };
}
