import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../../src-shared/roles';

/**
 * The tables as the application sees them after the latest migration. Conventions that keep
 * one code path for SQLite and PostgreSQL:
 * - timestamps are ISO 8601 UTC strings from `Date#toISOString()` (fixed width, so string
 *   comparison is time order);
 * - flags are integers 0/1 (better-sqlite3 cannot bind booleans);
 * - bigints come back as JS numbers on both engines (see database.ts);
 * - JSON is stored as text.
 */
export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  sync_state: SyncStateTable;
  records: RecordsTable;
  mutations: MutationsTable;
  doc_counters: DocCountersTable;
  portal_keys: PortalKeysTable;
  portal_key_customers: PortalKeyCustomersTable;
  mail_queue: MailQueueTable;
  record_index: RecordIndexTable;
  record_index_state: RecordIndexStateTable;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash, base64url parts */
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 hex of the token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  client_id: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface DevicesTable {
  client_id: string;
  user_id: string;
  device_name: string;
  registered_at: string;
  last_seen_at: string;
  /** Highest mutation seq of this client that the server has applied or refused. */
  last_seq: Generated<number>;
}

export interface LoginAttemptsTable {
  id: string;
  /** Normalised (trimmed, lower case) so case variants count together. */
  username: string;
  ip: string;
  attempted_at: string;
}

export interface AuditLogTable {
  seq: number;
  user_id: string | null;
  client_id: string | null;
  client_time: string | null;
  server_time: string;
  action: string;
  /** Canonical JSON text. */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the last seq and hash of the chain, locked by every append. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** One row (id = 1). */
export interface SyncStateTable {
  id: number;
  /** Global version: every change gets the next one. */
  version: number;
  /** Changes when the database is restored or recreated: clients then resync in full. */
  epoch: string;
}

export interface RecordsTable {
  kind: string;
  id: string;
  /** sync_state.version at the record's last change. */
  version: number;
  /** JSON text of the record. */
  body: string;
  deleted: Generated<number>;
  updated_by: string | null;
  updated_at: string;
  /** The one user a row is for (notices); null: everyone whose role reads the kind. (0003) */
  audience: string | null;
}

export interface MutationsTable {
  client_id: string;
  seq: number;
  name: string;
  /** JSON text: the outcome given back to the client on a duplicate push. */
  result: string;
  server_version: number;
  created_at: string;
  /** The client's id of the mutation, to trace an action to its outcome. (0003) */
  mutation_id: string | null;
}

/** Counters behind server-given document numbers, per series and year. (0003) */
export interface DocCountersTable {
  series: string;
  year: number;
  next: number;
}

/** API keys of the online portals that post orders. (0004) */
export interface PortalKeysTable {
  id: string;
  /** The portal's name, e.g. 'web-shop'; shown on its orders' timeline. */
  name: string;
  /** sha256 hex of the key; the key itself is never stored. */
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/**
 * The customers a portal key may order for; a key without rows takes no orders. (0007)
 */
export interface PortalKeyCustomersTable {
  key_id: string;
  customer_id: string;
  bound_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type DeviceRow = Selectable<DevicesTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type RecordRow = Selectable<RecordsTable>;
export type NewRecord = Insertable<RecordsTable>;

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface MailQueueTable {
  id: string;
  /** What the mail is about ('shipment-notice:<id>'): unique, so a cause queues one mail. */
  ref: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** While 'sending': until when the claiming instance owns it; after that anyone may retry. */
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Keys of the declared scan indexes (0006): see migrations/0006-record-index.ts. */
export interface RecordIndexTable {
  kind: string;
  /** The index's name as its domain declares it, e.g. '[lineId+start]'. */
  name: string;
  /** record-index.ts encodeKey: byte order is key order. */
  key: string;
  id: string;
}

export interface RecordIndexStateTable {
  kind: string;
  signature: string;
}
