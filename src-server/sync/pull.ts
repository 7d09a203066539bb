import { sql, type Transaction } from 'kysely';
import { readableKinds } from '../../src-shared/permissions';
import { clientStoresKind } from '../../src-shared/sync/protocol';
import {
  DEFAULT_PULL_PAGE,
  type MutationResult,
  type PullRequest,
  type PullResponse,
  type RecordChange,
} from '../../src-shared/sync/protocol';
import { engineOf, type Db } from '../db/database';
import type { Schema } from '../db/schema';
import { ClientNotOwned, type SyncUser } from './push';

/**
 * DESIGN.md section 4, pull: one consistent snapshot answers a page of changes after the
 * client's cursor (only kinds the role may read, notices only to their addressee), never
 * splitting the rows of one version across pages, with the client's acknowledged seq and its
 * refusals as of that same snapshot.
 */
export async function processPull(
  db: Db,
  user: SyncUser,
  request: PullRequest,
): Promise<PullResponse> {
  let trxBuilder = db.transaction();
  if (engineOf(db) === 'postgres') trxBuilder = trxBuilder.setIsolationLevel('repeatable read');
  return trxBuilder.execute((trx) => pullPage(trx, user, request));
}

async function pullPage(
  trx: Transaction<Schema>,
  user: SyncUser,
  request: PullRequest,
): Promise<PullResponse> {
  const device = await trx
    .selectFrom('devices')
    .select(['user_id', 'last_seq'])
    .where('client_id', '=', request.clientId)
    .executeTakeFirst();
  if (!device || device.user_id !== user.id) throw new ClientNotOwned();
  const state = await trx
    .selectFrom('sync_state')
    .select(['version', 'epoch'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();

  // A cursor from another epoch, or ahead of what this database has, belongs to data the
  // server no longer holds (restored from a backup): the client starts again from zero.
  const reset = request.epoch !== state.epoch || request.cursor > state.version;
  const cursor = reset ? 0 : request.cursor;
  const limit = request.limit ?? DEFAULT_PULL_PAGE;
  const kinds = readableKinds(user.role).filter((k) => clientStoresKind(k, request.schemaVersion));

  // Every query here walks the version index from the cursor. SQLite has no statistics
  // unless ANALYZE ran, and would otherwise take `kind IN (...)` on the primary key as the
  // selective one: a scan and sort of every readable row on every page, so a first sync of
  // n rows cost O(n^2). The unary plus keeps it off that index (a no-op on the value).
  // PostgreSQL plans from its own statistics.
  const kind = engineOf(trx) === 'sqlite' ? sql<string>`+kind` : sql<string>`kind`;
  const visible = () => {
    let q = trx.selectFrom('records').where('version', '>', cursor);
    q = kinds.length > 0 ? q.where(kind, 'in', kinds) : q.where('kind', '=', '\u0000none');
    return q.where((eb) => eb.or([eb('audience', 'is', null), eb('audience', '=', user.id)]));
  };

  // Rows of one version come in any order: the last version is completed below anyway.
  let rows = await visible()
    .select(['kind', 'id', 'version', 'body', 'deleted'])
    .orderBy('version')
    .limit(limit)
    .execute();
  let end = state.version;
  let hasMore = false;
  let remaining = 0;
  if (rows.length === limit) {
    const last = rows[rows.length - 1];
    end = last ? last.version : state.version;
    // The rest of the last version's rows, so one mutation's changes land together.
    const rest = await visible()
      .select(['kind', 'id', 'version', 'body', 'deleted'])
      .where('version', '=', end)
      .execute();
    const seen = new Set(rows.map((r) => `${r.kind}\u0000${r.id}`));
    rows = rows.concat(rest.filter((r) => !seen.has(`${r.kind}\u0000${r.id}`)));
    const after = await visible()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('version', '>', end)
      .executeTakeFirstOrThrow();
    remaining = Number(after.n);
    hasMore = remaining > 0;
    if (!hasMore) end = state.version;
  }

  const changes: RecordChange[] = rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    version: r.version,
    body: r.deleted ? null : (JSON.parse(r.body) as Record<string, unknown>),
  }));

  let lastAckedSeq = device.last_seq;
  if (hasMore) {
    const acked = await trx
      .selectFrom('mutations')
      .select((eb) => eb.fn.max<number>('seq').as('seq'))
      .where('client_id', '=', request.clientId)
      .where('server_version', '<=', end)
      .executeTakeFirst();
    lastAckedSeq = Math.min(device.last_seq, Number(acked?.seq ?? 0));
  }
  const from = reset ? 0 : request.ackedSeq;
  const answered = await trx
    .selectFrom('mutations')
    .select(['result'])
    .where('client_id', '=', request.clientId)
    .where('seq', '>', from)
    .where('seq', '<=', lastAckedSeq)
    .orderBy('seq')
    .execute();
  const rejections = answered
    .map((r) => JSON.parse(r.result) as MutationResult)
    .filter((r) => r.status === 'rejected');

  return {
    epoch: state.epoch,
    reset,
    changes,
    cursor: end,
    lastAckedSeq,
    rejections,
    hasMore,
    remaining,
  };
}
