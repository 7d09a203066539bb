import Dexie, { type Table, type Transaction } from 'dexie';
import type { MutationArgs, MutationName } from '../../src-shared/domains';
import { uuidv7 } from '../../src-shared/ids';
import type { Role } from '../../src-shared/roles';
import type { MutationContext, StoredRecord } from '../../src-shared/sync/mutation';
import {
  CLIENT_SCHEMA_VERSION,
  MAX_PUSH_MUTATIONS,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../src-shared/sync/protocol';
import {
  mergeScan,
  widenLimit,
  type IndexDef,
  type ScanQuery,
} from '../../src-shared/sync/record-index';
import { BufferedTx, runMutation } from '../../src-shared/sync/run-mutation';
import { dexieScan } from '../db/dexie-scan';
import { takeWithinBytes } from './push-size';
import {
  DOMAIN_KINDS,
  type OutboxEntry,
  type RejectionEntry,
  type ShadowEntry,
  type SyncMetaRow,
  type UserDb,
} from '../db/user-db';

/**
 * The client half of DESIGN.md section 4. A user action runs its mutation on the local store
 * and appends it to the outbox in one strict-durability transaction; `sync()` pushes the
 * outbox, then pulls pages of server changes, each applied in one transaction together with
 * its acknowledgements, its rejections and the rebase of what is still pending, so the
 * cursor never moves without its data and nothing leaves the outbox without a server answer.
 */

export type TransportError =
  | 'network-error'
  | 'client-outdated'
  | 'unauthenticated'
  | 'session-expired'
  | 'unknown-client'
  | 'forbidden'
  | 'invalid-input'
  | 'server-error';

export type TransportResult<T> =
  { ok: true; value: T } | { ok: false; error: TransportError; message?: string };

export interface SyncTransport {
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(request: PullRequest): Promise<TransportResult<PullResponse>>;
}

export interface SyncIdentity {
  userId: string;
  role: Role;
  clientId: string;
}

export interface SyncStatus {
  /** The last exchange with the server went through. */
  online: boolean;
  pending: number;
  rejections: number;
  lastSyncAt: string | null;
  syncing: boolean;
  /** During a pull with more pages to come: rows taken and rows still to come. */
  progress: { done: number; remaining: number } | null;
  /** Why the last sync stopped, when it did not finish. */
  error: TransportError | null;
  /** The server no longer serves this client's schema: the user must update the app. */
  outdated: boolean;
}

export type MutateResult =
  | { ok: true; mutationId: string }
  | { ok: false; error: string; params: Record<string, string | number> };

type Listener = (status: SyncStatus) => void;

const PULL_PAGE = 2000;

/** Rows asked for per pull page, given the cursor the client is at. */
export function pullPageSize(_cursor: number): number {
  return PULL_PAGE;
}

export class SyncEngine {
  private status: SyncStatus = {
    online: false,
    pending: 0,
    rejections: 0,
    lastSyncAt: null,
    syncing: false,
    progress: null,
    error: null,
    outdated: false,
  };
  private readonly listeners = new Set<Listener>();
  private running: Promise<void> | null = null;
  private again = false;
  /** The server confirmed processing up to here in this session; avoids re-sending. */
  private pushedUpTo = 0;
  private gapSuspected = false;
  /** Called after each queued action, so the runner can push it right away. */
  onQueued: (() => void) | null = null;

  constructor(
    readonly db: UserDb,
    private readonly transport: SyncTransport,
    private readonly identity: SyncIdentity,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  async refreshCounts(): Promise<void> {
    const [pending, rejections, meta] = await Promise.all([
      this.db.outbox.count(),
      this.db.rejections.count(),
      this.db.syncState(),
    ]);
    this.setStatus({ pending, rejections, lastSyncAt: meta?.lastSyncAt ?? null });
  }

  private async meta(): Promise<SyncMetaRow> {
    const existing = await this.db.syncState();
    if (existing) return existing;
    const fresh: SyncMetaRow = {
      key: 'state',
      clientId: this.identity.clientId,
      cursor: 0,
      epoch: null,
      ackedSeq: 0,
      nextSeq: 1,
      lastSyncAt: null,
    };
    await this.db.syncMeta.put(fresh);
    return fresh;
  }

  private context(mutationId: string, clientTime: string): MutationContext {
    return {
      userId: this.identity.userId,
      role: this.identity.role,
      clientId: this.identity.clientId,
      mutationId,
      clientTime,
      authoritative: false,
      now: clientTime,
      // Shown as "not yet synced" until the server's number arrives with the next pull.
      nextNumber: async (series) => ({
        number: `${series}-~${mutationId.slice(-6).toUpperCase()}`,
        provisional: true,
      }),
    };
  }

  private async readRow(kind: string, id: string): Promise<StoredRecord | null> {
    return (await this.db.domain(kind).get(id)) ?? null;
  }

  private scanRows(kind: string, def: IndexDef, query: ScanQuery): Promise<StoredRecord[]> {
    return dexieScan(this.db.domain(kind), def, query);
  }

  /** Writes a mutator's buffered writes, keeping the server's row under it in `shadow`. */
  private async writeOptimistic(tx: BufferedTx): Promise<void> {
    for (const { kind, id, record } of tx.writes.values()) {
      const table = this.db.domain(kind);
      const current = await table.get(id);
      if (!(await this.db.shadow.get([kind, id]))) {
        await this.db.shadow.put({ kind, id, body: current ?? null });
      }
      if (record) await table.put({ ...record, _v: current?._v ?? 0 });
      else await table.delete(id);
    }
  }

  /**
   * Runs a user action: applied locally and queued in one transaction, or refused at once
   * with the same reason the server would give (nothing stored then).
   */
  mutate<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<MutateResult> {
    return this.mutateAny(name, args);
  }

  /**
   * The same, for an action whose name was stored rather than written in code (a rejection
   * redone from the inbox): the mutation's own schema checks its arguments, as on the server.
   */
  async mutateAny(name: string, args: unknown): Promise<MutateResult> {
    const mutationId = uuidv7(this.clock().getTime());
    const clientTime = this.clock().toISOString();
    const result = await this.db.transaction('rw', this.db.syncTables, async () => {
      const tx = new BufferedTx(
        (k, id) => this.readRow(k, id),
        (k, def, q) => this.scanRows(k, def, q),
      );
      const outcome = await runMutation(name, args, tx, this.context(mutationId, clientTime));
      if (outcome.status === 'rejected') {
        return { ok: false as const, error: outcome.code, params: outcome.params };
      }
      await this.writeOptimistic(tx);
      const meta = await this.meta();
      const entry: OutboxEntry = {
        seq: meta.nextSeq,
        mutationId,
        name,
        args,
        clientTime,
        createdAt: clientTime,
      };
      await this.db.outbox.add(entry);
      await this.db.syncMeta.put({ ...meta, nextSeq: meta.nextSeq + 1 });
      return { ok: true as const, mutationId };
    });
    await this.refreshCounts();
    if (result.ok) this.onQueued?.();
    return result;
  }

  /**
   * Called once when the app opens the database for a session. Data pulled for another role
   * (an admin changed this user's role) may hold rows the new role must not read: it is
   * dropped and pulled again; queued actions stay, the server judges them.
   */
  async prepare(): Promise<void> {
    await this.db.transaction('rw', this.db.syncTables, async () => {
      const meta = await this.meta();
      if (meta.role === this.identity.role) return;
      if (meta.role !== undefined) {
        await Promise.all(DOMAIN_KINDS.map((k) => this.db.domain(k).clear()));
        await this.db.shadow.clear();
      }
      await this.db.syncMeta.put({
        ...meta,
        role: this.identity.role,
        cursor: meta.role === undefined ? meta.cursor : 0,
      });
      if (meta.role !== undefined) await this.rebase();
    });
    await this.refreshCounts();
  }

  /** Removes a rejection from the inbox, or queues its action again as a new mutation. */
  async dismissRejection(mutationId: string): Promise<void> {
    await this.db.rejections.delete(mutationId);
    await this.refreshCounts();
  }

  async redoRejection(mutationId: string): Promise<MutateResult> {
    const rejection = await this.db.rejections.get(mutationId);
    if (!rejection) return { ok: false, error: 'not-found', params: {} };
    const result = await this.mutateAny(rejection.name, rejection.args);
    if (result.ok) await this.dismissRejection(mutationId);
    return result;
  }

  /** Resolves when no sync is running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * One full exchange: push everything queued, then pull until up to date. Concurrent calls
   * coalesce into one more round, so a poke during a sync is never lost.
   */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async round(): Promise<void> {
    this.setStatus({ syncing: true, error: null });
    try {
      const pushed = await this.pushAll();
      if (!pushed.ok) return this.fail(pushed.error);
      const pulled = await this.pullAll();
      if (!pulled.ok) return this.fail(pulled.error);
      this.setStatus({ online: true, error: null, outdated: false });
    } finally {
      this.setStatus({ syncing: false, progress: null });
      await this.refreshCounts();
    }
  }

  private fail(error: TransportError): void {
    this.pushedUpTo = 0;
    this.setStatus({
      online: error !== 'network-error',
      error,
      outdated: error === 'client-outdated',
    });
  }

  private async pushAll(): Promise<TransportResult<void>> {
    const meta = await this.meta();
    for (;;) {
      const batch = await this.db.outbox
        .where('seq')
        .above(Math.max(this.pushedUpTo, meta.ackedSeq))
        .limit(MAX_PUSH_MUTATIONS)
        .toArray()
        .then((entries) => takeWithinBytes(entries));
      if (batch.length === 0) return { ok: true, value: undefined };
      const response = await this.transport.push({
        clientId: this.identity.clientId,
        schemaVersion: CLIENT_SCHEMA_VERSION,
        mutations: batch.map((e) => ({
          seq: e.seq,
          mutationId: e.mutationId,
          name: e.name,
          args: e.args,
          clientTime: e.clientTime,
        })),
      });
      if (!response.ok) return response;
      const { lastSeq, stopped } = response.value;
      this.pushedUpTo = lastSeq;
      if (stopped === 'gap') {
        // The server lost seqs we had acknowledged (restored from a backup): the pull tells
        // us where it stands and the pending entries are renumbered after it.
        this.gapSuspected = true;
        return { ok: true, value: undefined };
      }
      if (stopped === 'transient') return { ok: false, error: 'server-error' };
    }
  }

  private pullRequest(at: Pick<SyncMetaRow, 'cursor' | 'epoch' | 'ackedSeq'>): PullRequest {
    return {
      clientId: this.identity.clientId,
      schemaVersion: CLIENT_SCHEMA_VERSION,
      cursor: at.cursor,
      epoch: at.epoch,
      ackedSeq: at.ackedSeq,
      limit: pullPageSize(at.cursor),
    };
  }

  /**
   * Pulls until up to date. While a page is applied, the next one is already on its way,
   * asked from where that page leaves the client (so network and parsing overlap the
   * IndexedDB writes); when applying leaves the client anywhere else, e.g. at a stale answer,
   * the early answer is dropped and the page is asked again. A pull changes nothing on the
   * server, so asking early or twice is harmless.
   */
  private async pullAll(): Promise<TransportResult<void>> {
    let done = 0;
    let request = this.pullRequest(await this.meta());
    let response = this.transport.pull(request);
    for (;;) {
      const answer = await response;
      if (!answer.ok) return answer;
      const page = answer.value;
      const before = await this.meta();
      let ahead: { request: PullRequest; response: Promise<TransportResult<PullResponse>> } | null =
        null;
      if (page.hasMore) {
        const next = this.pullRequest({
          cursor: page.cursor,
          epoch: page.epoch,
          ackedSeq: page.reset ? page.lastAckedSeq : Math.max(before.ackedSeq, page.lastAckedSeq),
        });
        ahead = { request: next, response: this.transport.pull(next) };
        // Settled either way below; never an unhandled rejection if applying throws first.
        ahead.response.catch(() => undefined);
      }
      await this.applyPage(page);
      done += page.changes.length;
      if (!page.hasMore) return { ok: true, value: undefined };
      this.setStatus({ progress: { done, remaining: page.remaining } });
      request = this.pullRequest(await this.meta());
      response =
        ahead && samePull(ahead.request, request) ? ahead.response : this.transport.pull(request);
    }
  }

  /** Applies one pull page atomically: rows, acknowledgements, rejections, rebase, cursor. */
  async applyPage(page: PullResponse): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.transaction('rw', this.db.syncTables, async () => {
      const meta = await this.meta();
      const renumber = page.reset || this.gapSuspected;
      if (page.reset) {
        await Promise.all(DOMAIN_KINDS.map((k) => this.db.domain(k).clear()));
        await this.db.shadow.clear();
      } else if (page.epoch === meta.epoch && page.cursor < meta.cursor) {
        return; // an answer older than what we hold: never move backwards
      }
      await this.putChanges(page);
      const acked = await this.db.outbox.where('seq').belowOrEqual(page.lastAckedSeq).toArray();
      if (acked.length > 0) {
        const rejected = new Map(page.rejections.map((r) => [r.seq, r]));
        const entries: RejectionEntry[] = [];
        for (const e of acked) {
          const r = rejected.get(e.seq);
          if (r) {
            entries.push({
              mutationId: e.mutationId,
              seq: e.seq,
              name: e.name,
              args: e.args,
              clientTime: e.clientTime,
              code: r.code ?? 'server-error',
              params: r.params ?? {},
              rejectedAt: now,
            });
          }
        }
        await this.db.rejections.bulkPut(entries);
        await this.db.outbox.bulkDelete(acked.map((e) => e.seq));
      }
      let nextSeq = Math.max(meta.nextSeq, page.lastAckedSeq + 1);
      if (renumber) nextSeq = await this.renumberPending(page.lastAckedSeq);
      if (page.reset || acked.length > 0 || page.changes.length > 0) await this.rebase();
      await this.db.syncMeta.put({
        ...meta,
        cursor: page.cursor,
        epoch: page.epoch,
        ackedSeq: page.reset ? page.lastAckedSeq : Math.max(meta.ackedSeq, page.lastAckedSeq),
        nextSeq,
        lastSyncAt: now,
      });
    });
    if (page.reset || this.gapSuspected) {
      this.gapSuspected = false;
      this.pushedUpTo = 0;
    }
  }

  private async putChanges(page: PullResponse): Promise<void> {
    const byKind = new Map<string, PullResponse['changes']>();
    for (const c of page.changes) append(byKind, c.kind, c);
    const shadowed = (await this.db.shadow.count()) > 0;
    for (const [kind, changes] of byKind) {
      const table = this.db.domain(kind);
      let direct = changes;
      if (shadowed) {
        // Rows under a pending change: the server's value goes under it, the rebase redoes it.
        const shadows = await this.db.shadow.bulkGet(changes.map((c) => [kind, c.id]));
        direct = [];
        const under: ShadowEntry[] = [];
        for (const [i, c] of changes.entries()) {
          if (shadows[i]) {
            under.push({
              kind,
              id: c.id,
              body: c.body ? ({ ...c.body, id: c.id, _v: c.version } as StoredRecord) : null,
            });
          } else direct.push(c);
        }
        if (under.length > 0) await this.db.shadow.bulkPut(under);
      }
      const puts: StoredRecord[] = [];
      const deletes: string[] = [];
      for (const c of direct) {
        if (c.body) puts.push({ ...c.body, id: c.id, _v: c.version });
        else deletes.push(c.id);
      }
      if (puts.length > 0) await table.bulkPut(puts);
      if (deletes.length > 0) await table.bulkDelete(deletes);
    }
  }

  /**
   * Puts the server's rows back under every pending change, then replays what is pending.
   * The replay runs on a ReplayOverlay and lands in bulk: with thousands of actions queued
   * offline, one IndexedDB request per row and per action made each pull page take seconds.
   */
  private async rebase(): Promise<void> {
    const trans = Dexie.currentTransaction;
    if (!trans) throw new Error('rebase runs inside a sync transaction');
    const overlay = new ReplayOverlay(trans, await this.db.shadow.toArray());
    await this.db.shadow.clear();
    const pending = await this.db.outbox.orderBy('seq').toArray();
    // Replaying from memory awaits mutators, not IndexedDB, for long stretches, and Dexie
    // follows plain promises for a few microtasks only: the overlay reads through tables bound
    // to this transaction, and the Dexie promise around the replay resumes in its zone.
    await Dexie.Promise.resolve().then(() => this.replay(overlay, pending));
    await overlay.flush();
  }

  private async replay(overlay: ReplayOverlay, pending: OutboxEntry[]): Promise<void> {
    for (const e of pending) {
      const tx = new BufferedTx(
        (k, id) => overlay.read(k, id),
        (k, def, q) => overlay.scan(k, def, q),
      );
      const outcome = await runMutation(
        e.name,
        e.args,
        tx,
        this.context(e.mutationId, e.clientTime),
      );
      // A pending change that no longer applies locally stays queued: the server decides.
      if (outcome.status === 'applied') await overlay.write(tx);
    }
  }

  /** After a server restore: pending entries continue right after what the server has. */
  private async renumberPending(lastAckedSeq: number): Promise<number> {
    const pending = await this.db.outbox.orderBy('seq').toArray();
    await this.db.outbox.clear();
    await this.db.outbox.bulkAdd(pending.map((e, i) => ({ ...e, seq: lastAckedSeq + 1 + i })));
    return lastAckedSeq + 1 + pending.length;
  }
}

interface OverlayRow {
  kind: string;
  id: string;
  /** The server's row: what the shadow keeps under a pending change. */
  base: StoredRecord | null;
  current: StoredRecord | null;
  /** Came from the shadow: the server's row must go back even if no replay writes it. */
  restored: boolean;
  written: boolean;
}

/**
 * The local store as a rebase's replay sees it, with the same outcome as restoring every
 * shadow row and then writing each replayed action through `writeOptimistic` one by one: the
 * shadow keeps the server's row under the first pending write, the table ends with the last
 * one, `_v` is carried from the row each write replaced. Rows are read from Dexie once and
 * handed to mutators as copies, so a mutator that edits what it read changes nothing here.
 */
class ReplayOverlay {
  private readonly rows = new Map<string, OverlayRow>();
  /** The same rows by kind, for scans. */
  private readonly byKind = new Map<string, Map<string, OverlayRow>>();

  constructor(
    private readonly trans: Transaction,
    shadows: ShadowEntry[],
  ) {
    for (const s of shadows) {
      this.remember({
        kind: s.kind,
        id: s.id,
        base: s.body,
        current: s.body,
        restored: true,
        written: false,
      });
    }
  }

  private remember(row: OverlayRow): void {
    this.rows.set(`${row.kind}\u0000${row.id}`, row);
    let ofKind = this.byKind.get(row.kind);
    if (!ofKind) this.byKind.set(row.kind, (ofKind = new Map()));
    ofKind.set(row.id, row);
  }

  private table(kind: string): Table<StoredRecord, string> {
    return this.trans.table(kind);
  }

  private async row(kind: string, id: string): Promise<OverlayRow> {
    const key = `${kind}\u0000${id}`;
    let row = this.rows.get(key);
    if (!row) {
      const stored = ((await this.table(kind).get(id)) as StoredRecord | undefined) ?? null;
      row = { kind, id, base: stored, current: stored, restored: false, written: false };
      this.remember(row);
    }
    return row;
  }

  async read(kind: string, id: string): Promise<StoredRecord | null> {
    const { current } = await this.row(kind, id);
    return current && structuredClone(current);
  }

  /** The table's answer with the rows this replay holds in memory laid over it. */
  async scan(kind: string, def: IndexDef, query: ScanQuery): Promise<StoredRecord[]> {
    const overlay = new Map<string, StoredRecord | null>();
    for (const [id, row] of this.byKind.get(kind) ?? []) overlay.set(id, row.current);
    const base = await dexieScan(this.table(kind), def, widenLimit(query, overlay.size));
    return mergeScan(base, overlay, def, query).map((r) => structuredClone(r));
  }

  async write(tx: BufferedTx): Promise<void> {
    for (const { kind, id, record } of tx.writes.values()) {
      const row = await this.row(kind, id);
      row.current = record ? { ...record, _v: row.current?._v ?? 0 } : null;
      row.written = true;
    }
  }

  async flush(): Promise<void> {
    const shadows: ShadowEntry[] = [];
    const puts = new Map<string, StoredRecord[]>();
    const deletes = new Map<string, string[]>();
    for (const row of this.rows.values()) {
      if (!row.written && !row.restored) continue;
      if (row.written) shadows.push({ kind: row.kind, id: row.id, body: row.base });
      const value = row.written ? row.current : row.base;
      if (value) append(puts, row.kind, value);
      else append(deletes, row.kind, row.id);
    }
    if (shadows.length > 0) await this.trans.table('shadow').bulkPut(shadows);
    for (const [kind, rows] of puts) await this.table(kind).bulkPut(rows);
    for (const [kind, ids] of deletes) await this.table(kind).bulkDelete(ids);
  }
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function samePull(a: PullRequest, b: PullRequest): boolean {
  return (
    a.cursor === b.cursor &&
    a.epoch === b.epoch &&
    a.ackedSeq === b.ackedSeq &&
    a.limit === b.limit &&
    a.clientId === b.clientId
  );
}
