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
}

export interface LagEvent {
  type: 'lag';
  group: GroupLagEvaluation;
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
