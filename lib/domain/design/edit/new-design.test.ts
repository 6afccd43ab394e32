import { describe, expect, it } from 'vitest';
import { exportAsyncApi } from '../export/asyncapi-export';
import { exportDesignYaml } from '../export/design-file';
import { DESIGN_TEMPLATES } from '../templates';
import { blankDesign, designFromTemplate, importDesignFile } from './new-design';

describe('new designs', () => {
  it('a blank design has dev and prod environments and nothing else', () => {
    const d = blankDesign('Orders');
    expect(d.name).toBe('Orders');
    expect(d.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    expect(d.topics).toEqual([]);
  });

  it('a template copy is independent of the template and takes the given name', () => {
    const id = DESIGN_TEMPLATES[0]!.id;
    const d = designFromTemplate(id, 'Mine')!;
    expect(d.name).toBe('Mine');
    d.topics[0]!.partitions = 999;
    expect(DESIGN_TEMPLATES[0]!.document.topics[0]!.partitions).not.toBe(999);
    expect(designFromTemplate('nope')).toBeNull();
  });
});

describe('importDesignFile', () => {
  const template = DESIGN_TEMPLATES[0]!.document;

  it.each([
    ['YAML', exportDesignYaml(template)],
    ['JSON', JSON.stringify(template)],
  ])('reads a design as %s', (_, text) => {
    const r = importDesignFile(text);
    expect(r.ok && r.format).toBe('design');
    expect(r.ok && r.design.topics.length).toBe(template.topics.length);
  });

  it('reads AsyncAPI 3', () => {
    const r = importDesignFile(exportAsyncApi(template));
    expect(r.ok && r.format).toBe('asyncapi');
    expect(r.ok && r.design.topics.map((t) => t.name).sort()).toEqual(template.topics.map((t) => t.name).sort());
  });

  it.each([
    ['not YAML', 'a: [', /neither YAML nor JSON/],
    ['a list', '- 1\n- 2', /does not hold a design/],
    ['a bad field', 'version: 1\nname: x\ntopics:\n  - { id: t, name: t, partitions: 0, replicationFactor: 1 }', /topics\.0\.partitions/],
    ['an unknown key', 'version: 1\nname: x\nreplicationfactor: 3', /replicationfactor/],
    ['a future version', 'version: 7\nname: x', /version/i],
  ])('explains %s', (_, text, message) => {
    const r = importDesignFile(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.join('\n')).toMatch(message);
  });
});
