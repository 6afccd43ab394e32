import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/designer-page';
import { DesignSettingsPage } from './pages/design-settings-page';

/**
 * Environments and design settings, edited in the designer: a topic with one replica is an error
 * in production only; a "prod" environment with a replication-factor override fixes it there; the
 * choice of environment scopes lint; invalid input is refused beside the field; undo covers the
 * settings; everything survives save and reload.
 */
const SCREENS = 'test-results/screens';

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/design-settings-${name}.png` });
}

const RF_ERROR = /Topic "topic" has replication factor 1 in production/;

test('add a prod environment with a replication override, lint it, save and reload', async ({ page }) => {
  test.setTimeout(120_000);
  const designer = new DesignerPage(page);
  const settings = new DesignSettingsPage(page);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  await designer.createDesign(`e2e settings ${stamp}`);

  // A topic with one replica: fine in dev, an error wherever production rules apply.
  await designer.dragFromPalette('Topic', 300, 160);
  await designer.select('topic');
  await designer.inspectorField('Replication factor').fill('1');
  const problems = page.getByRole('list', { name: 'Problems' });
  await designer.tab('Problems').click();
  await expect(page.getByTestId('lint-scope')).toHaveText(/Linting the base design and every environment/);
  await expect(problems).toContainText(RF_ERROR);

  // A new design comes with dev and prod; start prod over to build it here.
  await settings.open();
  await settings.removeEnvironment('prod');

  // Names are checked as typed, with the document's own rules.
  const newName = settings.addForm.getByLabel('New environment');
  await newName.fill('Prod');
  await expect(settings.addForm.getByRole('alert')).toHaveText('Environment names are lower-case letters, digits and "-", starting with a letter or digit.');
  await expect(settings.addForm.getByRole('button', { name: 'Add environment' })).toBeDisabled();
  await newName.fill('dev');
  await expect(settings.addForm.getByRole('alert')).toHaveText('This design already has an environment "dev"; pick another name.');
  await settings.addEnvironment('prod', true);

  // Undo and redo cover settings like any other edit.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(settings.environment('prod')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(settings.environment('prod')).toBeVisible();

  // Lint prod: the inherited replication factor 1 is an error there.
  await settings.lintEnvironment.selectOption('prod');
  await designer.tab('Problems').click();
  await expect(page.getByTestId('lint-scope')).toHaveText(/Linting environment prod/);
  await expect(problems).toContainText(RF_ERROR);
  await screenshot(page, 'prod-before-override');

  // Override replication to 3 in prod: the error goes; an out-of-range value is refused beside the field.
  await settings.open();
  const prod = settings.environment('prod');
  const rf = prod.getByLabel('Replication factor, every topic');
  await rf.fill('40');
  await expect(prod.getByRole('alert')).toHaveText(/<=32/);
  await rf.fill('3');
  await expect(prod.getByRole('alert')).toHaveCount(0);
  // Config keys and values are checked against Kafka's catalogue, as on load, and named beside the field.
  const configs = prod.getByLabel('Configs, every topic');
  await configs.fill('retention.msx=1');
  await expect(prod.getByRole('alert')).toHaveText('Environment "prod": "retention.msx" is not a topic config; did you mean "retention.ms"?');
  await configs.fill('min.insync.replicas=2');
  await expect(prod.getByRole('alert')).toHaveCount(0);
  await screenshot(page, 'prod-override');
  await designer.tab('Problems').click();
  await expect(page.getByText(RF_ERROR)).toHaveCount(0);
  await screenshot(page, 'prod-after-override');

  // dev is not production: no replication error there either; the base design still has it.
  await settings.open();
  await settings.lintEnvironment.selectOption('dev');
  await designer.tab('Problems').click();
  await expect(page.getByTestId('lint-scope')).toHaveText(/Linting environment dev/);
  await expect(page.getByText(RF_ERROR)).toHaveCount(0);

  // Renaming an environment carries the lint choice along.
  await settings.open();
  await settings.environment('dev').getByLabel('Name').fill('local');
  await expect(settings.environment('local')).toBeVisible();
  await expect(settings.lintEnvironment).toHaveValue('local');
  await settings.lintEnvironment.selectOption('');
  await designer.tab('Problems').click();
  await expect(problems).toContainText(RF_ERROR);

  // A per-topic override, a naming pattern the server would have to backtrack on is refused, then a usable one.
  await settings.open();
  await settings.lintEnvironment.selectOption('prod');
  await prod.getByLabel('Override a topic in prod').selectOption({ label: 'topic' });
  await prod.getByRole('group', { name: 'Override of topic' }).getByLabel('Partitions').fill('12');
  await settings.namingPattern.fill('^(?!tmp-).+$');
  await expect(settings.panel.getByRole('region', { name: 'Lint and plan' }).getByRole('alert')).toHaveText(/This pattern cannot be used: it uses a lookahead/);
  await settings.namingPattern.fill('^[a-z]+$');
  await settings.lintEnvironment.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-panel');

  await designer.save();
  await page.reload();
  await designer.waitForCanvas();
  await settings.open();
  await expect(settings.environment('prod')).toBeVisible();
  await expect(settings.environment('local')).toBeVisible();
  await expect(settings.environment('prod').getByLabel('Replication factor, every topic')).toHaveValue('3');
  await expect(settings.environment('prod').getByLabel('Configs, every topic')).toHaveValue('min.insync.replicas=2');
  await expect(settings.environment('prod').getByLabel('Partitions')).toHaveValue('12');
  await expect(settings.lintEnvironment).toHaveValue('prod');
  await expect(settings.namingPattern).toHaveValue('^[a-z]+$');
  await designer.tab('Problems').click();
  await expect(page.getByTestId('lint-scope')).toHaveText(/Linting environment prod/);
  await expect(page.getByText(RF_ERROR)).toHaveCount(0);
  await designer.tab('Plan & apply').click();
  await expect(page.getByLabel('Plan environment')).toHaveValue('prod');
});

test('a schema that would backtrack for minutes is stopped on the server, the reason shown beside it, and the next check works', async ({ page }) => {
  test.setTimeout(120_000);
  const designer = new DesignerPage(page);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  await designer.createDesign(`e2e schema limit ${stamp}`);
  await designer.dragFromPalette('Schema', 300, 160);
  await designer.select('schema');
  await designer.inspectorField('Format').selectOption('JSON');
  await designer.openSchemaEditor('schema');

  // ajv tests each property name against each patternProperties regex while compiling: 2^32 steps
  // here; the lookahead keeps V8's linear-time fallback (on in the server) from defusing it.
  const runaway = JSON.stringify({ type: 'object', properties: { [`${'a'.repeat(32)}!`]: { type: 'string' } }, patternProperties: { '^(?!x)(a+)+$': { type: 'string' } } });
  const editor = page.locator('[data-testid="schema-editor"] .monaco-editor .view-lines');
  // Pasted, as typing would have Monaco close brackets and quotes on its own.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const paste = async (text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
  };
  await paste(JSON.stringify({ type: 'object' }));
  await expect(designer.schemaStatus).toHaveText('valid', { timeout: 30_000 });
  await paste(runaway);
  await expect(designer.schemaStatus).toHaveText('1 error', { timeout: 30_000 });
  await expect(page.getByText(/Schema analysis took longer than \d+ ms and was stopped/)).toBeVisible();
  await screenshot(page, 'schema-stopped');

  await paste(JSON.stringify({ type: 'object', properties: { id: { type: 'string' } } }));
  await expect(designer.schemaStatus).toHaveText('valid', { timeout: 30_000 });
});
