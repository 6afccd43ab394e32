'use server';
import { z } from 'zod';
import type { CompatibilityCheck } from '@/lib/domain/schemas/compatibility';
import { COMPATIBILITY_LEVELS, SCHEMA_FORMATS } from '@/lib/domain/design/model';
import { designId } from '@/lib/domain/design/edit/design-inputs';
import { designRegistry, type RegistryCompatibility } from '@/lib/registry/design-registry';
import { schemaWorker } from '@/lib/schema-analysis/schema-worker';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';

export interface CompatibilityReport {
  level: (typeof COMPATIBILITY_LEVELS)[number];
  /** What the candidate was compared with. */
  against: 'registry' | 'saved-design' | 'nothing';
  local: CompatibilityCheck | null;
  /** The registry's own verdict; null when the subject does not exist there or no registry is configured. */
  registry: (RegistryCompatibility & { latestVersion: number }) | null;
  registryError: string | null;
}

/**
 * Checks a schema the way the registry will: locally (which change breaks which rule, against every
 * version the level asks for) and with the registry's compatibility endpoint when the subject
 * exists there. Without a registered subject, the local check compares with the design's saved
 * definition, so a breaking edit shows before anything is registered. The local check runs ajv
 * and user regexes, so it runs in the schema worker with its time limit (schema-worker.ts).
 */
export const checkSchemaCompatibility = defineAction({
  name: 'check-schema-compatibility',
  schema: z.object({
    id: designId,
    schemaId: z.string().min(1).max(128),
    cluster: z.string().min(1).max(63).nullable(),
    subject: z.string().min(1).max(255),
    format: z.enum(SCHEMA_FORMATS),
    level: z.enum(COMPATIBILITY_LEVELS),
    definition: z.string().min(1).max(1_000_000),
  }),
  permission: 'schema:read',
  handler: async ({ id, schemaId, cluster, subject, format, level, definition }): Promise<CompatibilityReport> => {
    let registryVersions: { version: number; definition: string }[] = [];
    let registry: CompatibilityReport['registry'] = null;
    let registryError: string | null = null;
    if (cluster) {
      try {
        const r = designRegistry(cluster);
        registryVersions = (await r.versions(subject)).filter((v) => v.format === format);
        const latest = registryVersions.at(-1);
        if (latest) registry = { ...(await r.testCompatibility(subject, { format, definition })), latestVersion: latest.version };
      } catch (e) {
        registryError = (e as Error).message;
      }
    }
    if (registryVersions.length > 0) return { level, against: 'registry', local: await schemaWorker().compatibility({ format, level, schema: definition, previous: registryVersions }), registry, registryError };
    const saved = (await designStore().get(id)).document.schemas.find((s) => s.id === schemaId);
    if (saved && saved.format === format && saved.definition !== definition) {
      return { level, against: 'saved-design', local: await schemaWorker().compatibility({ format, level, schema: definition, previous: [{ version: 1, definition: saved.definition }] }), registry, registryError };
    }
    return { level, against: 'nothing', local: null, registry, registryError };
  },
});
