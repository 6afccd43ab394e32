#!/usr/bin/env node
// Bytes of JavaScript the browser loads to open the schema editor (Monaco, lazily loaded): the design
// page on its own, then what double-clicking a schema node adds (editor chunks and workers, for an
// Avro schema and a Protobuf one). Sums decoded body sizes and bytes on the wire, as Playwright sees
// every response of the browser context (workers included). Prints figures; asserts nothing.
//
//   npx next build && npx next start -p 3000 &   then   node bench/schema-editor-bytes.mjs [--url http://127.0.0.1:3000]
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const URL_BASE = args.includes('--url') ? args[args.indexOf('--url') + 1] : 'http://127.0.0.1:3000';

const design = [
  'version: 1',
  `name: bench schema editor bytes ${Date.now()}`,
  'schemas:',
  `  - { id: avro, subject: bench-avro-value, format: AVRO, definition: '{"type":"record","name":"E","fields":[{"name":"id","type":"string"}]}' }`,
  `  - { id: proto, subject: bench-proto-value, format: PROTOBUF, definition: 'syntax = "proto3"; message E { string id = 1; }' }`,
].join('\n');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
let page = await context.newPage();
await page.goto(`${URL_BASE}/designs`);
await page.getByLabel('Import a design or AsyncAPI file').setInputFiles({ name: 'bytes.yaml', mimeType: 'application/yaml', buffer: Buffer.from(design) });
await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/, { timeout: 60_000 });
const designUrl = page.url();
await page.getByRole('button', { name: 'Save', exact: true }).click();
await page.getByTestId('save-state').filter({ hasText: /^Saved/ }).waitFor();

/** URLs counted already: a chunk a worker loads again (from cache) counts once. */
const seen = new Set();

/** JS responses (scripts and workers) first seen while `action` runs, with decoded and transferred sizes. */
async function scriptBytes(action) {
  const pending = [];
  const onResponse = (r) => {
    const type = r.request().resourceType();
    const isJs = type === 'script' || /\.m?js(\?|$)/.test(new URL(r.url()).pathname);
    if (!isJs || seen.has(r.url())) return;
    seen.add(r.url());
    pending.push((async () => {
      const body = await r.body().catch(() => Buffer.alloc(0));
      const sizes = await r.request().sizes().catch(() => ({ responseBodySize: body.length, responseHeadersSize: 0 }));
      return { url: r.url(), decoded: body.length, wire: sizes.responseBodySize + sizes.responseHeadersSize };
    })());
  };
  context.on('response', onResponse);
  await action();
  await page.waitForLoadState('networkidle');
  context.off('response', onResponse);
  const all = await Promise.all(pending);
  return { files: all.length, decoded: all.reduce((s, f) => s + f.decoded, 0), wire: all.reduce((s, f) => s + f.wire, 0), all };
}

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;

// A fresh context, so the page's own chunks are counted rather than served from cache.
await context.close();
context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
page = await context.newPage();
const pageLoad = await scriptBytes(async () => {
  await page.goto(designUrl);
  await page.locator('.react-flow__node').first().waitFor();
});
const pageRef = page;
const openAvro = await scriptBytes(async () => {
  await pageRef.locator('.react-flow__node[data-id="avro"]').dblclick();
  await pageRef.locator('[data-testid="schema-editor"] .monaco-editor').waitFor({ timeout: 60_000 });
  await pageRef.waitForTimeout(1500); // the JSON worker starts after the model is created
});
await pageRef.getByRole('button', { name: 'Done' }).click();
const openProto = await scriptBytes(async () => {
  await pageRef.locator('.react-flow__node[data-id="proto"]').dblclick();
  await pageRef.locator('[data-testid="schema-editor"] .monaco-editor .mtk1').first().waitFor({ timeout: 60_000 });
  await pageRef.waitForTimeout(1500);
});
const openDiff = await scriptBytes(async () => {
  await pageRef.getByLabel('Compare with').selectOption({ index: 1 }).catch(() => undefined);
  await pageRef.waitForTimeout(1500);
});
await browser.close();

console.log(`design page (before the editor):    ${pageLoad.files} JS files, ${kb(pageLoad.decoded)} decoded, ${kb(pageLoad.wire)} on the wire`);
console.log(`open an Avro schema (Monaco + JSON): ${openAvro.files} JS files, ${kb(openAvro.decoded)} decoded, ${kb(openAvro.wire)} on the wire`);
console.log(`then a Protobuf schema:              ${openProto.files} JS files, ${kb(openProto.decoded)} decoded, ${kb(openProto.wire)} on the wire`);
console.log(`then the diff view:                  ${openDiff.files} JS files, ${kb(openDiff.decoded)} decoded, ${kb(openDiff.wire)} on the wire`);
const editorTotal = openAvro.decoded + openProto.decoded + openDiff.decoded;
console.log(`schema editor in all:                ${kb(editorTotal)} decoded, ${kb(openAvro.wire + openProto.wire + openDiff.wire)} on the wire`);
if (process.env.VERBOSE) for (const f of [...openAvro.all, ...openProto.all]) console.log(`  ${kb(f.decoded).padStart(9)}  ${f.url}`);
