import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { StoredRecord } from '../../src-shared/sync/mutation';
import { CLIENT_SCHEMA_VERSION } from '../../src-shared/sync/protocol';
import { ORDER_STORES_V2 } from './stores/orders';
import { PLANNING_STORES_V2 } from './stores/planning';
import { QUALITY_STORES_V2 } from './stores/quality';
import { WAREHOUSE_STORES_V2, WAREHOUSE_STORES_V3 } from './stores/warehouse';

/**
 * One IndexedDB database per user per PC (`orderline-user-<userId>`): on a shared workshop PC
 * the next person who signs in opens only their own database, never the previous user's.
 *
 * Schema versions are explicit and never edited once shipped: a new index or table is a new
 * `version(n)` with an upgrade test that starts from version n-1 holding data
 * (user-db.test.ts). CLIENT_SCHEMA_VERSION tells the server which one this client runs.
 */

export interface OutboxEntry {
  /** Per-client sequence the server orders and deduplicates by; contiguous, explicit. */
  seq: number;
  mutationId: string;
  name: string;
  args: unknown;
  clientTime: string;
  createdAt: string;
}

export interface ShadowEntry {
  kind: string;
  id: string;
  /** The server-confirmed row under a pending local change; null when the server has none. */
  body: StoredRecord | null;
}

export interface RejectionEntry {
  mutationId: string;
  seq: number;
  name: string;
  args: unknown;
  clientTime: string;
  code: string;
  params: Record<string, string | number>;
  rejectedAt: string;
}

/** Which app schema last wrote this database (see `openUserDb`). */
export interface SchemaRow {
  key: 'schema';
  version: number;
}

export interface SyncMetaRow {
  key: 'state';
  clientId: string;
  cursor: number;
  epoch: string | null;
  /** Highest seq whose server result this client has taken. */
  ackedSeq: number;
  nextSeq: number;
  lastSyncAt: string | null;
  /** The role the local data was pulled for; another role means pulling again from zero. */
  role?: string;
}

/** The sync engine's own tables; unchanged since version 1. */
export const SYNC_STORES = {
  outbox: 'seq, &mutationId',
  shadow: '[kind+id]',
  rejections: 'mutationId, seq',
  syncMeta: 'key',
} as const;

/** Domain tables, one per synced record kind, with the indexes the screens query by. */
export const DOMAIN_STORES_V1 = {
  product: 'id, model',
  customer: 'id, name',
  'production-line': 'id',
  order: 'id, state, customerId, number, createdAt',
  clarification: 'id, orderId',
  'feasibility-review': 'id, orderId',
  batch: 'id, lineId, state, orderId, start',
  'inspection-plan': 'id, model',
  inspection: 'id, batchId',
  ncr: 'id, batchId, state',
  'corrective-action': 'id, ncrId',
  'purchase-order': 'id, state',
  'material-lot': 'id',
  shipment: 'id, orderId, state',
  carton: 'id, shipmentId',
  scan: 'id, shipmentId',
  invoice: 'id, orderId, state',
  payment: 'id, invoiceId',
  complaint: 'id, state',
  survey: 'id',
  notice: 'id, read',
} as const;

/**
 * Version 2: each domain brings the tables and indexes its screens need, in its own file
 * (db/stores/*.ts), so a table's schema sits with the domain that queries it.
 */
export const DOMAIN_STORES_V2 = {
  ...DOMAIN_STORES_V1,
  ...ORDER_STORES_V2,
  ...PLANNING_STORES_V2,
  ...QUALITY_STORES_V2,
  ...WAREHOUSE_STORES_V2,
};

/** Version 3: the warehouse's packing specs, carriers and serial index. */
export const DOMAIN_STORES_V3 = {
  ...DOMAIN_STORES_V2,
  ...WAREHOUSE_STORES_V3,
};

export const DOMAIN_KINDS = Object.keys(DOMAIN_STORES_V3);

export class UserDb extends Dexie {
  outbox!: Table<OutboxEntry, number>;
  shadow!: Table<ShadowEntry, [string, string]>;
  rejections!: Table<RejectionEntry, string>;
  syncMeta!: Table<SyncMetaRow | SchemaRow, string>;

  constructor(name: string, options: DexieOptions = {}) {
    // Strict durability: an action the user saw acknowledged must survive a power cut.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ ...DOMAIN_STORES_V1, ...SYNC_STORES });
    this.version(2).stores({ ...DOMAIN_STORES_V2, ...SYNC_STORES });
    this.version(3)
      .stores({ ...DOMAIN_STORES_V3, ...SYNC_STORES })
      .upgrade(async (tx) => {
        // The server left out the kinds this client had no table for (KIND_SINCE_SCHEMA); a
        // pull from zero fetches them. Pending changes stay queued and are rebased as usual.
        const meta = tx.table('syncMeta');
        const state = (await meta.get('state')) as SyncMetaRow | undefined;
        if (state) await meta.put({ ...state, cursor: 0 });
      });
  }

  async syncState(): Promise<SyncMetaRow | undefined> {
    return (await this.syncMeta.get('state')) as SyncMetaRow | undefined;
  }

  domain(kind: string): Table<StoredRecord, string> {
    return this.table(kind);
  }

  /** Every table a sync transaction may touch. */
  get syncTables(): Table[] {
    return [
      ...DOMAIN_KINDS.map((k) => this.table(k)),
      this.outbox,
      this.shadow,
      this.rejections,
      this.syncMeta,
    ];
  }
}

export function userDbName(userId: string): string {
  return `orderline-user-${userId}`;
}

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(readonly found: number) {
    super(`local data was written by a newer OrderLine (schema ${found})`);
  }
}

/**
 * Opens a user's database, refusing one a newer app wrote: Dexie would quietly open it with
 * this app's older idea of the tables, and writes through that idea could corrupt it. The user
 * is told to update instead.
 */
export async function openUserDb(userId: string, options: DexieOptions = {}): Promise<UserDb> {
  const db = new UserDb(userDbName(userId), options);
  await db.open();
  const row = (await db.syncMeta.get('schema')) as SchemaRow | undefined;
  if (row && row.version > CLIENT_SCHEMA_VERSION) {
    db.close();
    throw new SchemaTooNewError(row.version);
  }
  if (!row || row.version < CLIENT_SCHEMA_VERSION) {
    await db.syncMeta.put({ key: 'schema', version: CLIENT_SCHEMA_VERSION });
  }
  return db;
}

export { CLIENT_SCHEMA_VERSION };
