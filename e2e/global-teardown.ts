import { Kafka, logLevel } from 'kafkajs';

/** Deletes the topics the end-to-end tests created (all named e2e-…), so local runs don't pile up. */
export default async function globalTeardown() {
  // Set when several checkouts run end-to-end tests against one shared stack at the same time:
  // another run's topics must not vanish under it.
  if (process.env.E2E_KEEP_TOPICS) return;
  const admin = new Kafka({ clientId: 'kea-e2e-teardown', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const leftovers = (await admin.listTopics()).filter((t) => t.startsWith('e2e-'));
    if (leftovers.length) await admin.deleteTopics({ topics: leftovers });
  } catch {
    // The stack may already be gone; nothing to clean then.
  } finally {
    await admin.disconnect();
  }
}
