// The SSE client of the tail benches: Node's http client, the `eventsource-parser` library (the
// WHATWG parsing rules, no hand-rolled framing) and JSON.parse of every event's data, which is what
// a browser tab does with each batch.
import http from 'node:http';
import { createParser } from 'eventsource-parser';

/**
 * Reads an SSE stream, calling `onEvent(type, data, id)` per event with its JSON parsed. Returns
 * `done` (the response ended) and `close` (disconnect).
 */
export function readEventStream(url, onEvent, headers = {}) {
  let req;
  const parser = createParser({
    onEvent: (event) => onEvent(event.event ?? 'message', JSON.parse(event.data), event.id),
    onError: (error) => {
      throw error;
    },
  });
  const done = new Promise((resolve, reject) => {
    req = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk) => parser.feed(chunk));
      res.on('end', resolve);
      res.on('error', resolve);
    });
    req.on('error', reject);
  });
  return { done, close: () => req.destroy() };
}
