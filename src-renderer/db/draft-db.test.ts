import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { clearDraft, DraftDb, draftDbName, loadDraft, saveDraft } from './draft-db';

describe('draft database', () => {
  it('keeps what was typed across a restart, per user, until cleared', async () => {
    const indexedDB = new IDBFactory();
    const db = new DraftDb(draftDbName('u1'), { indexedDB, IDBKeyRange });
    await saveDraft(db, 'lot-1/ocv', { text: '13.3' });
    await saveDraft(db, 'lot-1/ocv', { text: '13.31' });
    db.close();

    // A crash: a new page opens the same database.
    const again = new DraftDb(draftDbName('u1'), { indexedDB, IDBKeyRange });
    expect(await loadDraft(again, 'lot-1/ocv')).toEqual({ text: '13.31' });
    const other = new DraftDb(draftDbName('u2'), { indexedDB, IDBKeyRange });
    expect(await loadDraft(other, 'lot-1/ocv')).toBeUndefined();
    await clearDraft(again, 'lot-1/ocv');
    expect(await loadDraft(again, 'lot-1/ocv')).toBeUndefined();
    again.close();
    other.close();
  });
});
