import 'server-only';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DesignStore } from './design-store';
import { openDesignDatabase, sqliteDesignStore } from './sqlite-design-store';

export type { ApplyRecord, DesignStore, DesignSummary, DesignVersion, DesignVersionSummary, StoredDesign } from './design-store';

/** `KEA_DATA_DIR/kea.sqlite`, or `./.data/kea.sqlite` beside the app. */
export function designDatabaseFile(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.KEA_DATA_DIR ?? '.data', 'kea.sqlite');
}

// One connection per server process; kept on globalThis so dev-server reloads do not open a new one each time.
const globalForStore = globalThis as unknown as { keaDesignDb?: Database.Database; keaDesignStore?: DesignStore };

export function designStore(): DesignStore {
  if (!globalForStore.keaDesignStore) {
    globalForStore.keaDesignDb = openDesignDatabase(designDatabaseFile());
    globalForStore.keaDesignStore = sqliteDesignStore(globalForStore.keaDesignDb);
  }
  return globalForStore.keaDesignStore;
}
