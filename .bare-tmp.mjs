import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
const kafka = new Kafka({ clientId: 'kea-bench-tail', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
const opts = JSON.parse(process.argv[2] ?? '{}');
const groupId = `kea-bench-tail-${randomUUID()}`;
const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, ...opts });
await consumer.connect();
await consumer.subscribe({ topic: 'bench-tail-200000', fromBeginning: true });
let count = 0; let started; const cpu0 = process.cpuUsage();
await new Promise((resolve) => {
  void consumer.run({ autoCommit: false, partitionsConsumedConcurrently: 3, eachBatch: async ({ batch }) => {
    started ??= performance.now();
    for (const m of batch.messages) if (m.value && m.value.length) count++;
    if (count >= 200000) resolve();
  } });
});
const el = (performance.now() - started) / 1000; const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify(opts), 'rate', Math.round(count / el), 'elapsed', el.toFixed(2), 'cpu s', ((cpu.user + cpu.system) / 1e6).toFixed(2));
await consumer.disconnect();
const admin = kafka.admin(); await admin.connect(); await admin.deleteGroups([groupId]).catch(() => {}); await admin.disconnect();
