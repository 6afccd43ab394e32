import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import avro from 'avsc';
import { Kafka, logLevel } from 'kafkajs';
import { MessagesPage } from './pages/messages-page';

/**
 * Producing with a registry schema and reading it back: the test registers an Avro schema through
 * the registry's REST API, produces through the form, and checks the bytes in Kafka itself (wire
 * format: magic byte 0, the schema id, Avro binary). Also: a value the schema rejects is refused
 * with the reason and nothing is sent; a long value is cut in the list and loaded whole on demand.
 */
const BOOTSTRAP = process.env.E2E_KAFKA ?? '127.0.0.1:9092';
const REGISTRY = process.env.E2E_REGISTRY ?? 'http://127.0.0.1:8081/apis/ccompat/v7';
const SCREENS = 'test-results/screens';
const kafka = new Kafka({ clientId: 'kea-e2e-messages-schema', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });

const taskEventSchema = {
  type: 'record',
  name: 'TaskEvent',
  namespace: 'tasks',
  fields: [
    { name: 'taskId', type: 'string' },
    { name: 'type', type: { type: 'enum', name: 'TaskEventType', symbols: ['CREATED', 'COMPLETED', 'DELETED'] } },
    { name: 'priority', type: 'int' },
  ],
};

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function createTopic(topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
}

async function deleteTopic(topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
}

async function registerSchema(subject: string, schema: object): Promise<number> {
  const response = await fetch(`${REGISTRY}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schemaType: 'AVRO', schema: JSON.stringify(schema) }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: number }).id;
}

/** The raw records of partition 0, read by kafkajs straight from Kafka. */
async function rawRecords(topic: string, count: number): Promise<Buffer[]> {
  const groupId = `kea-e2e-raw-${Date.now()}`;
  const consumer = kafka.consumer({ groupId });
  const out: Buffer[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push(message.value!);
        if (out.length >= count) resolve();
      },
    });
  });
  await consumer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
  return out;
}

test.describe('messages with a registry schema', () => {
  const topic = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 6)}-task-events`;
  const subject = `${topic}-value`;

  test.afterAll(async () => {
    await deleteTopic(topic);
    await fetch(`${REGISTRY}/subjects/${encodeURIComponent(subject)}`, { method: 'DELETE' }).catch(() => undefined);
  });

  test('produce JSON encoded with the subject’s Avro schema; a value the schema rejects is refused', async ({ page }) => {
    await createTopic(topic);
    const schemaId = await registerSchema(subject, taskEventSchema);
    const m = new MessagesPage(page, topic);
    await m.goto({ mode: 'produce' });
    await expect(page.getByRole('button', { name: 'Produce message' })).toBeEnabled();

    await page.getByLabel('Value is').selectOption('schema');
    await expect(page.getByLabel(/^Schema subject/)).toHaveValue(subject);
    await page.getByLabel(/^Key/).fill('task-7');
    await page.getByLabel('Value', { exact: true }).fill('{"taskId":"task-7","type":"CREATED","priority":"high"}');
    await page.getByRole('button', { name: 'Produce message' }).click();
    const value = page.getByLabel('Value', { exact: true });
    await expect(value).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#produce-value-error')).toContainText('priority');
    await screenshot(page, 'messages-produce-schema-refused');

    await value.fill('{"taskId":"task-7","type":"CREATED","priority":2}');
    await page.getByRole('button', { name: 'Produce message' }).click();
    await expect(page.getByRole('status')).toContainText(`Sent to partition 0 at offset 0 with schema ${schemaId}`);
    await screenshot(page, 'messages-produce-schema');

    // Only the valid record reached Kafka, in the registry's wire format.
    const [bytes] = await rawRecords(topic, 1);
    expect(bytes![0]).toBe(0);
    expect(bytes!.readInt32BE(1)).toBe(schemaId);
    expect(avro.Type.forSchema(taskEventSchema as avro.Schema).fromBuffer(bytes!.subarray(5))).toEqual({ taskId: 'task-7', type: 'CREATED', priority: 2 });

    await page.getByRole('link', { name: 'View it' }).click();
    await expect(m.rows).toHaveCount(1);
    await m.openRow(0, '0');
    const detail = page.getByTestId('message-detail');
    await expect(detail).toContainText('"taskId": "task-7"');
    await expect(detail).toContainText(`schema ${schemaId}`);
  });

  test('a long value is cut in the list and loaded whole from the detail', async ({ page }) => {
    const producer = kafka.producer();
    await producer.connect();
    const long = JSON.stringify({ taskId: 'task-big', notes: 'x'.repeat(20_000), end: 'THE-END' });
    await producer.send({ topic, messages: [{ key: 'task-big', value: long }] });
    await producer.disconnect();

    const m = new MessagesPage(page, topic);
    await m.goto();
    await m.openRow(0, '1');
    const detail = page.getByTestId('message-detail');
    await expect(detail.getByText('preview', { exact: true })).toBeVisible();
    await expect(detail).not.toContainText('THE-END');
    await detail.getByRole('button', { name: 'Load the whole value' }).click();
    await expect(detail).toContainText('THE-END');
    await expect(detail.getByRole('button', { name: 'Load the whole value' })).toHaveCount(0);
    await screenshot(page, 'messages-whole-value');
  });
});
