import { DESIGN_VERSION } from './model';

/** Raw JSON as read from storage; migrations work on plain objects because old shapes have no types here. */
export type RawDocument = Record<string, unknown>;

export interface DesignMigration {
  /** Upgrades a document of version `from` to version `from + 1`. */
  from: number;
  description: string;
  up(document: RawDocument): RawDocument;
}

/**
 * One entry per format change, oldest first. Empty while v1 is the only version; the mechanism is
 * exercised in migrate.test.ts with a fake v0 so it works the day v2 arrives.
 */
export const DESIGN_MIGRATIONS: readonly DesignMigration[] = [];

export type MigrationResult =
  | { ok: true; document: RawDocument; fromVersion: number; applied: string[] }
  | { ok: false; message: string };

/**
 * Brings a stored document up to `target` one version at a time, so each migration only knows its
 * neighbour. The input is never modified (each step gets a copy), so a failed load leaves the stored
 * value as it was. The result still has to pass the schema: migrating is not validating.
 */
export function migrate(input: unknown, migrations: readonly DesignMigration[] = DESIGN_MIGRATIONS, target: number = DESIGN_VERSION): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, message: 'A design document is a JSON object.' };
  const fromVersion = (input as RawDocument).version;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    return { ok: false, message: 'This document has no format version; it is not a design document.' };
  }
  if (fromVersion > target) {
    return { ok: false, message: `This design is format version ${fromVersion}, newer than this app understands (${target}); update the app to open it.` };
  }
  let document = input as RawDocument;
  const applied: string[] = [];
  for (let version = fromVersion; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, message: `No migration from format version ${version} to ${version + 1}; this document cannot be opened.` };
    document = step.up(structuredClone(document));
    if (document.version !== version + 1) {
      return { ok: false, message: `The migration "${step.description}" should produce version ${version + 1} but produced ${String(document.version)}.` };
    }
    applied.push(step.description);
  }
  return { ok: true, document, fromVersion, applied };
}
