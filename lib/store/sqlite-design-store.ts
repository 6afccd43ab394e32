import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConsoleError } from '@/lib/domain/console-error';
import { loadDesign, saveDesign } from '@/lib/domain/design/document';
import type { DesignDocument } from '@/lib/domain/design/model';
import type { ApplyRecord, DesignStore, DesignSummary, DesignVersion, DesignVersionSummary, NewApplyRecord, StoredDesign } from './design-store';

/** Older versions beyond this many are pruned on save; the audit of applies is never pruned. */
export const MAX_VERSIONS_PER_DESIGN = 200;

const SCHEMA_VERSION = 1;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE designs (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     description TEXT,
     revision INTEGER NOT NULL,
     document TEXT NOT NULL,
     origin TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE design_versions (
     design_id TEXT NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
     revision INTEGER NOT NULL,
     name TEXT NOT NULL,
     document TEXT NOT NULL,
     note TEXT NOT NULL,
     saved_at TEXT NOT NULL,
     PRIMARY KEY (design_id, revision)
   );
   -- No foreign key: the record of what was applied outlives the design.
   CREATE TABLE design_applies (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     design_id TEXT NOT NULL,
     design_revision INTEGER NOT NULL,
     cluster TEXT NOT NULL,
     environment TEXT,
     step_id TEXT NOT NULL,
     step_kind TEXT NOT NULL,
     description TEXT NOT NULL,
     outcome TEXT NOT NULL,
     error TEXT,
     principal TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX design_applies_by_design ON design_applies (design_id, id);`,
];

interface DesignRow {
  id: string;
  name: string;
  description: string | null;
  revision: number;
  document: string;
  origin: string;
  created_at: string;
  updated_at: string;
}

interface VersionRow {
  revision: number;
  name: string;
  document: string;
  note: string;
  saved_at: string;
}

interface ApplyRow {
  id: number;
  design_id: string;
  design_revision: number;
  cluster: string;
  environment: string | null;
  step_id: string;
  step_kind: string;
  description: string;
  outcome: ApplyRecord['outcome'];
  error: string | null;
  principal: string;
  at: string;
}

function notFound(id: string): ConsoleError {
  return new ConsoleError({ category: 'not-found', message: `There is no design with id "${id}"; it may have been deleted in another tab.`, retryable: false });
}

function conflict(name: string, stored: number, base: number): ConsoleError {
  return new ConsoleError({
    category: 'conflict',
    message: `Design "${name}" was changed in another tab (it is at revision ${stored}; this tab edited revision ${base}). Nothing was saved: reload to see the other changes, or duplicate this design to keep both.`,
    retryable: false,
  });
}

/** A stored document that no longer parses is a bug or a hand-edited database, never the user's fault. */
function parseStored(id: string, json: string): DesignDocument {
  const loaded = loadDesign(JSON.parse(json) as unknown);
  if (!loaded.ok) throw new ConsoleError({ category: 'internal', message: `Design "${id}" is stored in a form this version cannot read: ${loaded.problems[0]?.message ?? 'unknown problem'}.`, retryable: false });
  return loaded.design;
}

function checked(document: DesignDocument): { design: DesignDocument; json: string } {
  const saved = saveDesign(document);
  if (!saved.ok) {
    throw new ConsoleError({ category: 'invalid-input', message: `The design does not match the design format: ${saved.problems.slice(0, 3).map((p) => p.message).join('; ')}.`, retryable: false });
  }
  return { design: saved.design, json: saved.json };
}

function summaryOf(row: DesignRow, document: DesignDocument): DesignSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    origin: row.origin,
    counts: { services: document.services.length, topics: document.topics.length, schemas: document.schemas.length, edges: document.edges.length },
  };
}

function applyOf(row: ApplyRow): ApplyRecord {
  return {
    id: row.id,
    designId: row.design_id,
    designRevision: row.design_revision,
    cluster: row.cluster,
    environment: row.environment,
    stepId: row.step_id,
    stepKind: row.step_kind,
    description: row.description,
    outcome: row.outcome,
    error: row.error,
    principal: row.principal,
    at: row.at,
  };
}

/** Opens (creating when needed) the database file and brings its tables up to date. */
export function openDesignDatabase(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Two server processes (dev server + tests) may share the file; wait for a lock rather than failing.
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new Error(`${file} was written by a newer version of the console (schema ${current}); this one reads up to ${SCHEMA_VERSION}.`);
  db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  return db;
}

export function sqliteDesignStore(db: Database.Database, now: () => Date = () => new Date()): DesignStore {
  const stamp = () => now().toISOString();
  const row = (id: string) => db.prepare<[string], DesignRow>('SELECT * FROM designs WHERE id = ?').get(id);
  const requireRow = (id: string) => {
    const r = row(id);
    if (!r) throw notFound(id);
    return r;
  };
  const stored = (r: DesignRow): StoredDesign => {
    const document = parseStored(r.id, r.document);
    return { ...summaryOf(r, document), document };
  };
  const insertVersion = db.prepare('INSERT INTO design_versions (design_id, revision, name, document, note, saved_at) VALUES (?, ?, ?, ?, ?, ?)');
  const pruneVersions = db.prepare('DELETE FROM design_versions WHERE design_id = ? AND revision <= ?');

  const insert = db.transaction((document: DesignDocument, origin: string): StoredDesign => {
    const { design, json } = checked(document);
    const id = randomUUID();
    const at = stamp();
    db.prepare('INSERT INTO designs (id, name, description, revision, document, origin, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)').run(id, design.name, design.description ?? null, json, origin, at, at);
    insertVersion.run(id, 1, design.name, json, origin === 'blank' || origin.startsWith('template:') ? 'create' : origin, at);
    return stored(requireRow(id));
  });

  const update = db.transaction((id: string, document: DesignDocument, baseRevision: number, note: string): StoredDesign => {
    const current = requireRow(id);
    if (current.revision !== baseRevision) throw conflict(current.name, current.revision, baseRevision);
    const { design, json } = checked(document);
    const revision = current.revision + 1;
    const at = stamp();
    // The WHERE on revision makes the check and the write one step even if a second process shares the file.
    const changed = db.prepare('UPDATE designs SET name = ?, description = ?, document = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?').run(design.name, design.description ?? null, json, revision, at, id, baseRevision);
    if (changed.changes !== 1) throw conflict(current.name, revision, baseRevision);
    insertVersion.run(id, revision, design.name, json, note, at);
    pruneVersions.run(id, revision - MAX_VERSIONS_PER_DESIGN);
    return stored(requireRow(id));
  });

  return {
    list: async () =>
      db
        .prepare<[], DesignRow>('SELECT * FROM designs ORDER BY updated_at DESC, name')
        .all()
        .map((r) => summaryOf(r, parseStored(r.id, r.document))),

    get: async (id) => stored(requireRow(id)),

    create: async ({ document, origin }) => insert(document, origin),

    save: async (id, { document, baseRevision, note }) => update(id, document, baseRevision, note ?? 'save'),

    rename: async (id, { name, baseRevision }) => {
      const current = stored(requireRow(id));
      return update(id, { ...current.document, name }, baseRevision, `rename from "${current.name}"`);
    },

    duplicate: async (id, input = {}) => {
      const source = stored(requireRow(id));
      return insert({ ...source.document, name: input.name ?? `${source.name} (copy)` }, `duplicate:${id}`);
    },

    delete: async (id) => {
      const changed = db.prepare('DELETE FROM designs WHERE id = ?').run(id);
      if (changed.changes === 0) throw notFound(id);
    },

    listVersions: async (id) => {
      requireRow(id);
      return db
        .prepare<[string], Omit<VersionRow, 'document'>>('SELECT revision, name, note, saved_at FROM design_versions WHERE design_id = ? ORDER BY revision DESC')
        .all(id)
        .map((v): DesignVersionSummary => ({ revision: v.revision, name: v.name, note: v.note, savedAt: v.saved_at }));
    },

    getVersion: async (id, revision) => {
      requireRow(id);
      const v = db.prepare<[string, number], VersionRow>('SELECT revision, name, document, note, saved_at FROM design_versions WHERE design_id = ? AND revision = ?').get(id, revision);
      if (!v) throw new ConsoleError({ category: 'not-found', message: `Design "${id}" has no saved revision ${revision} (old versions beyond ${MAX_VERSIONS_PER_DESIGN} are pruned).`, retryable: false });
      const version: DesignVersion = { revision: v.revision, name: v.name, note: v.note, savedAt: v.saved_at, document: parseStored(id, v.document) };
      return version;
    },

    restore: async (id, { revision, baseRevision }) => {
      const v = db.prepare<[string, number], VersionRow>('SELECT revision, name, document, note, saved_at FROM design_versions WHERE design_id = ? AND revision = ?').get(id, revision);
      if (!v) {
        requireRow(id);
        throw new ConsoleError({ category: 'not-found', message: `Design "${id}" has no saved revision ${revision}.`, retryable: false });
      }
      return update(id, parseStored(id, v.document), baseRevision, `restore r${revision}`);
    },

    recordApply: async (record: NewApplyRecord) => {
      const info = db
        .prepare('INSERT INTO design_applies (design_id, design_revision, cluster, environment, step_id, step_kind, description, outcome, error, principal, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(record.designId, record.designRevision, record.cluster, record.environment, record.stepId, record.stepKind, record.description, record.outcome, record.error, record.principal, stamp());
      return applyOf(db.prepare<[number], ApplyRow>('SELECT * FROM design_applies WHERE id = ?').get(Number(info.lastInsertRowid))!);
    },

    listApplies: async (designId, limit = 200) =>
      db.prepare<[string, number], ApplyRow>('SELECT * FROM design_applies WHERE design_id = ? ORDER BY id DESC LIMIT ?').all(designId, limit).map(applyOf),
  };
}
