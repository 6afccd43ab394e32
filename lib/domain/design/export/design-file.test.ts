import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadDesign } from '../document';
import { designDocumentSchema, type DesignDocument } from '../model';
import { DESIGN_TEMPLATES, designTemplate } from '../templates';
import { canonicalDesign, exportDesignJson, exportDesignYaml } from './design-file';
import { featureDesign } from './testing/feature-design';

const cases = [...DESIGN_TEMPLATES.map((t) => [t.id, t.document] as const), ['feature design', featureDesign] as const];

/** The same design with every object's keys in reverse order, as a hand-edited file might have them. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  return value;
}

const withLayout: DesignDocument = designDocumentSchema.parse({
  ...designTemplate('task-management')!.document,
  layout: { positions: { 'task-events': { x: 280, y: 0 }, 'chat-api': { x: 0, y: 0 } }, viewport: { x: 0, y: 0, zoom: 1 } },
  environments: [{ name: 'dev', topicDefaults: { configs: { 'segment.ms': '600000', 'min.insync.replicas': '1' } }, topics: { reminders: { configs: { 'retention.ms': null } }, 'task-events': { partitions: 2 } } }],
});

describe('design file export', () => {
  it.each(cases)('%s round-trips through JSON and YAML and the zod model', (_, design) => {
    for (const text of [exportDesignJson(design), exportDesignYaml(design)]) {
      expect(loadDesign(parse(text))).toEqual({ ok: true, design, migratedFrom: null, problems: expect.any(Array) });
    }
  });

  it('keeps canvas, notes, connectors and environments (unlike AsyncAPI)', () => {
    expect(loadDesign(parse(exportDesignYaml(withLayout)))).toMatchObject({ ok: true, design: withLayout });
  });

  it('writes the same bytes whatever order the keys came in', () => {
    const shuffled = designDocumentSchema.parse(reversed(withLayout));
    expect(exportDesignJson(shuffled)).toBe(exportDesignJson(withLayout));
    expect(exportDesignYaml(shuffled)).toBe(exportDesignYaml(withLayout));
    expect(Object.keys(canonicalDesign(shuffled).layout.positions)).toEqual(['chat-api', 'task-events']);
    expect(Object.keys(canonicalDesign(shuffled).topics[2]!.configs)).toEqual(['cleanup.policy', 'delete.retention.ms', 'min.insync.replicas']);
    expect(Object.keys(canonicalDesign(shuffled).environments[0]!.topics)).toEqual(['reminders', 'task-events']);
  });

  it('task-management YAML matches the golden file (update with `npx vitest run --project unit -u`)', async () => {
    await expect(exportDesignYaml(designTemplate('task-management')!.document)).toMatchFileSnapshot('golden/task-management.design.yaml');
  });
});
