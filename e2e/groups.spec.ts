import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { GroupsPage } from './pages/groups-page';

/**
 * Consumer groups with a real lagging consumer: the test runs a kafkajs consumer that commits (and
 * reads slower than a producer writes), and checks the console against Kafka's own answers.
 */
const BOOTSTRAP = process.env.E2E_KAFKA ?? '127.0.0.1:9092';
const SCREENS = 'test-results/screens';
const kafka = new Kafka({ clientId: 'kea-e2e-groups', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });

const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
// Not "e2e-…": another Playwright run's global teardown deletes those topics, even mid-test. afterAll deletes this one.
const topic = `groups-e2e-${stamp}-orders`;
const groupId = `e2e-${stamp}-billing`;

let admin: Admin;
let producer: Producer;
let consumer: Consumer | null = null;
let producing: ReturnType<typeof setInterval> | null = null;

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function startConsumer() {
  consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommitInterval: 500,
    // Slower than the producer: lag grows while offsets advance.
    eachMessage: () => new Promise((r) => setTimeout(r, 40)),
  });
}

async function stopConsumer() {
  await consumer?.disconnect();
  consumer = null;
}

async function committed(): Promise<Record<string, string>> {
  const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return Object.fromEntries(t!.partitions.map((p) => [String(p.partition), p.offset]));
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ i }) })) });
  producing = setInterval(() => {
    producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: '{"live":true}' })) }).catch(() => undefined);
  }, 500);
  await startConsumer();
});

test.afterAll(async () => {
  if (producing) clearInterval(producing);
  await stopConsumer().catch(() => undefined);
  await producer?.disconnect().catch(() => undefined);
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

test('the list shows the lagging group with its state, members, topic, lag and status', async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.gotoList();
  await groups.search(groupId);
  await expect(groups.matchCount).toHaveText(/^1 group matches/);
  await expect(groups.cell(groupId, 'state')).toHaveText('Stable');
  await expect(groups.cell(groupId, 'members')).toHaveText('1');
  await expect(groups.cell(groupId, 'topics')).toContainText(topic);
  expect(Number((await groups.cell(groupId, 'lag').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
  await expect(groups.cell(groupId, 'status')).toHaveText(/OK|WARN|UNKNOWN|STALL/);
  await screenshot(page, 'groups-list');

  await page.goto(`/clusters/local/groups?q=${encodeURIComponent(groupId)}&sort=lag&dir=desc&show=active`);
  await expect(groups.row(groupId)).toBeVisible();
  await page.goto(`/clusters/local/groups?q=${encodeURIComponent(groupId)}&show=empty`);
  await expect(page.getByText(`No empty group matches “${groupId}”`)).toBeVisible();
});

test('the detail page shows members, partitions and the status in words, and the lag updates live', async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.gotoList({ q: groupId });
  await groups.openGroup(groupId);
  await expect(groups.state).toHaveText('Stable');
  await expect(groups.members).toHaveText('1');
  await expect(groups.explanation).not.toBeEmpty();
  await expect(groups.partitionTable.locator('tbody tr')).toHaveCount(3);
  await expect(groups.partitionTable).toContainText('kea-e2e-groups');
  await expect(groups.live).toHaveAttribute('data-connection', 'live');

  // Live: lag events arrive over SSE without a reload, and the chart gains points.
  const before = { updates: await groups.liveUpdates(), lag: await groups.totalLagValue(), samples: await groups.sampleCount.textContent() };
  await expect.poll(() => groups.liveUpdates(), { timeout: 30_000 }).toBeGreaterThanOrEqual(before.updates + 2);
  await expect.poll(() => groups.totalLagValue(), { timeout: 15_000 }).not.toBe(before.lag);
  await expect(groups.sampleCount).not.toHaveText(before.samples!);
  await expect(groups.chart.locator('path')).toHaveCount(2);
  await screenshot(page, 'group-detail-live');

  // The numbers are Kafka's: every partition's lag is end − committed as the broker reports them.
  const row0 = groups.partitionTable.locator('tbody tr[data-partition$=":0"] td');
  const [committedText, endText, lagText] = await Promise.all([row0.nth(2).textContent(), row0.nth(3).textContent(), row0.nth(4).textContent()]);
  const n = (s: string | null) => Number(s!.replace(/,/g, ''));
  expect(n(endText) - n(committedText)).toBe(n(lagText));

  await groups.openTab('Members');
  await expect(groups.membersTable).toContainText('kea-e2e-groups');
  await expect(groups.membersTable).toContainText(`${topic}: partitions 0, 1, 2`);
  await screenshot(page, 'group-members');

  const metrics = await (await page.request.get('/api/metrics?cluster=local')).text();
  expect(metrics).toMatch(new RegExp(`kea_consumergroup_lag\\{cluster="local",group="${groupId}",topic="${topic}",partition="0"\\} \\d+`));
  expect(metrics).toMatch(new RegExp(`kea_consumergroup_status\\{cluster="local",group="${groupId}",status="[A-Z]+"\\} 1`));
  expect(metrics).toMatch(/kea_sse_streams_open\{stream="lag"\} [1-9]/);
});

test('closing the page ends its lag stream: the sampler stops when nobody watches', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const groups = new GroupsPage(page);
  await groups.gotoGroup(groupId);
  await expect(groups.live).toHaveAttribute('data-connection', 'live');
  const subscribers = async () => Number(/kea_lag_sampler_subscribers\{cluster="local"\} (\d+)/.exec(await (await context.request.get('/api/metrics?cluster=local')).text())?.[1]);
  expect(await subscribers()).toBeGreaterThanOrEqual(1);
  await page.close();
  await expect.poll(subscribers, { timeout: 15_000 }).toBe(0);
  await context.close();
});

test('reset offsets: refused while the group is active, then previewed and applied once it is Empty', async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.gotoGroup(groupId, 'reset');
  await expect(page.getByText(/has 1 active member; stop its consumers/).first()).toBeVisible();
  await groups.previewReset({ kind: 'Earliest offset' });
  await expect(groups.previewTable).toBeVisible();
  await expect(groups.applyButton).toHaveCount(0);

  await stopConsumer();
  if (producing) clearInterval(producing);
  producing = null;
  // The page follows the group going Empty by itself (live state → refresh).
  await expect(groups.state).toHaveText('Empty', { timeout: 30_000 });
  await expect(page.getByText(/has 1 active member/)).toHaveCount(0);

  await groups.previewReset({ kind: 'Shift by N messages', value: '-50' });
  await expect(groups.previewTable.locator('tbody tr')).toHaveCount(3);
  const targets = await groups.previewTargets();
  await screenshot(page, 'group-reset-preview');
  await groups.applyButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Offsets of group' })).toBeVisible();
  expect(await committed()).toEqual(targets);
  // The reset starts a new Burrow window: the old one would read the jump back as a REWIND.
  await expect(groups.explanation).toContainText('too few samples to judge a trend yet', { timeout: 15_000 });
  await screenshot(page, 'group-reset-applied');
});

test('reset offsets of chosen partitions only: the others keep their commits', async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.gotoGroup(groupId, 'reset');
  await expect(groups.state).toHaveText('Empty');
  const before = await committed();
  const form = page.getByRole('form', { name: 'Reset offsets' });
  await form.getByLabel('Topics').selectOption(topic);
  // Untick every partition: the preview says what is wrong instead of resetting nothing.
  await form.getByRole('checkbox', { name: 'All 3' }).uncheck();
  await form.getByRole('button', { name: 'Preview reset' }).click();
  await expect(page.locator('#reset-partitions-error')).toHaveText('Choose at least one partition to reset.');

  await form.getByRole('checkbox', { name: 'All 3' }).check();
  await groups.previewReset({ topic, leaveOut: [1], kind: 'Latest offset (skip everything waiting)' });
  await expect(groups.previewTable.locator('tbody tr')).toHaveCount(2);
  const targets = await groups.previewTargets();
  expect(Object.keys(targets)).toEqual(['0', '2']);
  await screenshot(page, 'group-reset-chosen-partitions');
  await groups.applyButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Offsets of group' })).toBeVisible();
  expect(await committed()).toEqual({ ...before, ...targets });
  // Partition 1 was left out although a reset to latest would have moved it (the last test moved it back).
  const ends = Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((p) => [String(p.partition), p.high]));
  expect(targets).toEqual({ '0': ends['0'], '2': ends['2'] });
  expect(before['1']).not.toBe(ends['1']);
});

test('delete the group by typing its id', async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.gotoGroup(groupId, 'danger');
  await groups.deleteGroup(groupId);
  await page.waitForURL(/\/groups\?deleted=/);
  await expect(page.getByText(`Consumer group “${groupId}” was deleted`)).toBeVisible();
  expect((await admin.listGroups()).groups.some((g) => g.groupId === groupId)).toBe(false);
  await page.goto(`/clusters/local/groups/${encodeURIComponent(groupId)}`);
  await expect(page.getByText(`Consumer group “${groupId}” does not exist`)).toBeVisible();
});

test('a KIP-848 group (Java consumer, group.protocol=consumer) shows its real state, not Dead', async ({ page }) => {
  const kipGroup = `e2e-${stamp}-kip848`;
  // kafkajs speaks only the classic protocol: Kafka's own console consumer joins with the new one.
  const java = spawn(
    'bash',
    ['scripts/stack.sh', 'run-class', 'org.apache.kafka.tools.consumer.ConsoleConsumer', '--bootstrap-server', BOOTSTRAP, '--topic', topic, '--group', kipGroup, '--from-beginning', '--consumer-property', 'group.protocol=consumer'],
    { detached: true, stdio: 'ignore' },
  );
  try {
    const groups = new GroupsPage(page);
    await expect
      .poll(async () => (await admin.listGroups()).groups.some((g) => g.groupId === kipGroup), { timeout: 60_000 })
      .toBe(true);
    // The list is a server-rendered snapshot: load it again until a sample has seen the group.
    await expect
      .poll(
        async () => {
          await groups.gotoList({ q: kipGroup });
          return groups.cell(kipGroup, 'state').textContent({ timeout: 2000 }).catch(() => null);
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toBe('Stable');
    await expect(groups.row(kipGroup).getByText('KIP-848')).toBeVisible();
    await groups.openGroup(kipGroup);
    await expect(groups.state).toHaveText('Stable');
    await expect(groups.members).toHaveText('not listed');
    await groups.openTab('Members');
    await expect(page.getByTestId('members-note')).toContainText('KIP-848 consumer protocol');
    await groups.openTab('Reset offsets');
    await expect(page.getByText(/is Stable; offsets can be reset only when it is Empty/).first()).toBeVisible();
    await screenshot(page, 'group-kip848');
  } finally {
    if (java.pid) process.kill(-java.pid, 'SIGTERM');
    // Kafka refuses to delete the group until the consumer has left it.
    await expect
      .poll(() => admin.deleteGroups([kipGroup]).then(() => true, () => false), { timeout: 30_000 })
      .toBe(true)
      .catch(() => undefined);
  }
});
