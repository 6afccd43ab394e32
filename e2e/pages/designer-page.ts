import { expect, type Locator, type Page } from '@playwright/test';

/** The designs list and the designer canvas as a user sees them. */
export class DesignerPage {
  constructor(readonly page: Page) {}

  // ---- list ----------------------------------------------------------------------------------

  async gotoList() {
    await this.page.goto('/designs');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Designs' })).toBeVisible();
  }

  async createDesign(name: string, template: string | null = null) {
    await this.gotoList();
    await this.page.getByRole('form', { name: 'New design' }).getByLabel('Name').fill(name);
    if (template) await this.page.getByLabel('Start from').selectOption({ label: `Template: ${template}` });
    await this.page.getByRole('button', { name: 'Create design' }).click();
    await this.page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
    await this.waitForCanvas();
    return this.page.url().split('/').at(-1)!;
  }

  designRow(name: string): Locator {
    return this.page.getByRole('table', { name: 'Designs' }).getByRole('row', { name });
  }

  // ---- canvas --------------------------------------------------------------------------------

  async waitForCanvas() {
    await expect(this.page.getByRole('navigation', { name: 'Palette' })).toBeVisible();
    await expect(this.page.locator('.react-flow__renderer')).toBeVisible();
  }

  get canvas(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edge(id: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  /** Drags a palette entry onto the canvas at (x, y) relative to the canvas's top-left corner. */
  async dragFromPalette(title: string, x: number, y: number) {
    await this.page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: title, exact: true }).dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** Draws a connection from one node's right handle to another's left handle, with the mouse as a person would. */
  async connect(sourceId: string, targetId: string) {
    const from = this.node(sourceId).locator('.react-flow__handle.source');
    const to = this.node(targetId).locator('.react-flow__handle.target');
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Clicks on an edge's line (a quarter along it, clear of its label); a straight edge has no height, so Playwright's own click would wait for it to become "visible". */
  async clickEdge(id: string) {
    const box = (await this.edge(id).boundingBox())!;
    await this.page.mouse.click(box.x + box.width / 4, box.y + box.height / 4);
  }

  async select(id: string) {
    await this.node(id).click();
  }

  tab(name: 'Inspector' | 'Problems' | 'Plan & apply' | 'History' | 'Export'): Locator {
    return this.page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: new RegExp(`^${name.replace(/[&]/g, '\\$&')}`) });
  }

  inspectorField(label: string): Locator {
    return this.page.getByRole('tabpanel').getByLabel(label, { exact: true });
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.saveState).toHaveText(/^Saved · r\d+$/);
  }

  // ---- schema editor -------------------------------------------------------------------------

  async openSchemaEditor(schemaId: string) {
    await this.node(schemaId).dblclick();
    await expect(this.page.locator('[data-testid="schema-editor"] .monaco-editor')).toBeVisible({ timeout: 60_000 });
  }

  /** Find and replace in Monaco (Ctrl+H), as a person fixing a schema would. */
  async replaceInSchema(find: string, replace: string) {
    await this.page.locator('[data-testid="schema-editor"] .monaco-editor .view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+H');
    const widget = this.page.locator('[data-testid="schema-editor"] .find-widget');
    await widget.getByRole('textbox', { name: 'Find' }).fill(find);
    await widget.getByRole('textbox', { name: 'Replace' }).fill(replace);
    await widget.getByRole('button', { name: /Replace All/ }).click();
    await this.page.keyboard.press('Escape');
  }

  /** How many differently coloured token classes Monaco drew: 1 means no highlighting. */
  async schemaTokenColours(): Promise<number> {
    return this.page.locator('[data-testid="schema-editor"] .monaco-editor .view-lines').first().evaluate((el) => new Set([...el.querySelectorAll('span[class^="mtk"]')].map((s) => s.className)).size);
  }

  get schemaStatus(): Locator {
    return this.page.getByTestId('schema-status');
  }

  get errorMarkers(): Locator {
    return this.page.locator('[data-testid="schema-editor"] .monaco-editor .squiggly-error');
  }

  // ---- plan and apply ------------------------------------------------------------------------

  async plan(environment = 'dev') {
    await this.tab('Plan & apply').click();
    await this.page.getByLabel('Plan environment').selectOption(environment);
    await this.page.getByRole('button', { name: /^(Plan|Plan again)$/ }).click();
  }

  get planSteps(): Locator {
    return this.page.getByRole('list', { name: 'Plan steps' }).getByRole('listitem');
  }
}
