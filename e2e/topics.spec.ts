import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { TopicsPage } from './pages/topics-page';

/**
 * Topics: list, create, configs, partitions, delete records, delete topic, and the errors of bad days.
 * Every change made in the UI is checked independently of the console with kcat where kcat can see it.
 */

const BOOTSTRAP = process.env.E2E_KAFKA ?? '127.0.0.1:9092';
const SCREENS = 'test-results/screens';

interface KcatMetadata {
  brokers: { id: number }[];
  topics: { topic: string; partitions: { partition: number }[]; err?: string }[];
}

function kcatMetadata(topic?: string): KcatMetadata {
  const args = ['-b', BOOTSTRAP, '-L', '-J', '-m', '10'];
  if (topic) args.push('-t', topic);
  return JSON.parse(execFileSync('kcat', args, { encoding: 'utf8', timeout: 20_000 })) as KcatMetadata;
}

function kcatPartitionCount(topic: string): number {
  return kcatMetadata(topic).topics.find((t) => t.topic === topic)?.partitions.length ?? -1;
}

/** Topic names the cluster has, from a full metadata request (never names a topic, so never auto-creates one). */
function kcatTopicNames(): string[] {
  return kcatMetadata().topics.map((t) => t.topic);
}

function kcatProduce(topic: string, partition: number, messages: string[]) {
  execFileSync('kcat', ['-P', '-b', BOOTSTRAP, '-t', topic, '-p', String(partition)], { input: `${messages.join('\n')}\n`, timeout: 20_000 });
}

/** A partition's low watermark (OFFSET_BEGINNING = -2) as kcat's offset query reports it. */
function kcatLowWatermark(topic: string, partition: number): number {
  const out = execFileSync('kcat', ['-b', BOOTSTRAP, '-Q', '-t', `${topic}:${partition}:-2`], { encoding: 'utf8', timeout: 20_000 });
  const m = /offset (\d+)/.exec(out);
  if (!m) throw new Error(`unexpected kcat -Q output: ${out}`);
  return Number(m[1]);
}

const unique = (what: string) => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 6)}-${what}`;

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

test.describe('topics on the local cluster', () => {
  test('create a topic in the UI; it is listed and has its partitions in Kafka', async ({ page }) => {
    const topics = new TopicsPage(page);
    const name = unique('create');
    await topics.createTopic({ name, partitions: 3, replicationFactor: 1, configs: { 'retention.ms': '86400000', 'cleanup.policy': 'delete' } });

    await expect(topics.summaryStat('Partitions')).toContainText('3');
    await expect(page.getByRole('table', { name: 'Partitions', exact: true }).locator('tbody tr')).toHaveCount(3);
    await screenshot(page, 'topic-detail');
    expect(kcatPartitionCount(name)).toBe(3);

    await topics.gotoList();
    await topics.search(name);
    await expect(topics.matchCount).toHaveText(/^1 topic matches/);
    const row = topics.topicRow(name);
    await expect(row).toBeVisible();
    await expect(row.locator('td').nth(1)).toHaveText('3');
    await expect(row.locator('td').nth(2)).toHaveText('1');
    await expect(row).toContainText('all in sync');
    await topics.search('');
    await screenshot(page, 'topic-list');

    await topics.search(name);
    await topics.openTopic(name);
  });

  test('search, sort and the empty states live in the URL', async ({ page }) => {
    const topics = new TopicsPage(page);
    const prefix = unique('sort');
    for (const [suffix, partitions] of [['a', 1], ['b', 4], ['c', 2]] as const) {
      await topics.createTopic({ name: `${prefix}-${suffix}`, partitions, replicationFactor: 1 });
    }
    await topics.gotoList();
    await topics.search(prefix);
    await expect(topics.matchCount).toHaveText(/^3 topics match/);
    expect(await topics.listedTopicNames()).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);

    await topics.sortBy('Partitions');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('partitions');
    expect(await topics.listedTopicNames()).toEqual([`${prefix}-b`, `${prefix}-c`, `${prefix}-a`]);
    await topics.sortBy('Partitions');
    expect(await topics.listedTopicNames()).toEqual([`${prefix}-a`, `${prefix}-c`, `${prefix}-b`]);

    // The URL alone reproduces the view.
    await page.reload();
    await expect(topics.searchBox).toHaveValue(prefix);
    expect(await topics.listedTopicNames()).toEqual([`${prefix}-a`, `${prefix}-c`, `${prefix}-b`]);

    await topics.search(`${prefix}-nothing`);
    await expect(page.getByText(`No topic matches “${prefix}-nothing”`)).toBeVisible();
    await page.getByRole('link', { name: 'Clear the search' }).click();
    await expect(topics.searchBox).toHaveValue('');

    await page.getByRole('link', { name: 'Show internal topics' }).click();
    await expect(page).toHaveURL(/internal=1/);
    await expect(page.getByRole('link', { name: 'Hide internal topics' })).toBeVisible();
  });

  test('edit a config; the other overrides stay; reset removes only that one', async ({ page }) => {
    const topics = new TopicsPage(page);
    const name = unique('configs');
    await topics.createTopic({ name, partitions: 1, replicationFactor: 1, configs: { 'retention.ms': '86400000', 'cleanup.policy': 'compact' } });
    await topics.openTab('Configs');
    await topics.expectConfig('retention.ms', '86400000', 'set on topic');
    await topics.expectConfig('retention.ms', '1 d', 'set on topic');
    await topics.expectConfig('max.message.bytes', '1048588', 'default');

    await topics.editConfig('max.message.bytes', '2097152');
    await page.reload();
    await topics.expectConfig('max.message.bytes', '2097152', 'set on topic');
    await topics.expectConfig('retention.ms', '86400000', 'set on topic');
    await topics.expectConfig('cleanup.policy', 'compact', 'set on topic');

    await page.getByLabel('Show only overrides').check();
    await expect(topics.configsTable.locator('tbody tr')).toHaveCount(3);
    await page.getByLabel('Filter configs').fill('retention');
    await expect(topics.configsTable.locator('tbody tr')).toHaveCount(1);
    await page.getByLabel('Filter configs').fill('');
    await page.getByLabel('Show only overrides').uncheck();

    // Inline validation before anything is sent.
    await topics.configRow('retention.ms').getByRole('button', { name: 'Edit retention.ms' }).click();
    await page.getByLabel('New value for retention.ms').fill('abc');
    await topics.expectFieldError(page.getByLabel('New value for retention.ms'), 'retention.ms must be a whole number; "abc" is not.');
    await expect(page.getByRole('form', { name: 'Edit retention.ms' }).getByRole('button', { name: 'Save' })).toBeDisabled();
    await page.getByRole('form', { name: 'Edit retention.ms' }).getByRole('button', { name: 'Cancel' }).click();

    await topics.resetConfig('cleanup.policy');
    await page.reload();
    await topics.expectConfig('cleanup.policy', 'delete', 'default');
    await topics.expectConfig('retention.ms', '86400000', 'set on topic');
    await topics.expectConfig('max.message.bytes', '2097152', 'set on topic');

    // Add config: unknown key gets a typo hint; a valid one is applied.
    await topics.addConfig('segment.m', '3600000');
    await topics.expectFieldError(page.getByLabel('Config name', { exact: true }), 'did you mean "segment.ms"?');
    await page.getByLabel('Config name', { exact: true }).fill('segment.ms');
    await page.getByRole('button', { name: 'Save config' }).click();
    await expect(page.getByRole('status')).toContainText('segment.ms set to 3600000 (1 h)');
    await page.reload();
    await topics.expectConfig('segment.ms', '3600000', 'set on topic');
    await topics.expectConfig('retention.ms', '86400000', 'set on topic');
  });

  test('add partitions: fewer is refused, more is applied in Kafka', async ({ page }) => {
    const topics = new TopicsPage(page);
    const name = unique('grow');
    await topics.createTopic({ name, partitions: 2, replicationFactor: 1 });
    await topics.openTab('Danger zone');
    await expect(page.getByText('per-key ordering breaks')).toBeVisible();

    await topics.partitionCountInput.fill('1');
    await topics.expectFieldError(topics.partitionCountInput, `Topic "${name}" has 2 partitions; partitions can only grow.`);
    await topics.partitionCountInput.fill('2');
    await topics.expectFieldError(topics.partitionCountInput, 'already has 2 partitions');

    await topics.addPartitions(5);
    await expect(page.getByRole('status')).toContainText(`Topic "${name}" now has 5 partitions.`);
    await expect(topics.summaryStat('Partitions')).toContainText('5');
    await expect.poll(() => kcatPartitionCount(name)).toBe(5);
    await screenshot(page, 'topic-danger-zone');
  });

  test('delete records moves the low watermark', async ({ page }) => {
    const topics = new TopicsPage(page);
    const name = unique('records');
    await topics.createTopic({ name, partitions: 2, replicationFactor: 1 });
    kcatProduce(name, 0, ['one', 'two', 'three', 'four', 'five']);

    await page.reload();
    await expect(topics.summaryStat('Retained records')).toContainText('5');
    expect((await topics.partitionRow(0)).slice(4)).toEqual(['0', '5', '5']);

    await topics.openTab('Danger zone');
    await expect(page.getByRole('checkbox', { name: 'Partition 1 (empty)' })).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Partition 0', exact: true }).check();
    await expect(page.getByLabel('Delete before offset in partition 0')).toHaveValue('5');
    await page.getByLabel('Delete before offset in partition 0').fill('9');
    await topics.expectFieldError(page.getByLabel('Delete before offset in partition 0'), 'Partition 0 ends at offset 5; choose an offset up to 5.');
    await page.getByRole('checkbox', { name: 'Partition 0', exact: true }).uncheck();

    await topics.deleteRecordsBefore(0, '3');
    await expect(page.getByRole('status')).toContainText('Deleted 3 records. Partition 0 now starts at offset 3.');
    expect(kcatLowWatermark(name, 0)).toBe(3);

    await topics.openTab('Partitions');
    expect((await topics.partitionRow(0)).slice(4)).toEqual(['3', '5', '2']);
    await expect(topics.summaryStat('Retained records')).toContainText('2');
  });

  test('delete a topic: confirm by typing its name; Kafka no longer has it', async ({ page }) => {
    const topics = new TopicsPage(page);
    const name = unique('delete');
    await topics.createTopic({ name, partitions: 1, replicationFactor: 1 });
    expect(kcatTopicNames()).toContain(name);

    await topics.openTab('Danger zone');
    await expect(topics.deleteTopicButton).toBeDisabled();
    await topics.deleteConfirmationInput.fill(name.slice(0, -1));
    await expect(topics.deleteTopicButton).toBeDisabled();
    await topics.deleteConfirmationInput.fill(name);
    await expect(topics.deleteTopicButton).toBeEnabled();
    await topics.deleteTopicButton.click();

    await page.waitForURL(/\/topics\?deleted=/);
    await expect(page.getByRole('status')).toContainText(`Topic “${name}” was deleted.`);
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
    await expect.poll(() => kcatTopicNames()).not.toContain(name);

    await topics.gotoTopic(name);
    await expect(page.getByText(`Topic “${name}” does not exist`)).toBeVisible();
    await page.getByRole('link', { name: 'Back to topics' }).click();
    await expect(page).toHaveURL(/\/clusters\/local\/topics/);
  });

  test('each bad input on the create form shows its own error', async ({ page }) => {
    const topics = new TopicsPage(page);
    const brokers = kcatMetadata().brokers.length;
    await topics.gotoCreate();
    await expect(topics.partitionsInput).toHaveValue('1');
    await expect(topics.replicationFactorInput).toHaveValue(String(Math.min(3, brokers)));

    await topics.nameInput.fill('bad name!');
    await topics.expectFieldError(topics.nameInput, 'Topic names may use only letters, digits, ".", "_" and "-"; remove space, "!".');
    await topics.nameInput.fill('..');
    await topics.expectFieldError(topics.nameInput, 'A topic cannot be named "..".');
    await topics.nameInput.fill('x'.repeat(250));
    await topics.expectFieldError(topics.nameInput, 'Topic names are at most 249 characters; this one has 250.');
    await topics.nameInput.fill('x'.repeat(249));
    await topics.expectNoFieldError(topics.nameInput);

    await topics.replicationFactorInput.fill(String(brokers + 1));
    await topics.replicationFactorInput.blur();
    await topics.expectFieldError(topics.replicationFactorInput, `Replication factor ${brokers + 1} is more than the ${brokers} broker`);
    await topics.partitionsInput.fill('0');
    await topics.partitionsInput.blur();
    await topics.expectFieldError(topics.partitionsInput, 'Partitions must be at least 1.');

    await topics.addConfigRow('retention.m', '1000');
    await topics.addConfigRow('retention.ms', 'abc');
    await topics.configValueInput(2).blur();
    await topics.expectFieldError(topics.configNameInput(1), '"retention.m" is not a topic config; did you mean "retention.ms"?');
    await topics.expectFieldError(topics.configValueInput(2), 'retention.ms must be a whole number; "abc" is not.');

    // Submitting with errors sends nothing and keeps the user on the form.
    await topics.createButton.click();
    await expect(page.getByText('Fix the fields marked above first.')).toBeVisible();
    await expect(page).toHaveURL(/\/topics\/new$/);
    await screenshot(page, 'create-form-errors');

    await page.getByRole('button', { name: 'Remove config 1' }).click();
    await topics.expectFieldError(topics.configValueInput(1), 'must be a whole number');
  });

  test('the cluster answers what the form cannot know: a topic that already exists', async ({ page }) => {
    const topics = new TopicsPage(page);
    const name = unique('exists');
    await topics.createTopic({ name, partitions: 1, replicationFactor: 1 });
    await topics.gotoCreate();
    await topics.fillCreateForm({ name, partitions: 1, replicationFactor: 1 });
    await topics.createButton.click();
    await topics.expectFieldError(topics.nameInput, `Topic "${name}" already exists.`);
    // Editing the field clears the server's answer about it.
    await topics.nameInput.fill(`${name}-2`);
    await topics.expectNoFieldError(topics.nameInput);
  });

  test('min.insync.replicas above the replication factor is refused before sending', async ({ page }) => {
    const topics = new TopicsPage(page);
    await topics.gotoCreate();
    await topics.fillCreateForm({ name: unique('isr'), partitions: 1, replicationFactor: 1, configs: { 'min.insync.replicas': '2' } });
    await topics.createButton.click();
    await topics.expectFieldError(topics.configValueInput(1), 'min.insync.replicas 2 is more than the replication factor 1');
  });

  test('a topic that does not exist gets a clear page', async ({ page }) => {
    const topics = new TopicsPage(page);
    const name = unique('missing');
    await topics.gotoTopic(name);
    await expect(page.getByText(`Topic “${name}” does not exist`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to topics' })).toBeVisible();
  });
});

test.describe('topics on a cluster that is down', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the list says the cluster cannot be reached', async ({ page }) => {
    const topics = new TopicsPage(page, 'down');
    await page.goto('/clusters/down/topics');
    await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
    await expect(page.getByText('Cluster unreachable')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Cannot reach cluster "down"/)).toBeVisible();
    await expect(topics.topicsTable).toHaveCount(0);
  });

  test('the create form shows the error on submit', async ({ page }) => {
    const topics = new TopicsPage(page, 'down');
    await page.goto('/clusters/down/topics/new', { timeout: 60_000 });
    await expect(page.getByText('Could not read this cluster’s brokers')).toBeVisible();
    await topics.fillCreateForm({ name: unique('down'), partitions: 1, replicationFactor: 1 });
    await topics.createButton.click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cluster unreachable' });
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(alert).toContainText('Cannot reach cluster "down"');
    await expect(page).toHaveURL(/\/clusters\/down\/topics\/new$/);
  });
});
