import { describe, expect, it } from 'vitest';
import { loadDesign, saveDesign } from './document';
import { topic } from './fixtures';
import { DESIGN_TEMPLATES } from './templates';

describe('loadDesign', () => {
  it('opens a v1 document without migration', () => {
    const r = loadDesign({ version: 1, name: 'x' });
    expect(r).toMatchObject({ ok: true, migratedFrom: null, problems: [] });
  });

  it('reports contract violations with path and element id', () => {
    const r = loadDesign({ version: 1, name: 'x', topics: [topic('orders', { partitions: 0 })] });
    expect(r).toEqual({ ok: false, problems: [{ path: ['topics', 0, 'partitions'], elementId: 'orders', message: 'topics.0.partitions: Too small: expected number to be >=1' }] });
  });

  it('opens a design with dangling references, listing them', () => {
    const r = loadDesign({ version: 1, name: 'x', topics: [topic('orders')] });
    expect(r.ok && r.problems.map((p) => p.message)).toEqual(['Topic "orders" uses schema "orders-value", which is not in this design.']);
  });

  it('reports a document from a newer app', () => {
    expect(loadDesign({ version: 2, name: 'x' })).toEqual({ ok: false, problems: [{ path: [], elementId: null, message: 'This design is format version 2, newer than this app understands (1); update the app to open it.' }] });
  });
});

describe('saveDesign', () => {
  it.each(DESIGN_TEMPLATES.map((t) => [t.id, t.document] as const))('round-trips template %s through JSON', (_, document) => {
    const saved = saveDesign(document);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const reloaded = loadDesign(JSON.parse(saved.json));
    expect(reloaded).toEqual({ ok: true, design: document, migratedFrom: null, problems: [] });
  });

  it('fills defaults so stored files are explicit', () => {
    const saved = saveDesign({ version: 1, name: 'x' });
    expect(saved.ok && JSON.parse(saved.json)).toEqual({ version: 1, name: 'x', services: [], topics: [], schemas: [], edges: [], connectors: [], notes: [], environments: [], layout: { positions: {} } });
  });

  it('refuses what the contract refuses', () => {
    const saved = saveDesign({ version: 1, name: '' });
    expect(saved).toEqual({ ok: false, problems: [{ path: ['name'], elementId: null, message: 'name: Too small: expected string to have >=1 characters' }] });
  });
});
