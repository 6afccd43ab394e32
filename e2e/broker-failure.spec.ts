import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';
import { OverviewPage } from './pages/overview-page';

// The day a broker dies, in the browser: a real three-broker cluster of its own (ports 9192-9194),
// one broker stopped, and the overview must say which broker and which partitions suffer.
const stackEnv = {
  ...process.env,
  KEA_BROKERS: '3',
  KAFKA_PORT: '9192',
  KAFKA_CONTROLLER_PORT: '19192',
  KEA_STACK_DIR: path.resolve('.stack/e2e-three-brokers'),
  KEA_STACK_SKIP: 'registry,connect',
};
const stack = (...args: string[]) => execFileSync('bash', ['scripts/stack.sh', ...args], { env: stackEnv, stdio: 'pipe', timeout: 240_000 });
const topic = `e2e-rf3-${Date.now()}`;
// Partition 0's only replica is on broker 3, partition 1's on broker 1: stopping broker 3 takes partition 0 offline.
const single = `e2e-rf1-${Date.now()}`;
const kafka = new Kafka({ clientId: 'kea-e2e', brokers: ['127.0.0.1:9192'], logLevel: logLevel.NOTHING });

test.describe('a broker dies', () => {
  test.describe.configure({ timeout: 300_000 });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    stack('up');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    await admin.disconnect();
  });

  test.afterAll(() => {
    stack('wipe');
  });

  test('the overview names the missing broker and the under-replicated partitions, then recovers', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('three');
    await expect(overview.brokersTable.locator('tbody tr')).toHaveCount(3);
    await expect(overview.stat('Under-replicated')).toContainText('0');

    stack('stop-broker', '3');
    await expect(async () => {
      await page.reload();
      await expect(overview.stat('Under-replicated')).toHaveText(/Under-replicated\s*[1-9]/, { timeout: 1000 });
      await expect(overview.stat('Brokers')).toContainText('2 of 3', { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    const missing = overview.brokersTable.locator('tbody tr', { hasText: 'Not responding' });
    await expect(missing).toContainText('3');
    await expect(missing).toContainText('Offline');
    const unhealthy = page.getByTestId('unhealthy-partitions');
    await expect(unhealthy.getByRole('link', { name: topic })).toHaveCount(3);
    await expect(unhealthy).toContainText('Under-replicated');
    await expect(overview.stat('Offline')).toContainText('0');
    await page.screenshot({ path: 'test-results/screens/overview-broker-down.png', fullPage: true });

    // The topic page still works, and shows who is out of sync.
    await unhealthy.getByRole('link', { name: topic }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: topic })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/topic-broker-down.png', fullPage: true });

    stack('start-broker', '3');
    await expect(async () => {
      await overview.goto('three');
      await expect(overview.stat('Brokers')).toHaveText(/Brokers\s*3$/, { timeout: 1000 });
      await expect(page.getByTestId('unhealthy-partitions')).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 90_000 });
  });

  test('a partition goes offline: the overview counts it, a live tail says it waits for it and goes on when it is back', async ({ page }) => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: single, replicaAssignment: [{ partition: 0, replicas: [3] }, { partition: 1, replicas: [1] }] }] });
    await admin.disconnect();
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const send = (partition: number, n: number) => producer.send({ topic: single, acks: 1, messages: [{ partition, key: `p${partition}-${n}`, value: JSON.stringify({ partition, n }) }] });
    try {
      const tail = new MessagesPage(page, single, 'three');
      await tail.goto({ mode: 'tail' });
      await expect(tail.stats).toContainText('live');
      await send(0, 1);
      await send(1, 1);
      await expect(tail.liveRows).toHaveCount(2);

      stack('stop-broker', '3');
      const waiting = page.getByTestId('stalled-partitions');
      await expect(waiting).toContainText('waiting for partition 0', { timeout: 60_000 });
      await expect(waiting).toContainText('leader');
      // The other partition goes on meanwhile.
      await send(1, 2);
      await expect(tail.liveRows).toHaveCount(3);
      await expect(tail.stats).toContainText('live');
      await page.screenshot({ path: 'test-results/screens/tail-partition-offline.png', fullPage: true });

      // Browsing the topic says which partition is offline, rather than calling the cluster unreachable.
      const browse = await page.context().newPage();
      await new MessagesPage(browse, single, 'three').goto();
      await expect(browse.getByRole('alert').filter({ hasText: 'A partition is offline' })).toBeVisible();
      await expect(browse.getByText(/Partition 0 of topic "e2e-rf1-\d+" has no leader/)).toBeVisible();
      await browse.screenshot({ path: 'test-results/screens/browse-partition-offline.png', fullPage: true });
      await browse.close();

      const overview = await page.context().newPage();
      const o = new OverviewPage(overview);
      await expect(async () => {
        await o.goto('three');
        await expect(o.stat('Offline')).toHaveText(/Offline\s*1/, { timeout: 1000 });
      }).toPass({ timeout: 60_000 });
      await overview.screenshot({ path: 'test-results/screens/overview-partition-offline.png', fullPage: true });
      await overview.close();

      stack('start-broker', '3');
      await expect(waiting).toHaveCount(0, { timeout: 90_000 });
      await send(0, 2);
      await expect(tail.liveRows).toHaveCount(4);
      await expect(tail.stats).not.toContainText('skipped');
    } finally {
      await producer.disconnect();
    }
  });
});
