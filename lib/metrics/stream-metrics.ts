import 'server-only';
import { consoleCounter, consoleGauge } from './registry';

/**
 * Counters every server-sent event stream shares, labelled by `stream` (lag, tail, browse, search):
 * how many are open, what they sent, and why they ended. Reasons: `client` (cancel or abort),
 * `write-failed`, `slow-client`, `server`.
 */
export type StreamKind = 'lag' | 'tail' | 'browse' | 'search';
export type StreamCloseReason = 'client' | 'write-failed' | 'slow-client' | 'server';

export const streamMetrics = {
  open: consoleGauge('kea_sse_streams_open', 'Server-sent event streams open now.', ['stream']),
  events: consoleCounter('kea_sse_events_sent_total', 'Events sent over server-sent event streams, by event type.', ['stream', 'type']),
  closed: consoleCounter('kea_sse_streams_closed_total', 'Server-sent event streams that ended, by why.', ['stream', 'reason']),
};
