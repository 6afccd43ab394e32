#!/usr/bin/env node
// Live tail throughput: messages/s delivered to an SSE client by the console (shared consumer →
// decode → hub → text/event-stream → a client parsing every batch, as a tab does) vs a bare kafkajs
// consumer vs `kcat -C`, on the same topic of 1 KB JSON records, in the same run. The SSE client
// resumes from offset 0 of every partition (an SSE position), so the console's tail replays the
// whole topic through the same path live records take. Prints rates and ratios; asserts nothing.
//
//   npm run stack -- up && npx next build && node bench/tail.mjs [--messages 200000 | --1m] [--url http://127.0.0.1:3000]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { arg, cursorAtStart, ensureTopic, fmt, groupCpuSeconds, kafka, BOOTSTRAP, startConsole } from './messages-bench-lib.mjs';
import { readEventStream } from './tail-sse-client.mjs';

const MESSAGES = arg('1m', false) ? 1_000_000 : Number(arg('messages', 200_000));
const PARTITIONS = 3;
const TOPIC = `bench-tail-${MESSAGES}`;
await ensureTopic(TOPIC, MESSAGES, PARTITIONS);

async function bareKafkajs() {
  const groupId = `kea-bench-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  let count = 0;
  const started = performance.now();
  let first = 0;
  await new Promise((resolve) => {
    void consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: PARTITIONS,
      eachBatch: async ({ batch }) => {
        if (!first) first = performance.now();
        // What any consumer does at least: look at every value.
        for (const m of batch.messages) if (m.value && m.value.length) count++;
        if (count >= MESSAGES) resolve();
      },
    });
  });
  const elapsed = (performance.now() - started) / 1000;
  await consumer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
  return { count, elapsed };
}

async function kcat() {
  const started = performance.now();
  let count = 0;
  await new Promise((resolve, reject) => {
    const p = spawn('kcat', ['-C', '-b', BOOTSTRAP, '-t', TOPIC, '-o', 'beginning', '-e', '-q', '-f', '%o\n']);
    p.stdout.on('data', (chunk) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) count++;
    });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}`))));
  });
  return { count, elapsed: (performance.now() - started) / 1000 };
}

async function sse(url) {
  let count = 0;
  let dropped = 0;
  let outOfOrder = 0;
  let stalled = false;
  const watchdogs = [];
  const last = new Map();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let stream;
  await new Promise((resolve) => {
    stream = readEventStream(`${url}/api/clusters/local/topics/${TOPIC}/tail?cursor=${cursorAtStart(TOPIC, PARTITIONS)}`, (type, data) => {
      if (type === 'batch') {
        for (const m of data.messages) {
          // Every record once, in order per partition: a duplicate or a step back would be counted here.
          const offset = Number(m.offset);
          if (offset <= (last.get(m.partition) ?? -1)) outOfOrder++;
          last.set(m.partition, offset);
        }
        count += data.messages.length;
      }
      if (type === 'progress') dropped = data.dropped;
      if (type === 'error') {
        console.error('tail error:', data.error.message);
        resolve();
      }
      if (count + dropped >= MESSAGES) resolve();
    });
    stream.done.then(resolve, resolve);
    // A stream that stops moving is a failure to report, not a wait for the shell's time limit.
    let seen = -1;
    const watchdog = setInterval(() => {
      if (count + dropped === seen) {
        stalled = true;
        resolve();
      }
      seen = count + dropped;
    }, 30_000);
    stream.done.finally(() => clearInterval(watchdog));
    watchdogs.push(watchdog);
  });
  watchdogs.forEach(clearInterval);
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  stream.close();
  if (stalled) console.error(`the SSE tail stalled at ${count} of ${MESSAGES} records`);
  return { count, dropped, outOfOrder, elapsed, clientCpu: (used.user + used.system) / 1e6 };
}

const app = await startConsole(3471);
try {
  // Warm-up: the route's first request loads modules and connects clients.
  const warm = readEventStream(`${app.url}/api/clusters/local/topics/${TOPIC}/tail`, () => undefined);
  await new Promise((r) => setTimeout(r, 3000));
  warm.close();
  await new Promise((r) => setTimeout(r, 2500));

  const results = {};
  console.log('measuring kafkajs…');
  results.kafkajs = await bareKafkajs();
  console.log('measuring kcat…');
  results.kcat = await kcat();
  console.log('measuring the console SSE tail…');
  const serverCpu0 = app.pgid ? groupCpuSeconds(app.pgid) : 0;
  results.sse = await sse(app.url);
  const serverCpu = app.pgid ? groupCpuSeconds(app.pgid) - serverCpu0 : null;
  const rate = (r) => r.count / r.elapsed;
  console.log(`\nTail of ${fmt(MESSAGES)} records of 1 KB JSON (${PARTITIONS} partitions), same topic, same run:`);
  console.log(`  bare kafkajs consumer   ${fmt(rate(results.kafkajs)).padStart(9)} msg/s  (${results.kafkajs.elapsed.toFixed(1)} s)`);
  console.log(`  kcat -C                 ${fmt(rate(results.kcat)).padStart(9)} msg/s  (${results.kcat.elapsed.toFixed(1)} s)`);
  console.log(`  console SSE client      ${fmt(rate(results.sse)).padStart(9)} msg/s  (${results.sse.elapsed.toFixed(1)} s, ${fmt(results.sse.count)} delivered, ${fmt(results.sse.dropped)} skipped for the client, ${fmt(results.sse.outOfOrder)} duplicate or out of order)`);
  console.log(`  (the SSE client itself used ${results.sse.clientCpu.toFixed(1)} s of CPU parsing ${fmt(results.sse.count)} messages; the console's server ${serverCpu === null ? 'n/a with --url' : `${serverCpu.toFixed(1)} s, ${((serverCpu / results.sse.count) * 1e6).toFixed(1)} µs per record`})`);
  console.log(`  ratio SSE / kafkajs     ${(rate(results.sse) / rate(results.kafkajs)).toFixed(2)}×   (target ≥ 0.8×)`);
  console.log(`  ratio SSE / kcat        ${(rate(results.sse) / rate(results.kcat)).toFixed(2)}×`);
} finally {
  await app.stop();
}
