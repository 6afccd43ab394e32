import { describe, expect, it } from 'vitest';
import { loadDesign } from './document';
import { migrate, type DesignMigration } from './migrate';

/**
 * A made-up v0, the shape a prototype might have saved: `title` instead of `name`, topics with
 * `replicas`. It only exists here, to prove the mechanism before a real v2 needs it.
 */
const fakeV0 = { version: 0, title: 'Prototype', topics: [{ id: 'orders', name: 'orders', partitions: 3, replicas: 1 }] };
const v0ToV1: DesignMigration = {
  from: 0,
  description: 'v0 → v1: title becomes name, replicas becomes replicationFactor',
  up: (doc) => {
    const { title, topics, ...rest } = doc as { title: string; topics: { replicas: number }[] };
    return { ...rest, version: 1, name: title, topics: topics.map(({ replicas, ...t }) => ({ ...t, replicationFactor: replicas })) };
  },
};

describe('migrate', () => {
  it('upgrades step by step and names what it applied', () => {
    const r = migrate(fakeV0, [v0ToV1]);
    expect(r).toEqual({ ok: true, fromVersion: 0, applied: [v0ToV1.description], document: { version: 1, name: 'Prototype', topics: [{ id: 'orders', name: 'orders', partitions: 3, replicationFactor: 1 }] } });
  });

  it('leaves the input untouched even when a migration mutates', () => {
    const input = structuredClone(fakeV0);
    migrate(input, [{ from: 0, description: 'mutating', up: (d) => Object.assign(d, { version: 1, name: 'x' }) }]);
    expect(input).toEqual(fakeV0);
  });

  it('passes current documents through', () => {
    expect(migrate({ version: 1, name: 'x' }, [v0ToV1])).toEqual({ ok: true, fromVersion: 1, applied: [], document: { version: 1, name: 'x' } });
  });

  it.each([
    ['not an object', [], 'A design document is a JSON object.'],
    ['no version', { name: 'x' }, 'This document has no format version; it is not a design document.'],
    ['a newer version', { version: 7 }, 'This design is format version 7, newer than this app understands (1); update the app to open it.'],
    ['a version without a migration', { version: 0 }, 'No migration from format version 0 to 1; this document cannot be opened.'],
  ])('refuses %s', (_, input, message) => {
    expect(migrate(input)).toEqual({ ok: false, message });
  });

  it('refuses a migration that lands on the wrong version', () => {
    expect(migrate(fakeV0, [{ from: 0, description: 'broken', up: (d) => ({ ...d, version: 3 }) }])).toEqual({ ok: false, message: 'The migration "broken" should produce version 1 but produced 3.' });
  });

  it('chains migrations (v0 → v1 → v2) when the target moves on', () => {
    const v1ToV2: DesignMigration = { from: 1, description: 'v1 → v2', up: (d) => ({ ...d, version: 2, migrated: true }) };
    const r = migrate(fakeV0, [v1ToV2, v0ToV1], 2);
    expect(r.ok && r.applied).toEqual([v0ToV1.description, v1ToV2.description]);
    expect(r.ok && r.document.migrated).toBe(true);
  });
});

describe('loadDesign with a migration', () => {
  it('opens a v0 document as a valid v1 design and says it was upgraded', () => {
    const r = loadDesign(fakeV0, [v0ToV1]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    expect(r.design.name).toBe('Prototype');
    expect(r.design.topics[0]).toMatchObject({ name: 'orders', replicationFactor: 1, kind: 'events', configs: {} });
  });
});
