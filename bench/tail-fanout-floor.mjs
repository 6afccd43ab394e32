// The floor under bench/tail-fanout.mjs: a plain Node HTTP server (no Next.js, no Kafka, no JSON)
// that writes the same bytes at the same pace to every connected client, in 100 ms frames, each
// frame one shared Buffer. Its CPU for 1 vs N clients is what delivering the bytes costs at all
// (mostly the kernel's TCP copies over loopback); the console cannot do better than that.
//
//   node bench/tail-fanout-floor.mjs <port> <bytes per second per client>
import http from 'node:http';

const [port, bytesPerSecond] = process.argv.slice(2).map(Number);
const clients = new Set();
const frame = Buffer.alloc(Math.max(1, Math.round(bytesPerSecond / 10)), 'x');
frame.write('event: batch\ndata: ');
frame.write('\n\n', frame.length - 2);

http
  .createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.flushHeaders();
    clients.add(res);
    res.on('close', () => clients.delete(res));
  })
  .listen(port, '127.0.0.1', () => process.send?.('listening'));

setInterval(() => {
  for (const res of clients) res.write(frame);
}, 100);
