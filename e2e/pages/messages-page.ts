import { expect, type Locator, type Page } from '@playwright/test';

/** The messages pages of a topic (browse, live tail, search, produce) as a user sees them. */
export class MessagesPage {
  constructor(
    readonly page: Page,
    readonly topic: string,
    readonly cluster = 'local',
  ) {}

  url(params: Record<string, string> = {}): string {
    const search = new URLSearchParams(params).toString();
    return `/clusters/${this.cluster}/topics/${encodeURIComponent(this.topic)}/messages${search ? `?${search}` : ''}`;
  }

  async goto(params: Record<string, string> = {}) {
    await this.page.goto(this.url(params));
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(this.topic);
  }

  async openView(name: 'Browse' | 'Live tail' | 'Search' | 'Produce') {
    await this.page.getByRole('navigation', { name: 'Message views' }).getByRole('link', { name }).click();
    await expect(this.page.getByRole('navigation', { name: 'Message views' }).getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }

  // ---- browse --------------------------------------------------------------------------------

  get rows(): Locator {
    return this.page.getByTestId('message-row');
  }

  get loadButton(): Locator {
    return this.page.getByRole('form', { name: 'Browse messages' }).getByRole('button', { name: 'Load' });
  }

  get filterInput(): Locator {
    return this.page.getByLabel(/^Filter expression/);
  }

  /** Sets the browse form and waits for the page it loads. */
  async browse(options: { start?: 'Newest' | 'Oldest' | 'From offset' | 'From time'; offset?: string; partition?: string; limit?: number; filter?: string }) {
    await expect(this.loadButton).toBeEnabled();
    const form = this.page.getByRole('form', { name: 'Browse messages' });
    if (options.partition !== undefined) await form.getByLabel('Partition').selectOption(options.partition);
    if (options.start) await form.getByLabel('Start').selectOption({ label: options.start });
    if (options.offset !== undefined) await form.getByLabel('Offset').fill(options.offset);
    if (options.limit !== undefined) await form.getByLabel('Messages').fill(String(options.limit));
    if (options.filter !== undefined) await this.filterInput.fill(options.filter);
    const before = this.page.url();
    await this.loadButton.click();
    await this.page.waitForURL((u) => u.toString() !== before);
    await expect(this.loadButton).toHaveText('Load');
  }

  async rowValues(): Promise<string[]> {
    return this.rows.locator('td:nth-child(5)').allTextContents();
  }

  async openRow(partition: number, offset: string) {
    await this.page.locator(`[data-testid="message-row"][data-partition="${partition}"][data-offset="${offset}"]`).click();
    await expect(this.page.getByTestId('message-detail')).toBeVisible();
  }

  get summary(): Locator {
    return this.page.getByTestId('browse-summary');
  }

  // ---- live tail and search ------------------------------------------------------------------

  get liveRows(): Locator {
    return this.page.getByTestId('live-row');
  }

  get receivedCount(): Locator {
    return this.page.getByTestId('received-count');
  }

  get stats(): Locator {
    return this.page.getByTestId('live-stats');
  }
}
