// The floor under bench/tail-fanout.mjs: a plain Node HTTP server (no Next.js, no Kafka, no JSON)
// that writes the same bytes at the same pace to every connected client, in 100 ms frames, each
// frame one shared Buffer. Its CPU for 1 vs N clients is what delivering the bytes costs at all
// (mostly the kernel's TCP copies over loopback); the console cannot do better than that.
//
// With `webstream`, each client's frames go the way a Next.js route handler's do: enqueued into a
// web ReadableStream that is piped into a WritableStream writing to the response (as Next's
// pipeToNodeResponse does), inside an AsyncLocalStorage context (Next runs every request in one,
// so every promise of the pipe passes through async_hooks). That is the cost of Next's response
// path alone, per chunk and client.
//
//   node bench/tail-fanout-floor.mjs <port> <bytes per second per client> [direct|webstream]
import http from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';

const [port, bytesPerSecond] = process.argv.slice(2, 4).map(Number);
const mode = process.argv[4] ?? 'direct';
const requestContext = new AsyncLocalStorage();
const clients = new Set();
const frame = Buffer.alloc(Math.max(1, Math.round(bytesPerSecond / 10)), 'x');
frame.write('event: batch\ndata: ');
frame.write('\n\n', frame.length - 2);

function resolvable() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

/** Like Next's createWriterFromResponse: write, and wait for 'drain' when the response says so. */
function writerOf(res) {
  let drained = resolvable();
  res.on('drain', () => drained.resolve());
  res.once('close', () => drained.resolve());
  return new WritableStream({
    write: async (chunk) => {
      if (!res.write(chunk)) {
        await drained.promise;
        drained = resolvable();
      }
    },
  });
}

function webStreamClient(res) {
  let controller;
  const stream = new ReadableStream({ start: (c) => void (controller = c) }, { highWaterMark: 1 });
  stream.pipeTo(writerOf(res)).catch(() => undefined);
  return { send: (bytes) => controller.desiredSize > 0 && controller.enqueue(bytes) };
}

http
  .createServer((req, res) =>
    requestContext.run({ url: req.url }, () => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.flushHeaders();
      const client = mode === 'webstream' ? webStreamClient(res) : { send: (bytes) => res.write(bytes) };
      clients.add(client);
      res.on('close', () => clients.delete(client));
    }),
  )
  .listen(port, '127.0.0.1', () => process.send?.('listening'));

setInterval(() => {
  for (const client of clients) client.send(frame);
}, 100);
