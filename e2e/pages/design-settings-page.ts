import { expect, type Locator, type Page } from '@playwright/test';

/** The designer's Settings tab: lint and plan environment, lint settings, environments and their overrides. */
export class DesignSettingsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: 'Settings' }).click();
    await expect(this.panel).toBeVisible();
  }

  get panel(): Locator {
    return this.page.getByLabel('Design settings');
  }

  get lintEnvironment(): Locator {
    return this.panel.getByRole('region', { name: 'Lint and plan' }).getByLabel('Environment', { exact: true });
  }

  get namingPattern(): Locator {
    return this.panel.getByLabel('Topic naming pattern');
  }

  environment(name: string): Locator {
    return this.panel.getByRole('region', { name: `Environment ${name}`, exact: true });
  }

  get addForm(): Locator {
    return this.panel.getByRole('form', { name: 'Add an environment' });
  }

  async addEnvironment(name: string, production: boolean) {
    await this.addForm.getByLabel('New environment').fill(name);
    if (production) await this.addForm.getByLabel('Production').check();
    await this.addForm.getByRole('button', { name: 'Add environment' }).click();
    await expect(this.environment(name)).toBeVisible();
  }

  async removeEnvironment(name: string) {
    await this.environment(name).getByRole('button', { name: `Remove environment ${name}` }).click();
    await expect(this.environment(name)).toHaveCount(0);
  }
}
