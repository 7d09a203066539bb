import type { Role } from '../roles';
import type { MutationContext, StoredRecord } from '../sync/mutation';
import { BufferedTx, runMutation, type RunOutcome } from '../sync/run-mutation';

/**
 * A record store for quality mutator tests: runs mutations as both sides do (runMutation over
 * a BufferedTx; writes land only when applied), as the server (real numbers) or as a PC
 * (provisional ones). Test-only.
 */
export class QualityStore {
  readonly rows = new Map<string, StoredRecord>();
  private version = 0;
  private counters = new Map<string, number>();
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
    user: { id: string; role: Role; authoritative?: boolean },
    name: string,
    args: unknown,
  ): Promise<RunOutcome> {
    const authoritative = user.authoritative ?? true;
    this.version += 1;
    const mutationId = `m-${this.version}`;
    const ctx: MutationContext = {
      userId: user.id,
      role: user.role,
      clientId: `pc-${user.id}`,
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
    const tx = new BufferedTx(async (kind, id) => this.get(kind, id) ?? null);
    const outcome = await runMutation(name, args, tx, ctx);
    if (outcome.status === 'applied') {
      for (const w of tx.writes.values()) {
        if (w.record) this.rows.set(`${w.kind}/${w.id}`, { ...w.record, _v: this.version });
        else this.rows.delete(`${w.kind}/${w.id}`);
      }
    }
    return outcome;
  }
}
