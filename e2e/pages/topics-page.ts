import { expect, type Locator, type Page } from '@playwright/test';

export interface NewTopic {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  configs?: Record<string, string>;
}

/**
 * The Topics pages (list, create form, detail) as a user sees them: roles and labels, no CSS.
 * One object for the feature, in the style of Redpanda Console's tests/console/utils/*-page.ts.
 */
export class TopicsPage {
  constructor(
    readonly page: Page,
    readonly cluster = 'local',
  ) {}

  // ---- list ----------------------------------------------------------------------------------

  async gotoList(params: Record<string, string> = {}) {
    const search = new URLSearchParams(params).toString();
    await this.page.goto(`/clusters/${this.cluster}/topics${search ? `?${search}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  }

  /** The list is interactive once its search box is (it is read-only until React has hydrated). */
  async waitForListReady() {
    await expect(this.searchBox).toBeEditable();
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search topics' });
  }

  get topicsTable(): Locator {
    return this.page.getByRole('table', { name: 'Topics' });
  }

  get matchCount(): Locator {
    return this.page.getByTestId('topic-count');
  }

  /** Types into the search box and waits for the debounced URL update to land. */
  async search(text: string) {
    await this.searchBox.fill(text);
    const q = text.trim();
    await this.page.waitForURL((url) => (url.searchParams.get('q') ?? '') === q);
    await expect(this.page.getByText('Searching…')).toHaveCount(0);
  }

  topicRow(name: string): Locator {
    return this.topicsTable.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The visible topic names, in table order. */
  async listedTopicNames(): Promise<string[]> {
    return this.topicsTable.locator('tbody tr td:first-child a').allTextContents();
  }

  async sortBy(column: 'Name' | 'Partitions' | 'Replication factor' | 'Health') {
    const before = this.page.url();
    await this.topicsTable.getByRole('columnheader').getByRole('link', { name: column }).click();
    await this.page.waitForURL((url) => url.toString() !== before);
  }

  async openTopic(name: string) {
    await this.topicRow(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(name);
  }

  // ---- create --------------------------------------------------------------------------------

  async gotoCreate() {
    await this.page.goto(`/clusters/${this.cluster}/topics/new`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Create topic' })).toBeVisible();
    // Enabled once hydrated: before that a click would be lost.
    await expect(this.createButton).toBeEnabled();
  }

  get nameInput(): Locator {
    return this.page.getByLabel('Topic name');
  }
  get partitionsInput(): Locator {
    return this.page.getByLabel('Partitions', { exact: true });
  }
  get replicationFactorInput(): Locator {
    return this.page.getByLabel('Replication factor', { exact: true });
  }
  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create topic' });
  }

  configNameInput(row: number): Locator {
    return this.page.getByLabel(`Config ${row} name`);
  }
  configValueInput(row: number): Locator {
    return this.page.getByLabel(`Config ${row} value`);
  }

  async addConfigRow(key: string, value: string) {
    await this.page.getByRole('button', { name: '+ Add config' }).click();
    const row = await this.page.getByLabel(/^Config \d+ name$/).count();
    await this.configNameInput(row).fill(key);
    await this.configValueInput(row).fill(value);
  }

  async fillCreateForm(t: NewTopic) {
    await this.nameInput.fill(t.name);
    if (t.partitions !== undefined) await this.partitionsInput.fill(String(t.partitions));
    if (t.replicationFactor !== undefined) await this.replicationFactorInput.fill(String(t.replicationFactor));
    for (const [k, v] of Object.entries(t.configs ?? {})) await this.addConfigRow(k, v);
  }

  /** Fills the form, submits it and waits for the new topic's page. */
  async createTopic(t: NewTopic) {
    await this.gotoCreate();
    await this.fillCreateForm(t);
    await this.createButton.click();
    await this.page.waitForURL(`**/topics/${t.name}?created=1`);
    await expect(this.page.getByRole('status')).toContainText(`Topic “${t.name}” created`);
  }

  /** The error message shown for an input (linked through aria-describedby). */
  async expectFieldError(input: Locator, message: string | RegExp) {
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId, 'input should point at its error message').toBeTruthy();
    await expect(this.page.locator(`[id="${errorId}"]`)).toContainText(message);
  }

  async expectNoFieldError(input: Locator) {
    await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  }

  // ---- detail --------------------------------------------------------------------------------

  async gotoTopic(name: string, tab?: 'configs' | 'danger') {
    await this.page.goto(`/clusters/${this.cluster}/topics/${encodeURIComponent(name)}${tab ? `?tab=${tab}` : ''}`);
  }

  async openTab(tab: 'Partitions' | 'Configs' | 'Danger zone') {
    await this.page.getByRole('navigation', { name: 'Topic sections' }).getByRole('link', { name: new RegExp(`^${tab}`) }).click();
    await expect(this.page.getByRole('navigation', { name: 'Topic sections' }).getByRole('link', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-current', 'page');
  }

  summaryStat(label: string): Locator {
    return this.page.getByRole('region', { name: 'Topic summary' }).locator('div', { has: this.page.getByText(label, { exact: true }) }).last();
  }

  get partitionsTable(): Locator {
    return this.page.getByRole('table', { name: 'Partitions', exact: true });
  }

  /** Cells of one partition's row: [partition, leader, replicas, isr, low, high, records]. */
  async partitionRow(partition: number): Promise<string[]> {
    const row = this.partitionsTable.locator('tbody tr').nth(partition);
    return (await row.locator('td').allTextContents()).map((s) => s.trim());
  }

  get configsTable(): Locator {
    return this.page.getByRole('table', { name: 'Configs' });
  }

  configRow(name: string): Locator {
    return this.configsTable.locator(`tr[data-config="${name}"]`);
  }

  async expectConfig(name: string, value: string, source: 'set on topic' | 'default' | RegExp) {
    const row = this.configRow(name);
    await expect(row.locator('td').nth(1)).toContainText(value);
    await expect(row.locator('td').nth(2)).toContainText(source);
  }

  async editConfig(name: string, value: string) {
    await this.configRow(name).getByRole('button', { name: `Edit ${name}` }).click();
    await this.page.getByLabel(`New value for ${name}`).fill(value);
    await this.page.getByRole('form', { name: `Edit ${name}` }).getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('status')).toContainText(`${name} set to ${value}`);
  }

  async resetConfig(name: string) {
    await this.configRow(name).getByRole('button', { name: `Edit ${name}` }).click();
    await this.page.getByRole('button', { name: 'Reset to default' }).click();
    await expect(this.page.getByRole('status')).toContainText(`${name} reset`);
  }

  async addConfig(name: string, value: string) {
    await this.page.getByRole('button', { name: '+ Add config' }).click();
    await this.page.getByLabel('Config name').fill(name);
    await this.page.getByLabel('Config value').fill(value);
    await this.page.getByRole('button', { name: 'Save config' }).click();
  }

  // ---- danger zone ---------------------------------------------------------------------------

  get partitionCountInput(): Locator {
    return this.page.getByLabel('New partition count');
  }

  async addPartitions(count: number) {
    await this.partitionCountInput.fill(String(count));
    await this.page.getByRole('button', { name: 'Add partitions' }).click();
  }

  async deleteRecordsBefore(partition: number, offset?: string) {
    await this.page.getByRole('checkbox', { name: `Partition ${partition}`, exact: true }).check();
    if (offset !== undefined) await this.page.getByLabel(`Delete before offset in partition ${partition}`).fill(offset);
    await this.page.getByRole('button', { name: 'Delete records…' }).click();
    await this.page.getByRole('alertdialog', { name: 'Confirm deleting records' }).getByRole('button', { name: 'Confirm delete' }).click();
  }

  get deleteConfirmationInput(): Locator {
    return this.page.getByLabel(/to confirm$/);
  }
  get deleteTopicButton(): Locator {
    return this.page.getByRole('button', { name: 'Delete topic' });
  }
}
