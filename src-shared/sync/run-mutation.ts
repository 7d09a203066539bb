import { DOMAIN_OF_MUTATION, indexDefOf, recordProblem } from '../domains';
import { MUTATIONS } from '../mutations';
import { actionSchema, canDo } from '../permissions';
import {
  actionOf,
  Refusal,
  type MutationContext,
  type MutatorTx,
  type RecordTypes,
  type RefusalCode,
  type StoredRecord,
  type TypedKind,
} from './mutation';
import { checkQuery, mergeScan, widenLimit, type IndexDef, type ScanQuery } from './record-index';

type StoredRecordOrNull = StoredRecord | null;

export type RunOutcome =
  | { status: 'applied' }
  | { status: 'rejected'; code: RefusalCode; params: Record<string, string | number> };

function rejected(code: RefusalCode, params: Record<string, string | number> = {}): RunOutcome {
  return { status: 'rejected', code, params };
}

/**
 * Runs a named mutation the way both sides must: known name, arguments valid by its schema,
 * the role allowed, then the mutator. A Refusal becomes a rejected outcome; any other error is
 * thrown to the caller, which knows whether it was transient (a database hiccup) or not.
 */
export async function runMutation(
  name: string,
  rawArgs: unknown,
  tx: MutatorTx,
  ctx: MutationContext,
): Promise<RunOutcome> {
  const def = MUTATIONS.get(name);
  if (!def) return rejected('unknown-mutation', { name });
  const parsed = def.args.safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return rejected('invalid-args', {
      path: issue?.path.join('.') ?? '',
      message: issue?.message ?? '',
    });
  }
  const action = actionSchema.safeParse(actionOf(def, parsed.data));
  if (!action.success || !canDo(ctx.role, action.data)) {
    return rejected('forbidden', { action: actionOf(def, parsed.data) });
  }
  try {
    if (tx instanceof BufferedTx) tx.readerDomain = DOMAIN_OF_MUTATION.get(name);
    await def.run(tx, parsed.data, ctx);
    return { status: 'applied' };
  } catch (error) {
    if (error instanceof Refusal) return rejected(error.code, error.params);
    throw error;
  }
}

/**
 * A record as a mutator gets it: one that breaks its domain's schema is refused, not guessed
 * at (the reader would otherwise act on fields that are not what they claim).
 */
function checked(kind: string, record: StoredRecord, readerDomain?: string): StoredRecord {
  const path = recordProblem(kind, record, readerDomain);
  if (path !== null) throw new Refusal('corrupt-record', { kind, id: record.id, path });
  return record;
}

/** Reads one record of a store; null when it has none. */
export type ReadRecord = (kind: string, id: string) => Promise<StoredRecordOrNull>;
/** Answers a checked scan on a store's own index (record-index.ts gives the order). */
export type ScanRecords = (
  kind: string,
  def: IndexDef,
  query: ScanQuery,
) => Promise<StoredRecord[]>;

/**
 * A mutator's writes are buffered and reach the store only when the whole mutator succeeded,
 * so a refusal half-way leaves nothing behind on either side. Its own scans see its writes.
 */
export class BufferedTx implements MutatorTx {
  readonly writes = new Map<string, { kind: string; id: string; record: StoredRecordOrNull }>();
  /** The domain of the running mutation (set by runMutation): its own kinds are not checked. */
  readerDomain: string | undefined;

  constructor(
    private readonly read: ReadRecord,
    private readonly scanStore: ScanRecords,
  ) {}

  get<K extends TypedKind>(kind: K, id: string): Promise<RecordTypes[K] | undefined>;
  get<T extends StoredRecord = StoredRecord>(kind: string, id: string): Promise<T | undefined>;
  async get(kind: string, id: string): Promise<StoredRecord | undefined> {
    const key = `${kind}\u0000${id}`;
    const buffered = this.writes.get(key);
    const record = buffered ? buffered.record : await this.read(kind, id);
    return record ? checked(kind, record, this.readerDomain) : undefined;
  }

  scan<K extends TypedKind>(kind: K, query: ScanQuery): Promise<RecordTypes[K][]>;
  scan<T extends StoredRecord = StoredRecord>(kind: string, query: ScanQuery): Promise<T[]>;
  async scan(kind: string, query: ScanQuery): Promise<StoredRecord[]> {
    const def = indexDefOf(kind, query.index);
    checkQuery(def, query);
    const overlay = new Map<string, StoredRecord | null>();
    for (const w of this.writes.values()) if (w.kind === kind) overlay.set(w.id, w.record);
    const base = await this.scanStore(kind, def, widenLimit(query, overlay.size));
    return mergeScan(base, overlay, def, query).map((r) => checked(kind, r, this.readerDomain));
  }

  async put(kind: string, record: StoredRecord): Promise<void> {
    this.writes.set(`${kind}\u0000${record.id}`, { kind, id: record.id, record });
  }

  async del(kind: string, id: string): Promise<void> {
    this.writes.set(`${kind}\u0000${id}`, { kind, id, record: null });
  }
}
