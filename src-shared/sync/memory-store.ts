import type { Role } from '../roles';
import type { MutationContext, StoredRecord } from './mutation';
import { recordProblem } from '../domains';
import { scanInMemory } from './record-index';
import { BufferedTx, runMutation, type RunOutcome } from './run-mutation';

/**
 * A store for mutator tests: runs mutations the way both sides do (runMutation over a
 * BufferedTx, writes kept only when applied), either as the server (numbers, names, versions)
 * or as a PC (provisional numbers). Test-only.
 */
export class MemoryStore {
  readonly rows = new Map<string, StoredRecord>();
  private version = 0;
  private counters = new Map<string, number>();
  /** The server clock, moved by tests. */
  now = '2026-12-01T08:00:00.000Z';

  get<T extends StoredRecord>(kind: string, id: string): T | undefined {
    return this.rows.get(`${kind}/${id}`) as T | undefined;
  }

  all<T extends StoredRecord>(kind: string): T[] {
    return [...this.rows.entries()]
      .filter(([k]) => k.startsWith(`${kind}/`))
      .map(([, v]) => v as T);
  }

  put(kind: string, record: StoredRecord): void {
    this.rows.set(`${kind}/${record.id}`, record);
  }

  async run(
    user: { id: string; role: Role; name?: string; clientId?: string; authoritative?: boolean },
    name: string,
    args: unknown,
  ): Promise<RunOutcome> {
    const authoritative = user.authoritative ?? true;
    this.version += 1;
    const mutationId = `m-${this.version}`;
    const ctx: MutationContext = {
      userId: user.id,
      ...(user.name && authoritative ? { userName: user.name } : {}),
      role: user.role,
      clientId: user.clientId ?? `pc-${user.id}`,
      mutationId,
      ...(authoritative ? { version: this.version } : {}),
      clientTime: this.now,
      authoritative,
      now: this.now,
      nextNumber: async (series) => {
        if (!authoritative) return { number: `${series}-~${mutationId}`, provisional: true };
        const next = (this.counters.get(series) ?? 0) + 1;
        this.counters.set(series, next);
        return { number: `${series}-2026-${String(next).padStart(6, '0')}`, provisional: false };
      },
    };
    const tx = new BufferedTx(
      async (kind, id) => this.get(kind, id) ?? null,
      async (kind, def, query) => scanInMemory(this.all(kind), def, query),
    );
    const outcome = await runMutation(name, args, tx, ctx);
    if (outcome.status === 'applied') {
      // A test store holds writers to their domain's promise: a write that breaks its kind's
      // schema fails the test that made it, not some later reader in another domain.
      for (const w of tx.writes.values()) {
        const problem = w.record ? recordProblem(w.kind, w.record) : null;
        if (problem !== null) throw new Error(`${name} wrote a ${w.kind} broken at ${problem}`);
      }
      for (const w of tx.writes.values()) {
        if (w.record) this.rows.set(`${w.kind}/${w.id}`, { ...w.record, _v: this.version });
        else this.rows.delete(`${w.kind}/${w.id}`);
      }
    }
    return outcome;
  }
}
