import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createParser, type EventSourceParser } from 'eventsource-parser';
import { NextRequest } from 'next/server';

/**
 * A real HTTP server around the app's route handlers, piping the Response body to the socket the way
 * Next.js's own server does (pipe-readable.ts: a WritableStream that waits for 'drain', an
 * AbortController fired on the response's 'close'), so a client that disconnects is noticed through
 * the same path: the body's cancel() and the request's abort signal. Building the whole app with
 * `next start` inside an integration test would cost minutes on a 2-core machine; the Playwright
 * spec covers the real server (tab close ends the viewer).
 */
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function startRouteServer(handler: Handler, params: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new NextRequest(`http://127.0.0.1${req.url}`, { headers, signal: abort.signal });
    const response = await handler(request, { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.flushHeaders();
    if (!response.body) return void res.end();
    let drained: (() => void) | null = null;
    res.on('drain', () => drained?.());
    res.on('close', () => drained?.());
    const writable = new WritableStream<Uint8Array>({
      async write(chunk) {
        if (!res.write(chunk)) await new Promise<void>((r) => (drained = r));
      },
      close() {
        res.end();
      },
    });
    await response.body.pipeTo(writable, { signal: abort.signal }).catch(() => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * An SSE reader for tests (the app's client uses the browser's EventSource), parsing with the
 * `eventsource-parser` library: collects events and comments from a GET, lets the test pause
 * reading (a slow client) and disconnect abruptly (a closed tab).
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  lastId: string | undefined;
  private req: http.ClientRequest;
  /** Comment lines (`: text`), without the colon. */
  readonly comments: string[] = [];
  private res: http.IncomingMessage | null = null;
  private readonly parser: EventSourceParser = createParser({
    onEvent: (event) => {
      if (event.id !== undefined) this.lastId = event.id;
      this.events.push({ ...(event.id !== undefined ? { id: event.id } : {}), event: event.event ?? 'message', data: event.data });
    },
    onComment: (comment) => this.comments.push(comment.trim()),
  });
  ended = false;
  private listeners: (() => void)[] = [];

  constructor(url: string, headers: Record<string, string> = {}) {
    this.req = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      this.res = res;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => this.onData(chunk));
      res.on('end', () => {
        this.ended = true;
        this.notify();
      });
      res.on('error', () => undefined);
    });
    this.req.on('error', () => undefined);
  }

  private onData(chunk: string) {
    this.parser.feed(chunk);
    this.notify();
  }

  private notify() {
    const l = this.listeners;
    this.listeners = [];
    l.forEach((f) => f());
  }

  /** Messages received in batch events, in order. */
  messages(): { partition: number; offset: string; value: { value?: unknown; text?: string } }[] {
    return this.events.filter((e) => e.event === 'batch').flatMap((e) => (JSON.parse(e.data) as { messages: never[] }).messages);
  }

  lastProgress(): { dropped: number; scanned: number; matched: number; done: boolean; filterErrors?: number } | undefined {
    const p = this.events.filter((e) => e.event === 'progress').at(-1);
    return p ? JSON.parse(p.data) : undefined;
  }

  async until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting; ${this.events.length} events so far`);
      if (this.ended) throw new Error('the stream ended');
      await new Promise<void>((r) => {
        this.listeners.push(r);
        setTimeout(r, 200);
      });
    }
  }

  pause() {
    this.res?.pause();
  }

  resume() {
    this.res?.resume();
  }

  /** Drops the connection without a goodbye, as a closed tab does. */
  destroy() {
    this.req.destroy();
    this.res?.destroy();
  }
}
