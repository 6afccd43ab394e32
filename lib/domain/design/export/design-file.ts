import { designDocumentSchema, type DesignDocument } from '../model';
import type { ExportOptions } from './export-types';
import { yamlText } from './yaml-text';

/**
 * The design document itself, in a stable form: parsed through the zod model (so defaults are
 * explicit and fields come in the model's order, whatever order they were typed in) and with the
 * keys of every map (configs, overrides, layout positions) sorted. Two saves of the same design
 * give the same bytes, so the files diff well in version control.
 *
 * The environment option is ignored: the document carries all environments; an overridden view of
 * it would not be a design the app could open as the same design.
 */
export function canonicalDesign(design: DesignDocument): DesignDocument {
  const d = designDocumentSchema.parse(design);
  return {
    ...d,
    topics: d.topics.map((t) => ({ ...t, configs: sortKeys(t.configs) })),
    connectors: d.connectors.map((c) => ({ ...c, config: sortKeys(c.config) })),
    environments: d.environments.map((e) => ({
      ...e,
      ...(e.topicDefaults ? { topicDefaults: { ...e.topicDefaults, ...(e.topicDefaults.configs ? { configs: sortKeys(e.topicDefaults.configs) } : {}) } } : {}),
      topics: sortKeys(Object.fromEntries(Object.entries(e.topics).map(([id, o]) => [id, o.configs ? { ...o, configs: sortKeys(o.configs) } : o]))),
    })),
    layout: { ...d.layout, positions: sortKeys(d.layout.positions) },
  };
}

export function exportDesignJson(design: DesignDocument, _options: ExportOptions = {}): string {
  return `${JSON.stringify(canonicalDesign(design), null, 2)}\n`;
}

export function exportDesignYaml(design: DesignDocument, _options: ExportOptions = {}): string {
  return yamlText(canonicalDesign(design));
}

function sortKeys<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
