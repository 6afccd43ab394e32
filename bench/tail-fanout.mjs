#!/usr/bin/env node
// Fan-out: CPU used by the console's server while 1 vs 100 SSE viewers tail the same topic, under
// the same steady write rate (1 KB JSON records). One shared consumer decodes and serialises each
// record once; every viewer costs a queue push and a string join. The clients only count bytes, so
// their CPU (this process) stays out of the server's figure. Prints CPU seconds and the ratio.
//
//   npm run stack -- up && npx next build && node bench/tail-fanout.mjs [--rate 1000] [--seconds 10]
import http from 'node:http';
import { arg, ensureTopic, fmt, groupCpuSeconds, kafka, recordValue, startConsole } from './messages-bench-lib.mjs';

const RATE = Number(arg('rate', 1000));
const SECONDS = Number(arg('seconds', 10));
const TOPIC = 'bench-tail-fanout';
await ensureTopic(TOPIC, 0, 3);
if (arg('url', null)) throw new Error('tail-fanout measures the CPU of a console it starts itself; run it without --url.');

const app = await startConsole(3473);
const producer = kafka.producer();
await producer.connect();

function viewer() {
  let bytes = 0;
  const req = http.get(`${app.url}/api/clusters/local/topics/${TOPIC}/tail`, (res) => res.on('data', (c) => (bytes += c.length)));
  req.on('error', () => undefined);
  return { bytes: () => bytes, close: () => req.destroy() };
}

async function measure(viewers) {
  const clients = Array.from({ length: viewers }, viewer);
  await new Promise((r) => setTimeout(r, 4000)); // all joined, shared consumer running
  let seq = 0;
  const perTick = Math.max(1, Math.round(RATE / 10));
  const writer = setInterval(() => {
    void producer.send({ topic: TOPIC, acks: 1, messages: Array.from({ length: perTick }, () => ({ value: recordValue(seq++) })) });
  }, 100);
  await new Promise((r) => setTimeout(r, 1000));
  const cpu0 = groupCpuSeconds(app.pgid);
  const bytes0 = clients.reduce((n, c) => n + c.bytes(), 0);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const cpu = groupCpuSeconds(app.pgid) - cpu0;
  const bytes = clients.reduce((n, c) => n + c.bytes(), 0) - bytes0;
  clearInterval(writer);
  clients.forEach((c) => c.close());
  await new Promise((r) => setTimeout(r, 3000));
  return { cpu, bytes };
}

try {
  await measure(1); // warm-up
  const one = await measure(1);
  const hundred = await measure(100);
  console.log(`\nFan-out at ${fmt(RATE)} msg/s of 1 KB JSON for ${SECONDS} s, server CPU (user+system):`);
  console.log(`  1 viewer     ${one.cpu.toFixed(2)} s CPU   ${fmt(one.bytes / SECONDS / 1024)} KiB/s sent`);
  console.log(`  100 viewers  ${hundred.cpu.toFixed(2)} s CPU   ${fmt(hundred.bytes / SECONDS / 1024)} KiB/s sent`);
  console.log(`  ratio        ${(hundred.cpu / one.cpu).toFixed(2)}×  (target ≤ 1.5×)`);
} finally {
  await producer.disconnect();
  await app.stop();
}
