import type { ConsoleErrorShape } from '../console-error';
import type { MessageView } from '../messages/message-model';
import type { PartitionProgress, StreamEvent } from './stream-events';

/**
 * The one reducer behind the live tail and search views: every StreamEvent goes through it, in
 * batches (one dispatch per animation frame, whatever the message rate). It keeps a sample of the
 * newest `keep` messages to render and counts everything: a view at thousands of messages per
 * second renders a few hundred rows and still says exactly how many arrived and how many the server
 * had to skip for it.
 *
 * Counters in progress events are per connection; the view adds them up across reconnects.
 */
export interface LiveViewState {
  status: 'idle' | 'connecting' | 'live' | 'reconnecting' | 'paused' | 'done' | 'failed';
  /** Oldest first; at most `keep`. */
  messages: MessageView[];
  keep: number;
  /** Messages received in batches, all connections. */
  received: number;
  scanned: number;
  matched: number;
  /** Messages the server skipped for this view because it read too slowly (or retention removed them before a resume). */
  dropped: number;
  filterErrors: number;
  filterError?: string;
  serverRate: number;
  partitions: PartitionProgress[];
  /** The last SSE id: where a paused view resumes. */
  lastId?: string;
  error?: ConsoleErrorShape;
  /** Totals of the connections before the current one. */
  base: { scanned: number; matched: number; dropped: number; filterErrors: number };
  /** The current connection's latest counters. */
  current: { scanned: number; matched: number; dropped: number; filterErrors: number };
}

export type LiveViewAction =
  | { type: 'connect' }
  | { type: 'reconnecting' }
  | { type: 'events'; events: readonly StreamEvent[]; lastId?: string }
  | { type: 'pause' }
  | { type: 'failed'; error: ConsoleErrorShape }
  | { type: 'clear' };

const ZERO = { scanned: 0, matched: 0, dropped: 0, filterErrors: 0 };

export function initialLiveViewState(keep = 2_000): LiveViewState {
  return { status: 'idle', messages: [], keep, received: 0, scanned: 0, matched: 0, dropped: 0, filterErrors: 0, serverRate: 0, partitions: [], base: ZERO, current: ZERO };
}

export function liveViewReducer(state: LiveViewState, action: LiveViewAction): LiveViewState {
  switch (action.type) {
    case 'connect': {
      const base = add(state.base, state.current);
      return { ...state, status: 'connecting', error: undefined, base, current: ZERO };
    }
    case 'reconnecting':
      return state.status === 'paused' || state.status === 'done' || state.status === 'failed' ? state : { ...state, status: 'reconnecting' };
    case 'pause':
      return { ...state, status: 'paused' };
    case 'failed':
      return { ...state, status: 'failed', error: action.error };
    case 'clear':
      return { ...initialLiveViewState(state.keep), status: state.status, lastId: state.lastId, base: add(ZERO, ZERO), current: ZERO };
    case 'events':
      return applyEvents(state, action.events, action.lastId);
  }
}

function applyEvents(state: LiveViewState, events: readonly StreamEvent[], lastId: string | undefined): LiveViewState {
  let incoming: MessageView[] = [];
  let received = state.received;
  let current = state.current;
  let { serverRate, partitions, filterError, status, error } = state;
  for (const event of events) {
    switch (event.type) {
      case 'batch':
        received += event.messages.length;
        // Only the newest `keep` can be shown: don't copy more than that out of a burst.
        incoming = event.messages.length >= state.keep ? event.messages.slice(-state.keep) : incoming.concat(event.messages);
        if (incoming.length > state.keep * 2) incoming = incoming.slice(-state.keep);
        if (status === 'connecting' || status === 'reconnecting') status = 'live';
        break;
      case 'progress':
        current = { scanned: event.scanned, matched: event.matched, dropped: event.dropped, filterErrors: event.filterErrors ?? 0 };
        serverRate = event.rate ?? serverRate;
        partitions = event.partitions;
        filterError = event.filterError ?? filterError;
        if (event.done) status = 'done';
        else if (status === 'connecting' || status === 'reconnecting') status = 'live';
        break;
      case 'error':
        error = event.error;
        status = 'failed';
        break;
      case 'heartbeat':
      case 'lag':
        break;
    }
  }
  let messages = state.messages;
  if (incoming.length) {
    const merged = messages.concat(incoming);
    messages = merged.length > state.keep ? merged.slice(merged.length - state.keep) : merged;
  }
  const totals = add(state.base, current);
  return {
    ...state,
    status,
    error,
    messages,
    received,
    current,
    scanned: totals.scanned,
    matched: totals.matched,
    dropped: totals.dropped,
    filterErrors: totals.filterErrors,
    filterError,
    serverRate,
    partitions,
    lastId: lastId ?? state.lastId,
  };
}

function add(a: typeof ZERO, b: typeof ZERO): typeof ZERO {
  return { scanned: a.scanned + b.scanned, matched: a.matched + b.matched, dropped: a.dropped + b.dropped, filterErrors: a.filterErrors + b.filterErrors };
}
