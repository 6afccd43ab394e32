import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/designer-page';
import { TopicsPage } from './pages/topics-page';

/**
 * The visual designer end to end: build a flow from the palette, write a schema (an error shows as
 * an editor marker, then is fixed), see lint warnings, plan and apply to the real cluster and
 * registry, find the topic on the Topics page, export AsyncAPI. Nothing may load from outside
 * 127.0.0.1 (Monaco is bundled, never fetched from a CDN).
 */
const BOOTSTRAP = process.env.E2E_KAFKA ?? '127.0.0.1:9092';
const REGISTRY = process.env.E2E_REGISTRY ?? 'http://127.0.0.1:8081/apis/ccompat/v7';
const SCREENS = 'test-results/screens';
const subjects: string[] = [];

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/designer-${name}.png` });
}

function kcatTopicNames(): string[] {
  const out = JSON.parse(execFileSync('kcat', ['-b', BOOTSTRAP, '-L', '-J', '-m', '10'], { encoding: 'utf8', timeout: 20_000 })) as { topics: { topic: string }[] };
  return out.topics.map((t) => t.topic);
}

test.afterAll(async () => {
  for (const s of subjects) {
    await fetch(`${REGISTRY}/subjects/${encodeURIComponent(s)}`, { method: 'DELETE' }).catch(() => undefined);
    await fetch(`${REGISTRY}/subjects/${encodeURIComponent(s)}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
  }
});


test('build a flow from the palette, write its schema, plan, apply, find it on the Topics page, export AsyncAPI', async ({ page }) => {
  test.setTimeout(240_000);
  const external: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname !== '127.0.0.1') external.push(r.url());
  });
  const designer = new DesignerPage(page);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const topicName = `e2e-${stamp}-orders`;
  const subject = `${topicName}-value`;
  subjects.push(subject);

  await designer.createDesign(`e2e flow ${stamp}`);
  await designer.dragFromPalette('Service', 120, 160);
  await designer.dragFromPalette('Topic', 420, 160);
  await designer.dragFromPalette('Schema', 720, 160);
  await expect(designer.node('service')).toBeVisible();
  await expect(designer.node('topic')).toBeVisible();
  await expect(designer.node('schema')).toBeVisible();

  // A topic without a schema is a lint warning, on the node and in the problems panel.
  await expect(designer.node('topic').getByTestId('node-warnings')).toBeVisible();
  await designer.tab('Problems').click();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('has no value schema');
  await screenshot(page, 'palette-flow-lint');

  await designer.connect('service', 'topic');
  await expect(designer.edge('service-produces-topic')).toHaveCount(1);
  await designer.connect('topic', 'schema');
  await expect(designer.edge('topic:value-schema')).toHaveCount(1);

  // Name the topic and the subject in the inspector; validation speaks before anything is saved.
  await designer.select('topic');
  await designer.tab('Inspector').click();
  await designer.inspectorField('Topic name').fill('bad name!');
  await expect(page.getByRole('tabpanel').getByRole('alert').first()).toContainText(/legal|character|letters|may contain/i);
  await designer.inspectorField('Topic name').fill(topicName);
  await designer.inspectorField('Partitions').fill('3');
  await expect(designer.node('topic')).toContainText(topicName);
  await designer.select('schema');
  await designer.inspectorField('Subject').fill(subject);

  // The schema in Monaco: an error becomes a marker; fixing it clears it.
  await designer.openSchemaEditor('schema');
  await designer.replaceInSchema('"long"', '"lnog"');
  await expect(designer.schemaStatus).toHaveText(/error/);
  await expect(designer.errorMarkers.first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Schema problems' })).toContainText(/lnog/);
  // The message is also where the eyes are: hovering the squiggle shows it.
  // The squiggle sits under Monaco's text layer, which takes the pointer: move the mouse there.
  const squiggle = (await designer.errorMarkers.first().boundingBox())!;
  await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
  await expect(page.locator('.monaco-hover:visible').first()).toContainText(/lnog/, { timeout: 10_000 });
  await screenshot(page, 'schema-error');
  await designer.replaceInSchema('"lnog"', '"long"');
  await expect(designer.schemaStatus).toHaveText('valid');
  await expect(designer.errorMarkers).toHaveCount(0);
  await page.getByRole('tab', { name: 'sample' }).click();
  await expect(page.getByTestId('sample-message')).toContainText('occurredAt');
  await screenshot(page, 'schema-valid');
  await page.getByRole('button', { name: 'Done' }).click();

  await designer.save();
  await expect(designer.node('topic').getByTestId('node-warnings')).toHaveCount(0);

  // Plan against the local cluster for dev, apply, then the plan is empty.
  await designer.plan('dev');
  await expect(designer.planSteps.first()).toBeVisible();
  const kinds = await designer.planSteps.locator('.font-medium').allTextContents();
  expect(kinds).toEqual(expect.arrayContaining(['create-topic', 'register-schema']));
  await screenshot(page, 'plan');
  await page.getByRole('button', { name: /^Apply \d+ steps?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Last run' })).toContainText('0 failed');
  await expect(designer.planSteps.getByTestId('step-status')).not.toContainText(['failed']);
  await screenshot(page, 'applied');
  await page.getByRole('button', { name: 'Verify: plan again' }).click();
  await expect(page.getByTestId('plan-empty')).toBeVisible();
  expect(kcatTopicNames()).toContain(topicName);

  // Export AsyncAPI: a download with the topic as a channel.
  await designer.tab('Export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /AsyncAPI 3\.0/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.asyncapi\.yaml$/);
  const exported = await page.request.get(`${new URL(page.url()).pathname.replace('/designs/', '/api/designs/')}/export/asyncapi?environment=dev`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-disposition']).toMatch(/attachment; filename=".*\.asyncapi\.yaml"/);
  const body = await exported.text();
  expect(body).toContain('asyncapi: 3.0.0');
  expect(body).toContain(topicName);
  await screenshot(page, 'export');

  // The topic is on the Topics page.
  const topics = new TopicsPage(page);
  await topics.gotoList({ q: topicName });
  await expect(topics.topicRow(topicName)).toBeVisible();
  await expect(topics.topicRow(topicName).locator('td').nth(1)).toHaveText('3');

  // The AsyncAPI file imports back as a design with the same topic.
  await designer.gotoList();
  await page.getByLabel('Import a design or AsyncAPI file').setInputFiles({ name: 'flow.asyncapi.yaml', mimeType: 'application/yaml', buffer: Buffer.from(body) });
  await page.getByRole('link', { name: 'Open it' }).or(page.getByRole('navigation', { name: 'Palette' })).first().waitFor();
  if (await page.getByRole('link', { name: 'Open it' }).isVisible()) await page.getByRole('link', { name: 'Open it' }).click();
  await designer.waitForCanvas();
  await expect(page.locator('.react-flow__node-topic')).toContainText(topicName);

  // Importing from the cluster finds the applied topic, with its schema linked by subject name.
  await designer.gotoList();
  await page.getByLabel('Topics containing').fill(topicName);
  await page.getByRole('form', { name: 'Import from cluster' }).getByRole('button', { name: 'Import' }).click();
  await page.getByRole('link', { name: 'Open the imported design' }).or(page.getByRole('navigation', { name: 'Palette' })).first().waitFor({ timeout: 60_000 });
  if (await page.getByRole('link', { name: 'Open the imported design' }).isVisible()) await page.getByRole('link', { name: 'Open the imported design' }).click();
  await designer.waitForCanvas();
  await expect(designer.node(topicName)).toContainText('3 partitions');
  await expect(designer.edge(`${topicName}:value-schema`)).toHaveCount(1);
  await screenshot(page, 'imported-from-cluster');

  expect(external).toEqual([]);
});

test('two tabs: the second save is refused as a conflict and nothing is overwritten', async ({ page, context }) => {
  const designer = new DesignerPage(page);
  await designer.createDesign(`e2e conflict ${Date.now()}`);
  const url = page.url();
  const other = await context.newPage();
  const second = new DesignerPage(other);
  await other.goto(url);
  await second.waitForCanvas();

  await designer.dragFromPalette('Topic', 300, 200);
  await designer.save();
  await second.dragFromPalette('Service', 300, 200);
  await other.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'changed in another tab' })).toBeVisible();
  await screenshot(other, 'conflict');

  await page.reload();
  await designer.waitForCanvas();
  await expect(designer.node('topic')).toBeVisible();
  await expect(designer.node('service')).toHaveCount(0);
});

test('designs list: template, rename, duplicate, import with errors, delete', async ({ page }) => {
  const designer = new DesignerPage(page);
  const name = `e2e list ${Date.now()}`;
  await designer.createDesign(name, 'Retry topics and a dead-letter topic');
  await expect(designer.node('orders')).toBeVisible();
  await screenshot(page, 'template');
  await designer.gotoList();
  await page.getByRole('button', { name: `Rename ${name}` }).click();
  await page.getByLabel('New name').fill(`${name} renamed`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(designer.designRow(`${name} renamed`)).toBeVisible();
  await page.getByRole('button', { name: `Duplicate ${name} renamed` }).click();
  await expect(designer.designRow(`${name} renamed (copy)`)).toBeVisible();

  await page.getByLabel('Import a design or AsyncAPI file').setInputFiles({ name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from('version: 1\nname: bad\ntopics:\n  - { id: t, name: t, partitions: 0, replicationFactor: 1 }\n') });
  await expect(page.getByRole('alert').filter({ hasText: 'Import failed' })).toContainText('topics.0.partitions');
  await screenshot(page, 'list');

  for (const n of [`${name} renamed (copy)`, `${name} renamed`]) {
    await page.getByRole('button', { name: `Delete ${n}` }).click();
    await designer.designRow(n).getByRole('button', { name: 'Delete for good' }).click();
    await expect(designer.designRow(n)).toHaveCount(0);
  }
});

test('live overlay: produce rates on the topic and lag on the consumer while traffic runs', async ({ page }) => {
  test.setTimeout(180_000);
  const { Kafka, logLevel } = await import('kafkajs');
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const topic = `e2e-${stamp}-live`;
  const group = `e2e-${stamp}-live-group`;
  const file = [
    'version: 1',
    `name: e2e live ${stamp}`,
    'services:',
    '  - { id: shop, name: Shop, role: producer }',
    '  - { id: billing, name: Billing, role: consumer }',
    'topics:',
    `  - { id: orders, name: ${topic}, partitions: 1, replicationFactor: 1 }`,
    'edges:',
    '  - { id: shop-orders, kind: produces, serviceId: shop, topicId: orders }',
    `  - { id: billing-orders, kind: consumes, serviceId: billing, topicId: orders, consumerGroup: ${group} }`,
  ].join('\n');
  const designer = new DesignerPage(page);
  await designer.gotoList();
  await page.getByLabel('Import a design or AsyncAPI file').setInputFiles({ name: 'live.yaml', mimeType: 'application/yaml', buffer: Buffer.from(file) });
  await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
  await designer.waitForCanvas();

  // Before the topic exists, the overlay marks it as designed but missing.
  await page.getByRole('checkbox', { name: 'Live overlay' }).check();
  await expect(designer.node('orders')).toContainText('not in cluster');
  await page.getByRole('checkbox', { name: 'Live overlay' }).uncheck();

  await designer.plan('');
  await page.getByRole('button', { name: /^Apply \d+ steps?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Last run' })).toContainText('0 failed');

  const kafka = new Kafka({ clientId: 'kea-e2e-live', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '0' }] });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  let sent = 0;
  const traffic = setInterval(() => {
    void producer.send({ topic, messages: Array.from({ length: 5 }, () => ({ key: 'k', value: `m${sent++}` })) }).catch(() => undefined);
  }, 100);
  try {
    await page.getByRole('checkbox', { name: 'Live overlay' }).check();
    await expect(designer.node('orders').getByTestId('topic-rate')).toHaveText(/^[1-9]\d*(\.\d)? msg\/s$/, { timeout: 30_000 });
    await expect(designer.node('billing').getByTestId('consumer-live')).toHaveText(/lag [1-9][\d,]*/, { timeout: 30_000 });
    await expect(page.locator('[data-edge-label="produces"]')).toContainText('msg/s');
    await expect(designer.node('orders')).not.toContainText('not in cluster');
    await screenshot(page, 'live');
  } finally {
    clearInterval(traffic);
    await producer.disconnect();
  }
});

test('canvas editing: copy and paste, undo and redo, keyboard delete, a problem focuses its node, auto-layout, history', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createDesign(`e2e editing ${Date.now()}`);
  await designer.dragFromPalette('Topic', 250, 150);
  await designer.select('topic');
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(designer.node('topic-copy')).toBeVisible();
  await expect(designer.node('topic-copy')).toContainText('topic-copy');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(designer.node('topic-copy')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(designer.node('topic-copy')).toBeVisible();

  await designer.select('topic-copy');
  await page.keyboard.press('Delete');
  await expect(designer.node('topic-copy')).toHaveCount(0);

  // Both topics were flagged; after the delete one problem remains, and clicking it selects its node.
  await designer.tab('Problems').click();
  await page.getByRole('list', { name: 'Problems' }).getByRole('button').filter({ hasText: 'Topic "topic"' }).first().click();
  await expect(designer.node('topic')).toHaveClass(/selected/);
  await expect(designer.tab('Inspector')).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await designer.save();
  await designer.tab('History').click();
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(designer.node('topic')).toHaveCount(0);
  await expect(designer.saveState).toHaveText('Saved · r3');
});

test('a dead-letter topic’s source is a line: drawn from the model, deleted (clearing the setting), drawn again by hand', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createDesign(`e2e dlq line ${Date.now()}`);
  await designer.dragFromPalette('Topic', 150, 200);
  await designer.dragFromPalette('Dead-letter topic', 560, 200);
  const line = designer.edge('topic.dlq:source');
  const label = page.locator('[data-edge-label="dead-letters-to"]');
  const sourceField = async () => {
    await designer.select('topic.dlq');
    await designer.tab('Inspector').click();
    return designer.inspectorField('Source topic');
  };

  // A DLQ dropped next to a topic takes it as its source, and the canvas says so with a line.
  await expect(line).toHaveCount(1);
  await expect(label).toHaveText('dead-letters to');
  await expect(await sourceField()).toHaveValue('topic');

  // Deleting the line clears the setting.
  await designer.clickEdge('topic.dlq:source');
  await expect(line).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(line).toHaveCount(0);
  await expect(await sourceField()).toHaveValue('');

  // Drawing topic → DLQ sets it again, and the line is back.
  await designer.connect('topic', 'topic.dlq');
  await expect(line).toHaveCount(1);
  await expect(line.locator('path.react-flow__edge-path')).toHaveAttribute('style', /stroke-dasharray: 3,? 3/);
  await expect(label).toHaveText('dead-letters to');
  await screenshot(page, 'dlq-source-line');
  await expect(await sourceField()).toHaveValue('topic');
});

test('schema editor: JSON highlighting, a diff against the saved version, Protobuf highlighting', async ({ page }) => {
  const external: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname !== '127.0.0.1') external.push(r.url());
  });
  const designer = new DesignerPage(page);
  await designer.createDesign(`e2e schema editor ${Date.now()}`);
  await designer.dragFromPalette('Schema', 300, 200);
  await designer.save();

  await designer.openSchemaEditor('schema');
  await expect.poll(() => designer.schemaTokenColours()).toBeGreaterThanOrEqual(3);
  await designer.replaceInSchema('"Event"', '"OrderPlaced"');
  await expect(designer.schemaStatus).toHaveText('valid');
  await page.getByLabel('Compare with').selectOption({ label: 'Diff with saved r1' });
  const diff = page.locator('[data-testid="schema-editor"] .monaco-diff-editor');
  await expect(diff).toBeVisible();
  // The diff is computed in Monaco's editor worker: changed text is marked on both sides.
  await expect(diff.locator('.char-insert').first()).toBeVisible();
  await expect(diff.locator('.char-delete').first()).toBeVisible();
  await screenshot(page, 'schema-diff');
  await page.getByLabel('Compare with').selectOption({ label: 'Edit' });
  await page.getByRole('button', { name: 'Done' }).click();

  await designer.select('schema');
  await designer.tab('Inspector').click();
  await designer.inspectorField('Format').selectOption('PROTOBUF');
  await designer.openSchemaEditor('schema');
  await page.locator('[data-testid="schema-editor"] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('syntax = "proto3";\n\nmessage OrderPlaced {\n  string order_id = 1;\n  int64 amount_cents = 2;\n}\n');
  await expect.poll(() => designer.schemaTokenColours()).toBeGreaterThanOrEqual(3);
  await screenshot(page, 'schema-protobuf');
  expect(external).toEqual([]);
});
