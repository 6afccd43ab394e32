import { expect, type Locator, type Page } from '@playwright/test';

/** The consumer-group pages (list, detail tabs, reset and delete forms) as a user sees them. */
export class GroupsPage {
  constructor(
    readonly page: Page,
    readonly cluster = 'local',
  ) {}

  // ---- list ----------------------------------------------------------------------------------

  async gotoList(params: Record<string, string> = {}) {
    const search = new URLSearchParams(params).toString();
    await this.page.goto(`/clusters/${this.cluster}/groups${search ? `?${search}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Consumer groups' })).toBeVisible();
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search consumer groups' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Consumer groups' });
  }

  get matchCount(): Locator {
    return this.page.getByTestId('group-count');
  }

  async search(text: string) {
    await expect(this.searchBox).toBeEditable();
    await this.searchBox.fill(text);
    await this.page.waitForURL((url) => (url.searchParams.get('q') ?? '') === text.trim());
    await expect(this.page.getByText('Searching…')).toHaveCount(0);
  }

  row(groupId: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: groupId, exact: true }) });
  }

  /** Cells of a row by column: group, state, members, topics, total lag, status. */
  cell(groupId: string, column: 'state' | 'members' | 'topics' | 'lag' | 'status'): Locator {
    const index = { state: 1, members: 2, topics: 3, lag: 4, status: 5 }[column];
    return this.row(groupId).locator('td').nth(index);
  }

  async openGroup(groupId: string) {
    await this.row(groupId).getByRole('link', { name: groupId, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(groupId);
  }

  // ---- detail --------------------------------------------------------------------------------

  async gotoGroup(groupId: string, tab?: 'members' | 'reset' | 'danger') {
    await this.page.goto(`/clusters/${this.cluster}/groups/${encodeURIComponent(groupId)}${tab ? `?tab=${tab}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(groupId);
  }

  async openTab(name: 'Lag' | 'Members' | 'Reset offsets' | 'Danger zone') {
    await this.page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  }

  get totalLag(): Locator {
    return this.page.getByTestId('total-lag');
  }

  get state(): Locator {
    return this.page.getByTestId('group-state');
  }

  get members(): Locator {
    return this.page.getByTestId('group-members');
  }

  get status(): Locator {
    return this.page.getByTestId('group-status');
  }

  get explanation(): Locator {
    return this.page.getByTestId('status-explanation');
  }

  get live(): Locator {
    return this.page.getByTestId('live-indicator');
  }

  get chart(): Locator {
    return this.page.getByTestId('lag-chart');
  }

  get sampleCount(): Locator {
    return this.page.getByTestId('lag-sample-count');
  }

  /** Lag events the page has applied since it loaded (the live indicator counts them). */
  async liveUpdates(): Promise<number> {
    return Number(await this.live.getAttribute('data-updates'));
  }

  async totalLagValue(): Promise<number> {
    return Number((await this.totalLag.textContent())!.replace(/,/g, ''));
  }

  get partitionTable(): Locator {
    return this.page.getByRole('table', { name: 'Partition lag' });
  }

  get membersTable(): Locator {
    return this.page.getByRole('table', { name: 'Members' });
  }

  // ---- reset ---------------------------------------------------------------------------------

  async previewReset(options: {
    topic?: string;
    /** Partitions of the chosen topic to leave out (unticked in the partition picker). */
    leaveOut?: number[];
    kind: 'Earliest offset' | 'Latest offset (skip everything waiting)' | 'Exact offset' | 'Shift by N messages';
    value?: string;
  }) {
    const form = this.page.getByRole('form', { name: 'Reset offsets' });
    await expect(form.getByRole('button', { name: 'Preview reset' })).toBeEnabled();
    if (options.topic) await form.getByLabel('Topics').selectOption(options.topic);
    for (const p of options.leaveOut ?? []) await form.getByRole('checkbox', { name: `Partition ${p}`, exact: true }).uncheck();
    await form.getByLabel('Move to').selectOption({ label: options.kind });
    if (options.kind === 'Exact offset') await form.getByLabel(/^Offset/).fill(options.value ?? '');
    if (options.kind === 'Shift by N messages') await form.getByLabel(/^Messages/).fill(options.value ?? '');
    await form.getByRole('button', { name: 'Preview reset' }).click();
  }

  get previewTable(): Locator {
    return this.page.getByRole('table', { name: 'Offset reset preview' });
  }

  /** Preview rows as { partition: new offset }. */
  async previewTargets(): Promise<Record<string, string>> {
    const rows = await this.previewTable.locator('tbody tr').all();
    const out: Record<string, string> = {};
    for (const r of rows) out[(await r.locator('td').nth(1).textContent())!] = (await r.locator('td').nth(3).textContent())!.replace(/,/g, '');
    return out;
  }

  get applyButton(): Locator {
    return this.page.getByRole('button', { name: /^Apply reset/ });
  }

  // ---- delete --------------------------------------------------------------------------------

  async deleteGroup(groupId: string) {
    const form = this.page.getByRole('form', { name: 'Delete group' });
    const button = form.getByRole('button', { name: 'Delete group' });
    await expect(button).toBeDisabled();
    await form.getByLabel(/to confirm/).fill(groupId);
    await button.click();
  }
}
