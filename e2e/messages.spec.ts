import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';

/**
 * Messages: browse (positions, paging, detail), server-side filter, produce, export download, live
 * tail while a producer writes, search. Records are written and read back with kcat/kafkajs,
 * independently of the console.
 */
const BOOTSTRAP = process.env.E2E_KAFKA ?? '127.0.0.1:9092';
const SCREENS = 'test-results/screens';
const kafka = new Kafka({ clientId: 'kea-e2e-messages', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });

// E2E_TOPIC_TAG marks one run's topics, so a run sharing the stack with others can delete just its own.
const unique = (what: string) => `e2e-${process.env.E2E_TOPIC_TAG ?? ''}${Date.now()}-${Math.random().toString(36).slice(2, 6)}-${what}`;

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function createTopic(partitions: number, records: { key: string; value: string; partition?: number; headers?: Record<string, string> }[] = []) {
  const topic = unique('msgs');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  await admin.disconnect();
  if (records.length) await send(topic, records);
  return topic;
}

async function send(topic: string, records: { key: string; value: string; partition?: number; headers?: Record<string, string> }[]) {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: records });
  await producer.disconnect();
}

const orders = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `order-${i}`, value: JSON.stringify({ i, status: i % 4 === 0 ? 'OVERDUE' : 'PAID', amount: i * 10 }), partition: i % 2, headers: { source: i % 2 ? 'web' : 'batch' } }));

test.describe('messages of a topic', () => {
  test('browse: newest first page, oldest, from an offset, paging and the record detail', async ({ page }) => {
    const topic = await createTopic(2, orders(120));
    const m = new MessagesPage(page, topic);
    await page.goto(`/clusters/local/topics/${topic}`);
    await page.getByRole('navigation', { name: 'Topic sections' }).getByRole('link', { name: 'Messages' }).click();
    await expect(m.rows).toHaveCount(50);
    await expect(m.summary).toHaveText('50 messages');

    await m.browse({ start: 'Oldest', limit: 10 });
    await expect(m.rows).toHaveCount(10);
    await m.openRow(0, '0');
    await expect(page.getByTestId('message-detail')).toContainText('"status": "OVERDUE"');
    await expect(page.getByTestId('message-detail').getByRole('table', { name: 'Headers' })).toContainText('batch');
    await screenshot(page, 'messages-browse');

    const ids = () => m.rows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-partition')}:${r.getAttribute('data-offset')}`));
    const firstPage = await ids();
    await page.getByRole('link', { name: 'Newer →' }).click();
    await expect(m.rows.first()).not.toHaveAttribute('data-offset', '0');
    const secondPage = await ids();
    expect(secondPage).toHaveLength(10);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await page.getByRole('link', { name: '← Older' }).click();
    await expect(m.rows.first()).toHaveAttribute('data-offset', '0');
    expect(await ids()).toEqual(firstPage);

    await m.browse({ start: 'From offset', offset: '30', partition: '1', limit: 3 });
    expect(await m.rows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-partition')}:${r.getAttribute('data-offset')}`))).toEqual(['1:30', '1:31', '1:32']);
  });

  test('filter on the server; a bad expression is shown at the input with its position', async ({ page }) => {
    const topic = await createTopic(2, orders(120));
    const m = new MessagesPage(page, topic);
    await m.goto({ from: 'oldest', limit: '100' });
    await m.browse({ filter: "value.status === 'OVERDUE' && headers.source === 'batch'" });
    await expect(m.rows).toHaveCount(30);
    for (const v of await m.rowValues()) expect(v).toContain('OVERDUE');
    // Typed: checked as it is typed, and Load is held back.
    await m.filterInput.fill('value.status ===');
    await expect(m.filterInput).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'SyntaxError' })).toContainText('line 1, column 17');
    await expect(m.loadButton).toBeDisabled();
    await screenshot(page, 'messages-filter-error');
    // In the URL (a shared link): the server's compile error is shown the same way.
    await m.goto({ from: 'oldest', limit: '100', filter: 'value.status = = 1' });
    await expect(m.filterInput).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'SyntaxError' })).toContainText('line 1, column 16');
  });

  test('produce a JSON message with a header; it is in Kafka and shown', async ({ page }) => {
    const topic = await createTopic(3);
    const m = new MessagesPage(page, topic);
    await m.goto({ mode: 'produce' });
    await expect(page.getByRole('button', { name: 'Produce message' })).toBeEnabled();
    await page.getByLabel('Partition').selectOption('2');
    await page.getByLabel(/^Key/).fill('customer-42');
    await page.getByLabel('Value', { exact: true }).fill('{"hello":"kafka","n":42}');
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByLabel('Header 1 name').fill('trace-id');
    await page.getByLabel('Header 1 value').fill('abc-123');
    await page.getByRole('button', { name: 'Produce message' }).click();
    await expect(page.getByRole('status')).toContainText('Sent to partition 2 at offset 0');
    await screenshot(page, 'messages-produce');

    const consumed = execFileSync('kcat', ['-C', '-b', BOOTSTRAP, '-t', topic, '-p', '2', '-o', 'beginning', '-e', '-J'], { encoding: 'utf8', timeout: 20_000 }).trim().split('\n');
    const record = JSON.parse(consumed[0]!) as { key: string; payload: string; headers: string[] };
    expect(record).toMatchObject({ key: 'customer-42', payload: '{"hello":"kafka","n":42}', headers: ['trace-id', 'abc-123'] });

    await page.getByRole('link', { name: 'View it' }).click();
    await expect(m.rows).toHaveCount(1);
    await expect(m.rows.first()).toContainText('customer-42');

    await m.goto({ mode: 'produce' });
    await page.getByLabel('Value', { exact: true }).fill('{"not json"');
    await page.getByRole('button', { name: 'Produce message' }).click();
    await expect(page.getByLabel('Value', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('export what is loaded as JSON Lines and CSV', async ({ page }) => {
    const topic = await createTopic(1, orders(30).map((o) => ({ ...o, partition: 0 })));
    const m = new MessagesPage(page, topic);
    await m.goto({ from: 'oldest', limit: '20' });
    await expect(m.rows).toHaveCount(20);
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON Lines' }).click()]);
    expect(jsonl.suggestedFilename()).toMatch(new RegExp(`^${topic}-.*\\.jsonl$`));
    const lines = readFileSync((await jsonl.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatchObject({ topic, partition: 0, offset: '0', key: 'order-0', value: { i: 0, status: 'OVERDUE' }, headers: { source: 'batch' } });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('topic,partition,offset,timestamp,key,value,headers,keyFormat,valueFormat,valueSchemaId,size,truncated');
    expect(text.trim().split('\r\n')).toHaveLength(21);
  });

  test('live tail: messages appear while a producer writes; pause and resume; closing the tab closes the consumer', async ({ page, context, request }) => {
    const topic = await createTopic(3);
    const m = new MessagesPage(page, topic);
    await m.goto({ mode: 'tail' });
    await expect(m.stats).toContainText('live');
    let written = 0;
    const writer = setInterval(() => {
      const batch = Array.from({ length: 50 }, () => ({ key: `live-${written}`, value: JSON.stringify({ n: written++ }) }));
      void send(topic, batch);
    }, 200);
    try {
      await expect(m.liveRows.first()).toBeVisible();
      await expect.poll(async () => Number((await m.receivedCount.textContent())!.replace(/,/g, '')), { timeout: 20_000 }).toBeGreaterThan(200);
      await screenshot(page, 'messages-tail');
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(m.stats).toContainText('paused');
      const paused = Number((await m.receivedCount.textContent())!.replace(/,/g, ''));
      await page.waitForTimeout(1_000);
      await page.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(async () => Number((await m.receivedCount.textContent())!.replace(/,/g, '')), { timeout: 20_000 }).toBeGreaterThan(paused + 100);
      await expect(m.stats).not.toContainText('skipped');
    } finally {
      clearInterval(writer);
    }
    const tails = async () => ((await (await request.get('/api/clusters/local/streams')).json()) as { tails: { topic: string; viewers: number }[] }).tails.filter((t) => t.topic === topic);
    await expect.poll(async () => (await tails())[0]?.viewers).toBe(1);
    await page.close();
    await expect.poll(tails, { timeout: 8_000 }).toEqual([]);
    void context;
  });

  test('live tail with a filter shows only matches', async ({ page }) => {
    const topic = await createTopic(1);
    const m = new MessagesPage(page, topic);
    await m.goto({ mode: 'tail', filter: 'value.n % 10 === 0' });
    await expect(m.stats).toContainText('live');
    await send(topic, Array.from({ length: 100 }, (_, n) => ({ key: `k${n}`, value: JSON.stringify({ n }) })));
    await expect(m.receivedCount).toHaveText('10');
    await expect(m.liveRows).toHaveCount(10);
  });

  test('search: scan with a filter, progress, stop at N matches', async ({ page }) => {
    const topic = await createTopic(2, orders(400));
    const m = new MessagesPage(page, topic);
    await m.goto({ mode: 'search' });
    await page.getByLabel(/^Filter expression/).fill('value.amount >= 3000');
    await page.getByLabel('Stop after').fill('25');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('search-done')).toBeVisible();
    await expect(page.getByTestId('matched-count')).toHaveText('25');
    await expect(m.liveRows.first()).toBeVisible();
    await screenshot(page, 'messages-search');
  });

  test('search: a broken filter is reported while typing, without searching; fixed, it searches', async ({ page }) => {
    const topic = await createTopic(2, orders(60));
    const m = new MessagesPage(page, topic);
    const searches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/search?')) searches.push(r.url());
    });
    await m.goto({ mode: 'search' });
    const filter = page.getByLabel(/^Filter expression/);
    const searchButton = page.getByRole('button', { name: 'Search' });
    const syntaxError = page.getByRole('alert').filter({ hasText: 'SyntaxError' });
    await page.getByLabel('Stop after').fill('100');

    await filter.pressSequentially("value.amount >= && headers.source === 'web'", { delay: 20 });
    await expect(syntaxError).toContainText("unexpected token in expression: '&&' at line 1, column 17");
    await expect(filter).toHaveAttribute('aria-invalid', 'true');
    await expect(searchButton).toBeDisabled();
    await screenshot(page, 'messages-search-filter-error');

    await filter.press('Home');
    for (let i = 0; i < 'value.amount >= '.length; i++) await filter.press('ArrowRight');
    await filter.pressSequentially('300 ', { delay: 20 });
    await expect(filter).toHaveValue("value.amount >= 300 && headers.source === 'web'");
    await expect(syntaxError).toHaveCount(0);
    await expect(filter).not.toHaveAttribute('aria-invalid', 'true');
    await expect(searchButton).toBeEnabled();
    expect(searches).toEqual([]);

    await searchButton.click();
    await expect(page.getByTestId('search-done')).toBeVisible();
    // orders(60): amount = i * 10, source 'web' on odd i; i in 30..59 and odd is 15 records.
    await expect(page.getByTestId('matched-count')).toHaveText('15');
    expect(searches).toHaveLength(1);
    await screenshot(page, 'messages-search-filter-fixed');
  });
});
