import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';

test.describe('cluster overview', () => {
  test('shows the real broker, cluster id and counts', async ({ page }) => {
    const overview = new OverviewPage(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/clusters\/local$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    // Cross-check against kcat, independent of our code.
    const meta = JSON.parse(execFileSync('kcat', ['-b', '127.0.0.1:9092', '-L', '-J'], { encoding: 'utf8' })) as { brokers: { id: number; name: string }[] };
    const rows = overview.brokersTable.locator('tbody tr');
    await expect(rows).toHaveCount(meta.brokers.length);
    for (const b of meta.brokers) {
      const [host, port] = b.name.split(':');
      const row = rows.filter({ has: page.getByRole('cell', { name: String(b.id), exact: true }) });
      await expect(row).toContainText(host!);
      await expect(row).toContainText(port!);
    }
    await expect(overview.brokersTable.getByText('Controller')).toHaveCount(1);
    await expect(overview.stat('Brokers')).toContainText(String(meta.brokers.length));
    await expect(overview.stat('Offline')).toContainText('0');
    await expect(page.locator('header code')).toHaveText(/\S{10,}/);
    await expect(overview.health).toHaveAttribute('data-status', 'ok');
    await page.screenshot({ path: 'test-results/screens/overview-light.png', fullPage: true });
  });

  test('navigates the sections and says plainly what is not built yet', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.nav.getByRole('link', { name: 'Connect' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connect' })).toBeVisible();
    await expect(page.getByText('Not built yet')).toBeVisible();
    await expect(overview.nav.getByRole('link', { name: 'Connect' })).toHaveAttribute('aria-current', 'page');
    await overview.nav.getByRole('link', { name: 'Consumer groups' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Consumer groups' })).toBeVisible();
    await overview.nav.getByRole('link', { name: 'Designs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Designs' })).toBeVisible();
    await overview.nav.getByRole('link', { name: 'Topics' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  });

  test('switches theme and remembers it', async ({ page }) => {
    const overview = new OverviewPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await overview.goto();
    await expect(page.locator('html')).not.toHaveClass(/dark/);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.screenshot({ path: 'test-results/screens/overview-dark.png', fullPage: true });
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect(page.locator('html')).not.toHaveClass(/dark/);
  });

  test('an unreachable cluster says so, and the switcher gets back', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.clusterSwitcher.selectOption('down');
    await expect(page).toHaveURL(/\/clusters\/down$/);
    await expect(overview.errorPanel).toContainText('Cluster unreachable');
    await expect(overview.errorPanel).toContainText('Cannot reach cluster "down"');
    await expect(overview.health).toHaveAttribute('data-status', 'down');
    await page.screenshot({ path: 'test-results/screens/overview-down.png', fullPage: true });
    await overview.clusterSwitcher.selectOption('local');
    await expect(overview.brokersTable).toBeVisible();
  });

  test('an unknown cluster is a 404', async ({ page }) => {
    const response = await page.goto('/clusters/nope');
    expect(response?.status()).toBe(404);
  });
});

test.describe('/api/health', () => {
  test('reports each service of the local stack and the unreachable cluster', async ({ request }) => {
    const local = await request.get('/api/health?cluster=local');
    expect(local.status()).toBe(200);
    const body = await local.json();
    expect(body.clusters[0]).toMatchObject({ name: 'local', status: 'ok', kafka: { ok: true }, schemaRegistry: { ok: true }, connect: { ok: true } });

    const all = await request.get('/api/health');
    expect(all.status()).toBe(503);
    const allBody = await all.json();
    expect(allBody.status).toBe('degraded');
    expect(allBody.clusters.find((c: { name: string }) => c.name === 'down')).toMatchObject({ status: 'down', kafka: { ok: false } });

    expect((await request.get('/api/health?cluster=nope')).status()).toBe(404);
  });
});
