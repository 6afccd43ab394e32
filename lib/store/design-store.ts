import type { DesignDocument } from '@/lib/domain/design/model';

/**
 * Where designs live: the current document of each design, every saved version of it, and a record
 * of every plan step applied from it. Implementations: SQLite (sqlite-design-store.ts).
 *
 * Optimistic concurrency: every design has a `revision` that each change bumps. A change names the
 * revision it was made on (`baseRevision`); when another tab saved in between, the change fails with
 * a ConsoleError of category "conflict" and nothing is written. Nothing is ever silently overwritten.
 *
 * Every method throws only ConsoleError (not-found, conflict, invalid-input).
 */
export interface DesignSummary {
  id: string;
  name: string;
  description: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  counts: { services: number; topics: number; schemas: number; edges: number };
  /** How it began: "blank", "template:<id>", "import:<format>", "duplicate:<id>", "cluster:<name>". */
  origin: string;
}

export interface StoredDesign extends DesignSummary {
  document: DesignDocument;
}

export interface DesignVersionSummary {
  revision: number;
  name: string;
  savedAt: string;
  /** What made this version: "create", "save", "rename", "restore r3", … */
  note: string;
}

export interface DesignVersion extends DesignVersionSummary {
  document: DesignDocument;
}

export type ApplyOutcome = 'ok' | 'failed' | 'skipped';

export interface ApplyRecord {
  id: number;
  designId: string;
  designRevision: number;
  cluster: string;
  environment: string | null;
  stepId: string;
  stepKind: string;
  description: string;
  outcome: ApplyOutcome;
  error: string | null;
  principal: string;
  at: string;
}

export type NewApplyRecord = Omit<ApplyRecord, 'id' | 'at'>;

export interface DesignStore {
  list(): Promise<DesignSummary[]>;
  get(id: string): Promise<StoredDesign>;
  create(input: { document: DesignDocument; origin: string }): Promise<StoredDesign>;
  /** Fails with "conflict" when `baseRevision` is not the stored revision. */
  save(id: string, input: { document: DesignDocument; baseRevision: number; note?: string }): Promise<StoredDesign>;
  rename(id: string, input: { name: string; baseRevision: number }): Promise<StoredDesign>;
  duplicate(id: string, input?: { name?: string }): Promise<StoredDesign>;
  delete(id: string): Promise<void>;
  /** Newest first. */
  listVersions(id: string): Promise<DesignVersionSummary[]>;
  getVersion(id: string, revision: number): Promise<DesignVersion>;
  /** Makes an old version the current document again, as a new revision (history is never rewritten). */
  restore(id: string, input: { revision: number; baseRevision: number }): Promise<StoredDesign>;
  recordApply(record: NewApplyRecord): Promise<ApplyRecord>;
  /** Newest first. */
  listApplies(designId: string, limit?: number): Promise<ApplyRecord[]>;
}
