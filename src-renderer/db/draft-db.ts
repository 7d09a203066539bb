import Dexie, { type DexieOptions, type Table } from 'dexie';

/**
 * What a person is typing and has not submitted yet (an inspection reading half-entered, a
 * note), saved as typed so a crash or a power cut loses nothing. One small database per user
 * (`orderline-drafts-<userId>`), apart from the synced one: a draft is never synced, and a
 * keystroke's write must not wait behind a sync transaction that spans every synced table.
 */

export interface DraftRow {
  key: string;
  value: unknown;
  savedAt: string;
}

export class DraftDb extends Dexie {
  drafts!: Table<DraftRow, string>;

  constructor(name: string, options: DexieOptions = {}) {
    // Strict: a keystroke the screen showed must survive a power cut like a saved action.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ drafts: 'key' });
  }
}

export function draftDbName(userId: string): string {
  return `orderline-drafts-${userId}`;
}

const open = new Map<string, DraftDb>();

/** The user's draft database, opened once per user and kept for the session. */
export function draftDbFor(userId: string, options: DexieOptions = {}): DraftDb {
  let db = open.get(userId);
  if (!db) {
    db = new DraftDb(draftDbName(userId), options);
    open.set(userId, db);
  }
  return db;
}

export async function saveDraft(db: DraftDb, key: string, value: unknown): Promise<void> {
  await db.drafts.put({ key, value, savedAt: new Date().toISOString() });
}

export async function loadDraft<T>(db: DraftDb, key: string): Promise<T | undefined> {
  return (await db.drafts.get(key))?.value as T | undefined;
}

export async function clearDraft(db: DraftDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
