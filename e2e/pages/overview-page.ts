import { expect, type Locator, type Page } from '@playwright/test';

/** The cluster overview and the shell around it (navigation, cluster switcher, theme, health). */
export class OverviewPage {
  constructor(readonly page: Page) {}

  async goto(cluster = 'local') {
    await this.page.goto(`/clusters/${cluster}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  }

  get brokersTable(): Locator {
    return this.page.getByTestId('brokers-table');
  }

  stat(label: string): Locator {
    return this.page.getByRole('region', { name: 'Cluster summary' }).locator('div', { has: this.page.getByText(label, { exact: true }) }).last();
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get clusterSwitcher(): Locator {
    return this.page.getByRole('combobox', { name: 'Cluster' });
  }

  get health(): Locator {
    return this.page.getByTestId('health-indicator');
  }

  get errorPanel(): Locator {
    // Scoped to <main>: Next.js keeps its own (empty) route announcer with role=alert in the body.
    return this.page.getByRole('main').getByRole('alert');
  }
}
