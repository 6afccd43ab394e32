import type { ConsoleErrorShape } from '../console-error';
import type { GroupLagEvaluation } from '../lag/lag-status';
import type { MessageView } from '../messages/message-model';

/**
 * What the server sends down a live-data stream (browse, tail, lag), one variant per SSE `event:`
 * name, so the client has one reducer over one union and nothing else to parse. Every field is
 * JSON-safe: offsets are strings.
 */
export type StreamEvent = BatchEvent | ProgressEvent | LagEvent | ErrorEvent | HeartbeatEvent;

export interface BatchEvent {
  type: 'batch';
  messages: MessageView[];
}

export interface PartitionProgress {
  partition: number;
  /** Next offset the stream will read. */
  position: string;
  /** High watermark when last seen; position = end means caught up. */
  end: string;
  /** A live tail cannot read this partition now (its leader is unreachable) and keeps trying: why. */
  stalled?: string;
}

export interface ProgressEvent {
  type: 'progress';
  /** Records read so far, including those a filter rejected. */
  scanned: number;
  /** Records sent (that passed the filter). */
  matched: number;
  /** Records this viewer missed because it read slower than the stream (see ViewerQueue). */
  dropped: number;
  partitions: PartitionProgress[];
  /** Messages per second over the rate meter's window. */
  rate?: number;
  /** Browse finished (end offsets or limit reached); a tail never sets it. */
  done: boolean;
  /** Records the server-side filter could not evaluate (counted as no match), and the first reason. */
  filterErrors?: number;
  filterError?: string;
}

export interface LagEvent {
  type: 'lag';
  group: GroupLagEvaluation;
  /** When the sampler read these offsets (ms since the epoch): the lag chart's x. */
  sampledAt?: number;
  /** The group's state and member count at that poll (DescribeGroups), so a view can follow a rebalance. */
  state?: string;
  memberCount?: number;
}

export interface ErrorEvent {
  type: 'error';
  error: ConsoleErrorShape;
}

/** Sent when nothing else was for a while, so proxies keep the connection and the client can tell "quiet" from "dead". */
export interface HeartbeatEvent {
  type: 'heartbeat';
  /** Server time, ms since the epoch. */
  at: number;
}

export type StreamEventType = StreamEvent['type'];

export interface EventFrame {
  event: StreamEvent;
  /**
   * The stream position after this event (see stream-cursor.ts), sent as the SSE `id`. The browser
   * returns the last one in Last-Event-ID when it reconnects. Only events that move the position
   * need one: an event without an id leaves the browser's last id as it was.
   */
  id?: string;
  /** Tells the browser how long to wait before reconnecting, in ms. */
  retryMs?: number;
}

/**
 * The `text/event-stream` text of one event, per the WHATWG HTML spec ("Server-sent events"):
 * optional `id:` and `retry:` lines, `event:` with the type, one `data:` line per line of the JSON,
 * and a blank line to dispatch. JSON.stringify never emits a raw line break, but splitting keeps the
 * frame valid for any payload, since a bare CR or LF inside a data line would end it early.
 */
export function toEventStreamText(frame: EventFrame): string {
  let out = '';
  if (frame.id !== undefined) {
    if (/[\r\n\0]/.test(frame.id)) throw new RangeError('An SSE id cannot contain a line break or NUL (the browser would drop or split it).');
    out += `id: ${frame.id}\n`;
  }
  if (frame.retryMs !== undefined) {
    if (!Number.isInteger(frame.retryMs) || frame.retryMs < 0) throw new RangeError(`SSE retry must be a whole number of ms; got ${frame.retryMs}.`);
    out += `retry: ${frame.retryMs}\n`;
  }
  out += `event: ${frame.event.type}\n`;
  for (const line of JSON.stringify(frame.event).split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return out + '\n';
}

/**
 * A comment line: ignored by EventSource, but it flushes proxies and opens the stream at once.
 * Sent first on every connection.
 */
export function eventStreamComment(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `: ${line}\n`)
    .join('')
    .concat('\n');
}

/**
 * Response headers for an SSE route. `no-transform` and X-Accel-Buffering stop compressing or
 * buffering proxies (nginx) from holding events back. No `Connection` header: HTTP/2 forbids it.
 */
export const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

/**
 * A batch event whose messages are already JSON text (each MessageView serialised once, however
 * many viewers receive it): the same frame toEventStreamText writes for { type: 'batch', messages },
 * assembled by joining strings. The texts must be JSON.stringify output, which has no line breaks.
 */
export function batchEventStreamText(messageJsons: readonly string[], id?: string): string {
  const { head, tail } = batchEventStreamEnvelope(id);
  return `${head}${messageJsons.join(',')}${tail}`;
}

/**
 * The text around a batch frame's messages (joined by commas): for writers that assemble the frame
 * as bytes.
 */
export function batchEventStreamEnvelope(id?: string): { head: string; tail: string } {
  if (id !== undefined && /[\r\n\0]/.test(id)) throw new RangeError('An SSE id cannot contain a line break or NUL (the browser would drop or split it).');
  return { head: `${id !== undefined ? `id: ${id}\n` : ''}event: batch\ndata: {"type":"batch","messages":[`, tail: ']}\n\n' };
}
