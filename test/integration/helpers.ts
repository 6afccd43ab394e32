import { Kafka, logLevel } from 'kafkajs';

export const BOOTSTRAP = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';

/** A raw kafkajs client for arranging test data, independent of the code under test. */
export const rawKafka = new Kafka({ clientId: 'kea-integration-tests', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });

export function uniqueTopic(label: string): string {
  return `it-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
}

export async function produce(topic: string, count: number, partition = 0): Promise<void> {
  const producer = rawKafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition })) });
  } finally {
    await producer.disconnect();
  }
}
