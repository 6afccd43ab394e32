#!/usr/bin/env node
// Topics page at 10,000 topics: the console's server-rendered list (search + sort + one page) vs
// Kafka's own `kafka-topics --list` (JVM, from the stack's jars) and `kcat -L`, same cluster, same
// run. Prints medians and ratios; asserts nothing (machines here are noisy).
//
//   npm run stack -- up && npx next build && node bench/topic-list.mjs [--topics 10000] [--cleanup]
import { execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';

const args = process.argv.slice(2);
const TOPICS = Number(args[args.indexOf('--topics') + 1] || 10_000);
const PORT = 3400;
const PREFIX = 'bench-topic-';
const admin = new Kafka({ clientId: 'kea-bench', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING, requestTimeout: 120_000 }).admin();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

await admin.connect();
const existing = new Set((await admin.listTopics()).filter((t) => t.startsWith(PREFIX)));
const wanted = Array.from({ length: TOPICS }, (_, i) => `${PREFIX}${String(i).padStart(5, '0')}`);
const missing = wanted.filter((t) => !existing.has(t));
if (missing.length) {
  console.log(`creating ${missing.length} topics…`);
  for (let i = 0; i < missing.length; i += 500) {
    // Not waiting for leaders per batch: kafkajs's wait re-reads metadata of all 500 and gives up.
    await admin.createTopics({ waitForLeaders: false, topics: missing.slice(i, i + 500).map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })) });
  }
  while ((await admin.listTopics()).filter((t) => t.startsWith(PREFIX)).length < TOPICS) await sleep(1000);
}

const server = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(PORT)], { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true });
try {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health?cluster=local`)).ok) break;
    } catch {}
    await sleep(500);
  }
  const page = async (query) => {
    const res = await fetch(`http://127.0.0.1:${PORT}/clusters/local/topics?${query}`);
    const html = await res.text();
    if (!res.ok || !html.includes(PREFIX)) throw new Error(`topics page failed: ${res.status}`);
  };
  await page('q=bench'); // warm-up: first request compiles nothing (production build) but opens connections
  const consoleList = await time(() => page('q=bench-topic-0&sort=partitions&dir=desc&page=3'), 10);
  const consoleFirst = await time(() => page(''), 10);
  const kcat = await time(() => execFileSync('kcat', ['-b', '127.0.0.1:9092', '-L', '-J'], { maxBuffer: 256 * 1024 * 1024 }), 5);
  const jvm = await time(
    () => execFileSync('bash', ['scripts/stack.sh', 'run-class', 'org.apache.kafka.tools.TopicCommand', '--bootstrap-server', '127.0.0.1:9092', '--list'], { maxBuffer: 64 * 1024 * 1024 }),
    3,
  );
  const total = (await admin.listTopics()).length;
  console.log(`\nTopics page, ${total} topics on the cluster (median wall time)`);
  console.log(`  console: search "bench-topic-0" + sort + page 3   ${consoleList.toFixed(0)} ms`);
  console.log(`  console: first page, default sort                  ${consoleFirst.toFixed(0)} ms`);
  console.log(`  kcat -L -J (metadata only, no rendering)           ${kcat.toFixed(0)} ms`);
  console.log(`  kafka-topics --list (JVM)                          ${jvm.toFixed(0)} ms`);
  console.log(`ratios: console search / kafka-topics = ${(consoleList / jvm).toFixed(2)}×, console search / kcat = ${(consoleList / kcat).toFixed(2)}×`);
} finally {
  process.kill(-server.pid);
  if (args.includes('--cleanup')) {
    console.log('deleting bench topics…');
    const all = (await admin.listTopics()).filter((t) => t.startsWith(PREFIX));
    for (let i = 0; i < all.length; i += 500) await admin.deleteTopics({ topics: all.slice(i, i + 500) });
  }
  await admin.disconnect();
}
