import 'server-only';
import { ConsoleError, type ConsoleErrorShape } from '@/lib/domain/console-error';
import type { GroupLagState } from '@/lib/domain/groups/lag-book';
import { eventStreamComment, toEventStreamText, type StreamEvent } from '@/lib/domain/stream/stream-events';
import { streamMetrics, type StreamCloseReason } from '@/lib/metrics/stream-metrics';
import type { LagSampler } from './lag-sampler';

export const LAG_HEARTBEAT_MS = 10_000;
const RETRY_MS = 3_000;
/** Frames a client may leave unread before it counts as gone (at one per interval, minutes of lag events). */
const MAX_UNREAD_FRAMES = 32;

const encoder = new TextEncoder();

export function lagEventOf(state: GroupLagState): StreamEvent {
  return {
    type: 'lag',
    group: state.evaluation,
    sampledAt: state.sampledAt,
    state: state.offsets.description.state,
    memberCount: state.offsets.description.members.length,
  };
}

export interface LagStreamOptions {
  groupId: string;
  signal?: AbortSignal;
  heartbeatMs?: number;
}

/**
 * One viewer's live lag of one group as a `text/event-stream` body. It subscribes to the cluster's
 * shared sampler (so a second viewer adds no requests to Kafka), sends the latest reading at once,
 * then one `lag` event per poll and a `heartbeat` event when nothing else went out for
 * `heartbeatMs`. It ends, and unsubscribes, on whichever comes first: ReadableStream.cancel, the
 * request's abort signal, a failed enqueue, or a client that stopped reading.
 */
export function openLagStream(sampler: LagSampler, options: LagStreamOptions): ReadableStream<Uint8Array> {
  const { groupId, signal } = options;
  const heartbeatMs = options.heartbeatMs ?? LAG_HEARTBEAT_MS;
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let lastWrite = Date.now();
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;

  const close = (reason: StreamCloseReason = 'client') => {
    if (closed) return;
    closed = true;
    streamMetrics.open.dec({ stream: 'lag' });
    streamMetrics.closed.inc({ stream: 'lag', reason });
    unsubscribe?.();
    if (heartbeat) clearInterval(heartbeat);
    signal?.removeEventListener('abort', onAbort);
    try {
      controllerRef?.close();
    } catch {
      // Already closed or errored by the runtime.
    }
  };

  const onAbort = () => close('client');

  const write = (text: string, type?: StreamEvent['type']) => {
    const controller = controllerRef;
    if (closed || !controller) return;
    if (controller.desiredSize !== null && controller.desiredSize < -MAX_UNREAD_FRAMES) {
      close('slow-client');
      return;
    }
    try {
      controller.enqueue(encoder.encode(text));
      lastWrite = Date.now();
      if (type) streamMetrics.events.inc({ stream: 'lag', type });
    } catch {
      close('write-failed');
    }
  };
  const send = (event: StreamEvent, retryMs?: number) => write(toEventStreamText({ event, ...(retryMs ? { retryMs } : {}) }), event.type);
  const sendError = (error: ConsoleErrorShape) => send({ type: 'error', error });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        streamMetrics.open.inc({ stream: 'lag' });
        if (signal?.aborted) return close('client');
        signal?.addEventListener('abort', onAbort);
        write(eventStreamComment(`lag of group ${groupId.replace(/[\r\n]/g, ' ')}, every ${sampler.intervalMs} ms`));
        const latest = sampler.book.state(groupId);
        if (latest) send(lagEventOf(latest), RETRY_MS);
        unsubscribe = sampler.subscribe({
          scope: [groupId],
          onSample: ({ states }) => {
            const state = states.get(groupId);
            if (state) send(lagEventOf(state));
            else sendError(new ConsoleError({ category: 'not-found', message: `Group "${groupId}" no longer exists.`, retryable: false }).toJSON());
          },
          onError: (e) => sendError(e.toJSON()),
        });
        heartbeat = setInterval(() => {
          if (Date.now() - lastWrite >= heartbeatMs - 50) send({ type: 'heartbeat', at: Date.now() });
        }, Math.max(50, Math.floor(heartbeatMs / 2)));
      },
      cancel() {
        close('client');
      },
    },
    { highWaterMark: 1 },
  );
}
