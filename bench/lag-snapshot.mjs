#!/usr/bin/env node
// Lag snapshot of 1,000 consumer groups: the console (the Consumer groups page, which takes one full
// snapshot: ListGroups, DescribeGroups in batches, OffsetFetch per group with bounded concurrency,
// end offsets once per topic; and /api/metrics, the same snapshot as Prometheus text) vs Kafka's own
// `kafka-consumer-groups --describe --all-groups` (JVM, from the stack's jars), same cluster, same run.
// Prints medians and ratios; asserts nothing (machines here are noisy).
//
//   npm run stack -- up && npx next build && node bench/lag-snapshot.mjs [--groups 1000] [--topics 20] [--runs 5] [--cleanup]
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const GROUPS = arg('--groups', 1000);
const TOPICS = arg('--topics', 20);
const RUNS = arg('--runs', 5);
const PORT = arg('--port', 3410);
const PARTITIONS = 4;
const TOPIC_PREFIX = 'bench-lag-topic-';
const GROUP_PREFIX = 'bench-lag-group-';
const BOOTSTRAP = '127.0.0.1:9092';

const kafka = new Kafka({ clientId: 'kea-bench-lag', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING, requestTimeout: 120_000 });
const admin = kafka.admin();
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
async function pool(items, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** The ConsumerGroupCommand class of the stack's Kafka version (it moved from kafka.admin to org.apache.kafka.tools.consumer.group in 3.x). */
function consumerGroupCommandClass() {
  const version = process.env.KAFKA_VERSION ?? '4.1.1';
  const libs = path.join(process.env.KEA_CACHE_DIR ?? path.join(os.homedir(), '.cache/kafka-event-architect'), `kafka-${version}`, 'libs');
  const jars = readdirSync(libs).filter((f) => /^kafka-tools-\d.*\.jar$/.test(f) || /^kafka_2\.\d+-\d.*\.jar$/.test(f));
  for (const jar of jars) {
    const list = (cmd, cmdArgs) => execFileSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    let listing;
    try {
      listing = list('unzip', ['-Z1', path.join(libs, jar)]);
    } catch {
      listing = list('jar', ['tf', path.join(libs, jar)]);
    }
    const entries = listing.split('\n');
    const found = entries.find((e) => /(^|\/)ConsumerGroupCommand\.class$/.test(e));
    if (found) return found.replace(/\.class$/, '').replaceAll('/', '.');
  }
  throw new Error(`No ConsumerGroupCommand class in ${libs}`);
}

await admin.connect();
const topics = Array.from({ length: TOPICS }, (_, i) => `${TOPIC_PREFIX}${String(i).padStart(3, '0')}`);
const existingTopics = new Set(await admin.listTopics());
const missingTopics = topics.filter((t) => !existingTopics.has(t));
if (missingTopics.length) {
  console.log(`creating ${missingTopics.length} topics with ${PARTITIONS} partitions…`);
  await admin.createTopics({ topics: missingTopics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })), waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  for (const topic of missingTopics) {
    await producer.send({ topic, messages: Array.from({ length: 400 }, (_, i) => ({ partition: i % PARTITIONS, value: `m${i}` })) });
  }
  await producer.disconnect();
}

const groups = Array.from({ length: GROUPS }, (_, i) => `${GROUP_PREFIX}${String(i).padStart(5, '0')}`);
const existingGroups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
const missingGroups = groups.filter((g) => !existingGroups.has(g));
if (missingGroups.length) {
  // setOffsets works on empty groups; kafkajs joins each group briefly to commit (about 5 s each), so run many at once.
  console.log(`committing offsets for ${missingGroups.length} groups…`);
  const started = Date.now();
  await pool(missingGroups, 100, async (groupId) => {
    const i = Number(groupId.slice(GROUP_PREFIX.length));
    const topic = topics[i % TOPICS];
    await admin.setOffsets({ groupId, topic, partitions: Array.from({ length: PARTITIONS }, (_, p) => ({ partition: p, offset: String((i * 7 + p) % 100) })) });
  });
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const env = { ...process.env, LOG_LEVEL: 'warn', KEA_CONFIG: process.env.KEA_CONFIG ?? 'e2e/fixtures/kea.e2e.yaml', KEA_LAG_SAMPLE_INTERVAL_MS: '100' };
const server = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(PORT)], { env, stdio: 'ignore', detached: true });
try {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health?cluster=local`)).ok) break;
    } catch {}
    await sleep(500);
  }
  const get = async (p, mustContain) => {
    const res = await fetch(`http://127.0.0.1:${PORT}${p}`);
    const text = await res.text();
    if (!res.ok || !text.includes(mustContain)) throw new Error(`${p} failed: ${res.status}`);
    return text;
  };
  // Each request takes a fresh snapshot: the sampler reuses readings only for 100 ms here.
  await get('/clusters/local/groups?q=bench-lag', GROUP_PREFIX);
  const page = await time(() => get('/clusters/local/groups?q=bench-lag-group&sort=lag&dir=desc&page=3', GROUP_PREFIX), RUNS);
  const metrics = await time(() => get('/api/metrics?cluster=local', 'kea_consumergroup_lag'), RUNS);
  const metricsText = await get('/api/metrics?cluster=local', 'kea_consumergroup_lag');
  const snapshotSeconds = Number(/kea_lag_snapshot_duration_seconds\{cluster="local"\} ([\d.]+)/.exec(metricsText)?.[1]);
  const snapshotGroups = Number(/kea_lag_snapshot_groups\{cluster="local"\} (\d+)/.exec(metricsText)?.[1]);

  const cls = consumerGroupCommandClass();
  let jvmLines = 0;
  const jvm = await time(() => {
    // stderr holds one "has no active members" line per empty group.
    const out = execFileSync('bash', ['scripts/stack.sh', 'run-class', cls, '--bootstrap-server', BOOTSTRAP, '--describe', '--all-groups'], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    jvmLines = out.split('\n').filter((l) => l.startsWith(GROUP_PREFIX)).length;
  }, Math.min(RUNS, 3));

  console.log(`\nLag snapshot, ${snapshotGroups} groups on the cluster (${GROUPS} bench groups × ${PARTITIONS} partitions over ${TOPICS} topics), median wall time`);
  console.log(`  console: Consumer groups page (snapshot + search + sort + page 3)   ${page.toFixed(0)} ms`);
  console.log(`  console: /api/metrics (snapshot + Prometheus text)                  ${metrics.toFixed(0)} ms`);
  console.log(`  console: the snapshot alone, as the server timed it                 ${(snapshotSeconds * 1000).toFixed(0)} ms`);
  console.log(`  kafka-consumer-groups --describe --all-groups (JVM, ${cls.split('.').pop()}; ${jvmLines} partition rows)   ${jvm.toFixed(0)} ms`);
  console.log(`ratios: page / JVM tool = ${(page / jvm).toFixed(2)}×, metrics / JVM tool = ${(metrics / jvm).toFixed(2)}×, snapshot / JVM tool = ${((snapshotSeconds * 1000) / jvm).toFixed(2)}×  (target ≤ 0.5×)`);
} finally {
  process.kill(-server.pid);
  if (args.includes('--cleanup')) {
    console.log('deleting bench groups and topics…');
    const all = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(GROUP_PREFIX));
    for (let i = 0; i < all.length; i += 200) await admin.deleteGroups(all.slice(i, i + 200)).catch((e) => console.error(e.message));
    const benchTopics = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    if (benchTopics.length) await admin.deleteTopics({ topics: benchTopics });
  }
  await admin.disconnect();
}
