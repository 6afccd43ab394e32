import { parse } from 'yaml';
import { loadDesign } from '../document';
import { importAsyncApi } from '../export/asyncapi-import';
import { designDocumentSchema, type DesignDocument } from '../model';
import { designTemplate } from '../templates';

/** A new, empty design with the two environments most teams start from (local dev on one broker, prod). */
export function blankDesign(name: string): DesignDocument {
  return designDocumentSchema.parse({
    version: 1,
    name,
    environments: [
      { name: 'dev', production: false, description: 'Single-broker local stack.', topicDefaults: { replicationFactor: 1, configs: { 'min.insync.replicas': '1' } } },
      { name: 'prod', production: true, description: 'Three or more brokers.' },
    ],
  });
}

export function designFromTemplate(templateId: string, name?: string): DesignDocument | null {
  const template = designTemplate(templateId);
  if (!template) return null;
  return structuredClone({ ...template.document, name: name?.trim() || template.document.name });
}

export type DesignFileImport = { ok: true; design: DesignDocument; format: 'design' | 'asyncapi'; warnings: string[] } | { ok: false; problems: string[] };

/** Upper bound for an uploaded file; a design with thousands of topics is still far below it. */
export const MAX_DESIGN_FILE_BYTES = 5_000_000;

/**
 * Reads an uploaded file: a design document (YAML or JSON; YAML is a superset of JSON) checked
 * against the design format, or an AsyncAPI 3 document converted by importAsyncApi. Problems name
 * the path in the file and what is wrong there, e.g. `topics.0.partitions: Too small: expected number to be >=1`.
 */
export function importDesignFile(text: string): DesignFileImport {
  if (text.length > MAX_DESIGN_FILE_BYTES) return { ok: false, problems: [`The file is larger than ${MAX_DESIGN_FILE_BYTES / 1_000_000} MB; a design file is far smaller.`] };
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return { ok: false, problems: [`The file is neither YAML nor JSON: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: ['The file does not hold a design: expected an object with "version", "name", "topics", …'] };
  if ('asyncapi' in raw) {
    const imported = importAsyncApi(text);
    return imported.ok ? { ok: true, design: imported.design, format: 'asyncapi', warnings: imported.warnings } : { ok: false, problems: [imported.message] };
  }
  const loaded = loadDesign(raw);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map((p) => p.message) };
  return {
    ok: true,
    design: loaded.design,
    format: 'design',
    warnings: [...(loaded.migratedFrom !== null ? [`The file was written in design format version ${loaded.migratedFrom}; it was upgraded.`] : []), ...loaded.problems.map((p) => p.message)],
  };
}
