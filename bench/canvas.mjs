#!/usr/bin/env node
// The designer canvas at 500 nodes and 1,000 edges: time to open (load, auto-layout, first paint of
// the nodes), to drag one node across the canvas (frame times while dragging, at the view the designer
// opens with and with the whole design on screen after "fit view"), to zoom, and how long lint takes
// after an edit. Drives Debian's chromium with Playwright against a running
// console. Prints figures; asserts nothing (machines here are noisy and shared).
//
//   npx next build && npx next start -p 3000 &   then   node bench/canvas.mjs [--url http://127.0.0.1:3000] [--nodes 500] [--runs 3]
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const URL_BASE = arg('--url', 'http://127.0.0.1:3000');
const NODES = Number(arg('--nodes', 500));
const RUNS = Number(arg('--runs', 3));

/** 30 % services, 60 % topics, 10 % schemas; each service produces to 2 topics and consumes 4, and a third of the topics link a schema: 2 edges per node. */
function bigDesign(nodes) {
  const services = Math.round(nodes * 0.3);
  const schemas = Math.round(nodes * 0.1);
  const topics = nodes - services - schemas;
  const lines = ['version: 1', `name: bench canvas ${nodes} nodes ${Date.now()}`, 'services:'];
  for (let i = 0; i < services; i++) lines.push(`  - { id: svc-${i}, name: Service ${i}, role: both }`);
  lines.push('schemas:');
  for (let i = 0; i < schemas; i++) lines.push(`  - { id: sch-${i}, subject: bench-${i}-value, format: JSON, definition: '{"type":"object"}' }`);
  lines.push('topics:');
  for (let i = 0; i < topics; i++) lines.push(`  - { id: t-${i}, name: bench.topic-${i}, partitions: 3, replicationFactor: 3, configs: { min.insync.replicas: '2' }${i < topics / 3 ? `, valueSchemaId: sch-${i % schemas}` : ''} }`);
  lines.push('edges:');
  let edges = Math.ceil(topics / 3);
  for (let s = 0; s < services; s++) {
    for (let k = 0; k < 2; k++, edges++) lines.push(`  - { id: p-${s}-${k}, kind: produces, serviceId: svc-${s}, topicId: t-${(s * 2 + k) % topics} }`);
    for (let k = 0; k < 4; k++, edges++) lines.push(`  - { id: c-${s}-${k}, kind: consumes, serviceId: svc-${s}, topicId: t-${(s * 5 + k * 7 + 1) % topics}, consumerGroup: g-${s} }`);
  }
  return { yaml: lines.join('\n'), nodes: services + topics + schemas, edges };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const fmt = (ms) => `${ms.toFixed(0)} ms`;

const { yaml, nodes, edges } = bigDesign(NODES);
console.log(`design: ${nodes} nodes, ${edges} edges; ${URL_BASE}; ${RUNS} runs`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });

// One import; then each run reopens the saved design (layout computed on the first open is saved).
await page.goto(`${URL_BASE}/designs`);
await page.getByLabel('Import a design or AsyncAPI file').setInputFiles({ name: 'bench.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/, { timeout: 120_000 });
await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
const designUrl = page.url();
const t0 = performance.now();
await page.getByRole('button', { name: 'Save', exact: true }).click();
await page.getByTestId('save-state').filter({ hasText: /^Saved/ }).waitFor({ timeout: 60_000 });
const saveMs = performance.now() - t0;

/** Frame times (ms between animation frames) while `action` runs. */
async function frames(action) {
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const loop = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(loop);
    };
    window.__recording = true;
    requestAnimationFrame(loop);
  });
  const started = performance.now();
  await action();
  const wall = performance.now() - started;
  const ft = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });
  return { wall, frames: ft };
}

const results = { open: [], firstNode: [], renderedOpen: [], dragOpen: [], dragOpenP95: [], drag: [], dragP95: [], zoom: [], zoomP95: [], lint: [], rendered: [] };
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  await page.goto(designUrl);
  await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
  results.firstNode.push(performance.now() - start);
  // Open = the canvas has measured and placed its nodes (React Flow marks them visible).
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0 && [...document.querySelectorAll('.react-flow__node')].every((n) => n.style.visibility !== 'hidden'));
  results.open.push(performance.now() - start);
  /** Drags the sixth node in the DOM 300 px in 30 mouse moves; returns frame times. */
  const dragOne = async () => {
    const node = page.locator('.react-flow__node').nth(5);
    const box = await node.boundingBox();
    const drag = await frames(async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2 + i * 3);
      await page.mouse.up();
    });
    return drag.frames;
  };

  // At the view the designer opens with.
  results.renderedOpen.push(await page.locator('.react-flow__node').count());
  const atOpen = await dragOne();
  results.dragOpen.push(median(atOpen));
  results.dragOpenP95.push(p95(atOpen));

  // The heavy case: the whole design on screen (the Controls' fit-view button).
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(500);
  results.rendered.push(await page.locator('.react-flow__node').count());
  const atFit = await dragOne();
  results.drag.push(median(atFit));
  results.dragP95.push(p95(atFit));

  // Zoom in and out with the wheel over the canvas.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const zoom = await frames(async () => {
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  });
  results.zoom.push(median(zoom.frames));
  results.zoomP95.push(p95(zoom.frames));

  // Lint after an edit: the problems badge updates once lint has run over the whole design.
  const lintStart = performance.now();
  await page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: 'Topic', exact: true }).click();
  await page.getByTestId('problem-count').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node.selected').length === 1);
  results.lint.push(performance.now() - lintStart);
}
await browser.close();

console.log(`save (${nodes} nodes, ${edges} edges):       ${fmt(saveMs)}`);
console.log(`open → first node painted:             median ${fmt(median(results.firstNode))}`);
console.log(`open → every rendered node placed:     median ${fmt(median(results.open))}`);
console.log(`drag at the opening view (${median(results.renderedOpen)} nodes in the DOM): frame time median ${fmt(median(results.dragOpen))}, p95 ${fmt(median(results.dragOpenP95))}`);
console.log(`drag after "fit view" (${median(results.rendered)} nodes in the DOM): frame time median ${fmt(median(results.drag))}, p95 ${fmt(median(results.dragP95))}`);
console.log(`wheel zoom (10 steps): frame time      median ${fmt(median(results.zoom))}, p95 ${fmt(median(results.zoomP95))}`);
console.log(`add a node → lint + badge updated:     median ${fmt(median(results.lint))}`);
