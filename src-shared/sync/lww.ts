import type { MutationContext, MutatorTx, StoredRecord } from './mutation';

/**
 * Field-level last-writer-wins in server arrival order, for plan edits (a batch's line, start,
 * end, sequence). Every write stamps the field with who wrote it and at which server version;
 * a write based on an older version than a field's stamp overrides someone else's newer
 * decision, and that person gets a notice saying whose move now stands.
 */

export interface FieldStamp {
  by: string;
  byName?: string;
  v: number;
}

export interface OverriddenField {
  field: string;
  previous: FieldStamp;
}

export function fieldStamps(record: StoredRecord): Record<string, FieldStamp> {
  return (record._fields as Record<string, FieldStamp> | undefined) ?? {};
}

/**
 * Applies `fields` onto `record`; answers the fields whose newer value, written by another
 * user after `baseVersion`, is now overridden. Only the server knows versions, so only its run
 * stamps and detects; the client's optimistic run just applies the values.
 */
export function applyLww(
  record: StoredRecord,
  fields: Record<string, unknown>,
  baseVersion: number,
  ctx: Pick<MutationContext, 'userId' | 'version'>,
): { record: StoredRecord; overridden: OverriddenField[] } {
  const stamps = { ...fieldStamps(record) };
  const overridden: OverriddenField[] = [];
  const next: StoredRecord = { ...record };
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const stamp = stamps[field];
    if (stamp && stamp.v > baseVersion && stamp.by !== ctx.userId && next[field] !== value) {
      overridden.push({ field, previous: stamp });
    }
    next[field] = value;
    if (ctx.version !== undefined) stamps[field] = { by: ctx.userId, v: ctx.version };
  }
  next._fields = stamps;
  return { record: next, overridden };
}

/** Writes one notice per overridden user, visible only to that user. Server only. */
export async function noticeOverridden(
  tx: MutatorTx,
  ctx: MutationContext,
  subject: { kind: string; id: string; label: string },
  overridden: OverriddenField[],
): Promise<void> {
  if (!ctx.authoritative) return;
  const byUser = new Map<string, string[]>();
  for (const o of overridden) {
    byUser.set(o.previous.by, [...(byUser.get(o.previous.by) ?? []), o.field]);
  }
  for (const [userId, fields] of byUser) {
    await tx.put('notice', {
      id: `${ctx.mutationId}:${userId}`,
      _audience: userId,
      type: 'plan-overridden',
      subjectKind: subject.kind,
      subjectId: subject.id,
      subjectLabel: subject.label,
      fields,
      byUserId: ctx.userId,
      ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
      at: ctx.now,
      read: false,
    });
  }
}
