import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { IntakeValues } from './intake-values';

/**
 * The order being typed, kept on the PC as it is typed, so a crash, a power cut or a closed
 * window loses nothing: the next sign-in of the same user finds it. One database per user
 * (a shared PC must not show one person's half-typed order to the next), apart from the
 * synced store so sync never touches it. Written with strict durability, like the outbox.
 */

interface DraftRow {
  key: 'intake';
  values: IntakeValues;
  savedAt: string;
}

export class DraftDb extends Dexie {
  declare drafts: Table<DraftRow, string>;

  constructor(userId: string, options: DexieOptions = {}) {
    super(`orderline-drafts-${userId}`, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ drafts: 'key' });
  }

  async load(): Promise<{ values: IntakeValues; savedAt: string } | undefined> {
    const row = await this.drafts.get('intake');
    return row ? { values: row.values, savedAt: row.savedAt } : undefined;
  }

  async save(values: IntakeValues, savedAt: string): Promise<void> {
    await this.drafts.put({ key: 'intake', values, savedAt });
  }

  async clear(): Promise<void> {
    await this.drafts.delete('intake');
  }
}

/** True when the form holds nothing worth keeping. */
export function isBlank(values: IntakeValues): boolean {
  const { channel: _c, lines, ...rest } = values;
  return (
    Object.values(rest).every((v) => v === undefined || v === '' || v === null) &&
    lines.every((l) => !l.model && !l.spec && !l.quantity)
  );
}

const open = new Map<string, DraftDb>();

/** The draft store of a user, opened once per app run (Dexie keeps the connection). */
export function draftDbOf(userId: string): DraftDb {
  let db = open.get(userId);
  if (!db) {
    db = new DraftDb(userId);
    open.set(userId, db);
  }
  return db;
}
