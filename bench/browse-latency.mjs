#!/usr/bin/env node
// Browse latency: one read of a page, the group-less reader (lib/kafka/range-reader.ts, what the
// console uses) vs the kafkajs path it replaced (an ephemeral consumer group joined, read, deleted:
// readRangesWithGroup), same topic, same ranges, alternating, in one run. Prints medians and the
// ratio; asserts nothing. The old path also waits for the broker's group.initial.rebalance.delay.ms
// on every read: the local stack sets it to 0, a default broker to 3,000 ms, so the bench reads the
// broker's value and prints what the old path costs on a default cluster.
//
//   npm run stack -- up && node bench/browse-latency.mjs [--runs 15] [--keep]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { arg, ensureTopic, kafka } from './messages-bench-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.KEA_CONFIG ??= path.join(root, 'e2e/fixtures/kea.e2e.yaml');
process.env.LOG_LEVEL ??= 'error';
// The TypeScript modules as the server runs them, transpiled on the fly (no build needed).
const jiti = createJiti(import.meta.url, { interopDefault: false, alias: { '@': root, 'server-only': path.join(root, 'test/server-only-stub.ts') } });
const { readRanges, readRangesWithGroup } = await jiti.import(path.join(root, 'lib/kafka/browse-consumer.ts'));
const { disconnectAll } = await jiti.import(path.join(root, 'lib/kafka/client-pool.ts'));

const RUNS = Number(arg('runs', 15));
const TOPIC = 'bench-browse-latency';
const PAGE = 50;
await ensureTopic(TOPIC, 3_000, 3);

const admin = kafka.admin();
await admin.connect();
const offsets = await admin.fetchTopicOffsets(TOPIC);
const brokerId = (await admin.describeCluster()).brokers[0].nodeId;
const described = await admin.describeConfigs({ resources: [{ type: 4, name: String(brokerId), configNames: ['group.initial.rebalance.delay.ms'] }], includeSynonyms: false });
const rebalanceDelay = Number(described.resources[0].configEntries.find((e) => e.configName === 'group.initial.rebalance.delay.ms')?.configValue ?? 3000);

const scenarios = {
  // The Messages page's default: the newest 50 of every partition, merged by time.
  'page: newest 50 × 3 partitions': offsets.map((o) => ({ partition: o.partition, from: BigInt(o.high) - BigInt(PAGE), to: BigInt(o.high) })),
  // Opening one record in full.
  'one record (fetchOne)': [{ partition: 0, from: 10n, to: 11n }],
};

async function timeRead(read, ranges) {
  let records = 0;
  const started = performance.now();
  const result = await read('local', TOPIC, ranges, {
    partitions: offsets.map((o) => o.partition),
    onRecords: (_p, batch) => {
      records += batch.length;
      return 'continue';
    },
  });
  if (result.ended !== 'complete') throw new Error(`read ended ${result.ended}`);
  return { ms: performance.now() - started, records };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n) => `${n.toFixed(1)} ms`;

console.log(`broker group.initial.rebalance.delay.ms = ${rebalanceDelay}; ${RUNS} runs per path, alternating, after one warm-up each\n`);
for (const [name, ranges] of Object.entries(scenarios)) {
  const times = { group: [], groupless: [] };
  let counts = null;
  await timeRead(readRangesWithGroup, ranges);
  await timeRead(readRanges, ranges);
  for (let i = 0; i < RUNS; i++) {
    const old = await timeRead(readRangesWithGroup, ranges);
    const now = await timeRead(readRanges, ranges);
    if (old.records !== now.records) throw new Error(`the paths read different record counts: ${old.records} vs ${now.records}`);
    counts = now.records;
    times.group.push(old.ms);
    times.groupless.push(now.ms);
  }
  const [g, n] = [median(times.group), median(times.groupless)];
  console.log(`${name} (${counts} records)`);
  console.log(`  kafkajs ephemeral group  median ${ms(g)}  (min ${ms(Math.min(...times.group))}, max ${ms(Math.max(...times.group))})`);
  console.log(`  group-less Fetch         median ${ms(n)}  (min ${ms(Math.min(...times.groupless))}, max ${ms(Math.max(...times.groupless))})`);
  console.log(`  ratio group/group-less   ${(g / n).toFixed(1)}×`);
  if (rebalanceDelay < 3000) {
    const real = g + (3000 - rebalanceDelay);
    // An estimate, not a measurement: the shared stack's broker config is not ours to change.
    console.log(`  estimate for a default broker (delay 3000 ms, added to the group path only): ≈ ${ms(real)}, ≈ ${(real / n).toFixed(0)}× the group-less read`);
  }
  console.log();
}

if (!arg('keep', false)) await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
await admin.disconnect();
await disconnectAll();
process.exit(0);
