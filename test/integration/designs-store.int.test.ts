import './setup-env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { isConsoleError } from '@/lib/domain/console-error';
import { blankDesign, designFromTemplate } from '@/lib/domain/design/edit/new-design';
import { DESIGN_TEMPLATES } from '@/lib/domain/design/templates';
import type { DesignStore } from '@/lib/store/design-store';
import { openDesignDatabase, sqliteDesignStore } from '@/lib/store/sqlite-design-store';

/** The SQLite design store on a real file (WAL, two connections), as the server uses it. */
let dir: string;
let db: Database.Database;
let store: DesignStore;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kea-store-'));
  db = openDesignDatabase(path.join(dir, 'kea.sqlite'));
  store = sqliteDesignStore(db);
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isConsoleError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('SQLite design store', () => {
  it('creates from blank and template, lists newest first with counts', async () => {
    const blank = await store.create({ document: blankDesign('Blank one'), origin: 'blank' });
    const template = await store.create({ document: designFromTemplate(DESIGN_TEMPLATES[0]!.id)!, origin: `template:${DESIGN_TEMPLATES[0]!.id}` });
    expect(blank.revision).toBe(1);
    const list = await store.list();
    expect(list.map((d) => d.id)).toEqual(expect.arrayContaining([blank.id, template.id]));
    expect(list.find((d) => d.id === template.id)!.counts.topics).toBe(DESIGN_TEMPLATES[0]!.document.topics.length);
    expect((await store.get(template.id)).document).toEqual(DESIGN_TEMPLATES[0]!.document);
  });

  it('saves with the current revision; a stale revision is a conflict and writes nothing', async () => {
    const d = await store.create({ document: blankDesign('Two tabs'), origin: 'blank' });
    const tabA = await store.get(d.id);
    const tabB = await store.get(d.id);
    const savedA = await store.save(d.id, { document: { ...tabA.document, description: 'from A' }, baseRevision: tabA.revision });
    expect(savedA.revision).toBe(2);
    const e = await rejection(store.save(d.id, { document: { ...tabB.document, description: 'from B' }, baseRevision: tabB.revision }));
    expect(e.category).toBe('conflict');
    expect(e.message).toMatch(/changed in another tab/);
    expect((await store.get(d.id)).document.description).toBe('from A');
  });

  it('refuses a document that breaks the format', async () => {
    const d = await store.create({ document: blankDesign('Strict'), origin: 'blank' });
    const bad = { ...d.document, topics: [{ id: 't', name: 'bad name!', partitions: 1, replicationFactor: 1, kind: 'events', configs: {} }] } as never;
    const e = await rejection(store.save(d.id, { document: bad, baseRevision: d.revision }));
    expect(e.category).toBe('invalid-input');
    expect((await store.get(d.id)).revision).toBe(1);
  });

  it('keeps every version; restore makes an old one current as a new revision', async () => {
    const d = await store.create({ document: blankDesign('History'), origin: 'blank' });
    const r2 = await store.save(d.id, { document: { ...d.document, description: 'second' }, baseRevision: 1 });
    const r3 = await store.rename(d.id, { name: 'History renamed', baseRevision: r2.revision });
    expect(r3.name).toBe('History renamed');
    expect((await store.listVersions(d.id)).map((v) => [v.revision, v.note])).toEqual([
      [3, 'rename from "History"'],
      [2, 'save'],
      [1, 'create'],
    ]);
    expect((await store.getVersion(d.id, 2)).document.description).toBe('second');
    const restored = await store.restore(d.id, { revision: 1, baseRevision: 3 });
    expect(restored.revision).toBe(4);
    expect(restored.name).toBe('History');
    expect(restored.document.description).toBeUndefined();
    expect((await rejection(store.restore(d.id, { revision: 2, baseRevision: 3 }))).category).toBe('conflict');
    expect((await rejection(store.getVersion(d.id, 99))).category).toBe('not-found');
  });

  it('duplicates into an independent design and deletes', async () => {
    const d = await store.create({ document: designFromTemplate(DESIGN_TEMPLATES[1]!.id)!, origin: 'template:x' });
    const copy = await store.duplicate(d.id);
    expect(copy.id).not.toBe(d.id);
    expect(copy.name).toBe(`${d.name} (copy)`);
    expect(copy.origin).toBe(`duplicate:${d.id}`);
    await store.delete(d.id);
    expect((await rejection(store.get(d.id))).category).toBe('not-found');
    expect((await rejection(store.delete(d.id))).category).toBe('not-found');
    expect((await store.get(copy.id)).document.topics.length).toBe(d.document.topics.length);
  });

  it('a second connection to the same file sees the same designs and honours the revision check', async () => {
    const other = sqliteDesignStore(openDesignDatabase(path.join(dir, 'kea.sqlite')));
    const d = await store.create({ document: blankDesign('Shared'), origin: 'blank' });
    await other.save(d.id, { document: { ...d.document, description: 'other process' }, baseRevision: 1 });
    expect((await rejection(store.save(d.id, { document: d.document, baseRevision: 1 }))).category).toBe('conflict');
  });

  it('records applies, newest first, and keeps them after the design is deleted', async () => {
    const d = await store.create({ document: blankDesign('Audited'), origin: 'blank' });
    const base = { designId: d.id, designRevision: 1, cluster: 'local', environment: 'dev', stepKind: 'create-topic', principal: 'local-operator' };
    await store.recordApply({ ...base, stepId: 'create-topic:a', description: 'Create a', outcome: 'ok', error: null });
    await store.recordApply({ ...base, stepId: 'create-topic:b', description: 'Create b', outcome: 'failed', error: 'boom' });
    await store.delete(d.id);
    const applies = await store.listApplies(d.id);
    expect(applies.map((a) => [a.stepId, a.outcome, a.error])).toEqual([
      ['create-topic:b', 'failed', 'boom'],
      ['create-topic:a', 'ok', null],
    ]);
  });
});
