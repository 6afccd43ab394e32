import type { z } from 'zod';
import { migrate, type DesignMigration, DESIGN_MIGRATIONS } from './migrate';
import { designDocumentSchema, type DesignDocument, type DesignDocumentInput } from './model';
import { designProblems, type DesignProblem } from './validate';

export type LoadResult =
  | {
      ok: true;
      design: DesignDocument;
      /** Set when the stored document was an older version; the caller may offer to save the upgrade. */
      migratedFrom: number | null;
      /** Reference and config problems (validate.ts); the design opens, but planning should wait. */
      problems: DesignProblem[];
    }
  | { ok: false; problems: DesignProblem[] };

/** Opens a stored document (already JSON-parsed): migrate, check against the v1 contract, then check references. */
export function loadDesign(raw: unknown, migrations: readonly DesignMigration[] = DESIGN_MIGRATIONS): LoadResult {
  const migrated = migrate(raw, migrations);
  if (!migrated.ok) return { ok: false, problems: [{ path: [], message: migrated.message, elementId: null }] };
  const parsed = designDocumentSchema.safeParse(migrated.document);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, migrated.document) };
  return { ok: true, design: parsed.data, migratedFrom: migrated.applied.length > 0 ? migrated.fromVersion : null, problems: designProblems(parsed.data) };
}

export type SaveResult = { ok: true; design: DesignDocument; json: string } | { ok: false; problems: DesignProblem[] };

/**
 * Checks a document against the contract before it is stored, and fills defaults so stored files
 * are explicit. Reference problems do not block saving: a half-drawn design is still worth keeping.
 */
export function saveDesign(design: DesignDocumentInput): SaveResult {
  const parsed = designDocumentSchema.safeParse(design);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, design) };
  return { ok: true, design: parsed.data, json: `${JSON.stringify(parsed.data, null, 2)}\n` };
}

/** Zod issues as problems, with the id of the element they sit in so the canvas can focus it. */
function zodProblems(error: z.ZodError, raw: unknown): DesignProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return { path, message: `${path.length ? `${path.join('.')}: ` : ''}${issue.message}`, elementId: elementIdAt(raw, path) };
  });
}

function elementIdAt(raw: unknown, path: (string | number)[]): string | null {
  const [collection, index] = path;
  if (typeof collection !== 'string' || typeof index !== 'number' || typeof raw !== 'object' || raw === null) return null;
  const items = (raw as Record<string, unknown>)[collection];
  const item = Array.isArray(items) ? (items[index] as unknown) : undefined;
  const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : null;
}
