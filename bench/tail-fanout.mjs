#!/usr/bin/env node
// Fan-out: CPU used by the console's server while 1 vs 100 SSE viewers tail the same topic, under
// the same steady write rate (1 KB JSON records). One shared consumer decodes each record once and
// encodes each ~100 ms batch into one SSE frame; every viewer queues a reference to it and writes
// the same bytes. The clients only count bytes, so their CPU (this process) stays out of the
// server's figure. For scale, the same is measured for a plain Node HTTP server that writes
// same-sized frames at the same pace (tail-fanout-floor.mjs): what sending the bytes costs at all.
// Prints CPU seconds and the ratios.
//
//   npm run stack -- up && npx next build && node bench/tail-fanout.mjs [--rate 1000] [--seconds 10]
import fs from 'node:fs';
import http from 'node:http';
import { fork } from 'node:child_process';
import { arg, ensureTopic, fmt, groupCpuSeconds, kafka, recordValue, startConsole } from './messages-bench-lib.mjs';

const RATE = Number(arg('rate', 1000));
const SECONDS = Number(arg('seconds', 10));
const TOPIC = 'bench-tail-fanout';
await ensureTopic(TOPIC, 0, 3);
if (arg('url', null)) throw new Error('tail-fanout measures the CPU of a console it starts itself; run it without --url.');

const app = await startConsole(3473);
const producer = kafka.producer();
await producer.connect();

function viewer(url) {
  let bytes = 0;
  const req = http.get(url, (res) => res.on('data', (c) => (bytes += c.length)));
  req.on('error', () => undefined);
  return { bytes: () => bytes, close: () => req.destroy() };
}

async function measure(viewers) {
  const clients = Array.from({ length: viewers }, () => viewer(`${app.url}/api/clusters/local/topics/${TOPIC}/tail`));
  await new Promise((r) => setTimeout(r, 4000)); // all joined, shared consumer running
  let seq = 0;
  const perTick = Math.max(1, Math.round(RATE / 10));
  const writer = setInterval(() => {
    void producer.send({ topic: TOPIC, acks: 1, messages: Array.from({ length: perTick }, () => ({ value: recordValue(seq++) })) });
  }, 100);
  await new Promise((r) => setTimeout(r, 1000));
  const cpu0 = groupCpuSeconds(app.pgid);
  const split0 = cpuSplit(app.pgid);
  const bytes0 = clients.reduce((n, c) => n + c.bytes(), 0);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const cpu = groupCpuSeconds(app.pgid) - cpu0;
  const split = cpuSplit(app.pgid);
  const user = split.user - split0.user;
  const system = split.system - split0.system;
  const bytes = clients.reduce((n, c) => n + c.bytes(), 0) - bytes0;
  clearInterval(writer);
  clients.forEach((c) => c.close());
  await new Promise((r) => setTimeout(r, 3000));
  return { cpu, user, system, bytes, slowest: Math.min(...clients.map((c) => c.bytes())) };
}

/** User and system CPU seconds of one process (the server; next start runs it as the group leader's child, so the leader's own is small). */
function cpuSplit(pgid) {
  let user = 0;
  let system = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      user += Number(fields[11]) / 100;
      system += Number(fields[12]) / 100;
    } catch {}
  }
  return { user, system };
}

/** The same numbers of clients on the plain server, fed what one console viewer received per second. */
async function measureFloor(viewers, bytesPerSecond, mode = 'direct') {
  const port = 3474;
  const floor = fork(new URL('./tail-fanout-floor.mjs', import.meta.url), [String(port), String(Math.round(bytesPerSecond)), mode], { detached: true });
  await new Promise((r) => floor.once('message', r));
  const clients = Array.from({ length: viewers }, () => viewer(`http://127.0.0.1:${port}/`));
  await new Promise((r) => setTimeout(r, 2000));
  const cpu0 = groupCpuSeconds(floor.pid);
  const split0 = cpuSplit(floor.pid);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const cpu = groupCpuSeconds(floor.pid) - cpu0;
  const split = cpuSplit(floor.pid);
  clients.forEach((c) => c.close());
  floor.kill();
  return { cpu, user: split.user - split0.user, system: split.system - split0.system };
}

try {
  await measure(1); // warm-up
  const one = await measure(1);
  const hundred = await measure(100);
  const floorOne = await measureFloor(1, one.bytes / SECONDS);
  const floorHundred = await measureFloor(100, one.bytes / SECONDS);
  const pipeOne = await measureFloor(1, one.bytes / SECONDS, 'webstream');
  const pipeHundred = await measureFloor(100, one.bytes / SECONDS, 'webstream');
  console.log(`\nFan-out at ${fmt(RATE)} msg/s of 1 KB JSON for ${SECONDS} s, server CPU (user+system):`);
  const split = (r) => `(user ${r.user.toFixed(2)}, system ${r.system.toFixed(2)})`;
  console.log(`  1 viewer     ${one.cpu.toFixed(2)} s CPU ${split(one)}   ${fmt(one.bytes / SECONDS / 1024)} KiB/s sent`);
  console.log(`  100 viewers  ${hundred.cpu.toFixed(2)} s CPU ${split(hundred)}   ${fmt(hundred.bytes / SECONDS / 1024)} KiB/s sent (the slowest viewer got ${fmt(hundred.slowest / SECONDS / 1024)} KiB/s)`);
  console.log(`  ratio        ${(hundred.cpu / one.cpu).toFixed(2)}×  (target ≤ 1.5×)`);
  console.log(`  each viewer past the first: ${(((hundred.cpu - one.cpu) / 99) * 1000).toFixed(1)} ms CPU`);
  console.log(`\nFloor: a plain Node server writing the same bytes (one shared buffer per 100 ms) to 1 vs 100 clients:`);
  console.log(`  1 client     ${floorOne.cpu.toFixed(2)} s CPU ${split(floorOne)}`);
  console.log(`  100 clients  ${floorHundred.cpu.toFixed(2)} s CPU ${split(floorHundred)}   (each client past the first: ${(((floorHundred.cpu - floorOne.cpu) / 99) * 1000).toFixed(1)} ms)`);
  console.log(`  console's cost per extra viewer / floor's per extra client: ${((hundred.cpu - one.cpu) / Math.max(0.01, floorHundred.cpu - floorOne.cpu)).toFixed(2)}×`);
  console.log(`\nThe same through a web stream piped to the response inside an AsyncLocalStorage context (Next's response path, nothing else):`);
  console.log(`  1 client     ${pipeOne.cpu.toFixed(2)} s CPU ${split(pipeOne)}`);
  console.log(`  100 clients  ${pipeHundred.cpu.toFixed(2)} s CPU ${split(pipeHundred)}   (each client past the first: ${(((pipeHundred.cpu - pipeOne.cpu) / 99) * 1000).toFixed(1)} ms)`);
  console.log(`  what 99 more clients cost on this path alone, against the console's 1-viewer CPU: ${((pipeHundred.cpu - pipeOne.cpu) / one.cpu).toFixed(2)} (the target leaves 0.50)`);
} finally {
  await producer.disconnect();
  await app.stop();
}
