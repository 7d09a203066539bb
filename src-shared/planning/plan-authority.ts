import { Refusal, type MutationContext, type MutatorTx } from '../sync/mutation';
import { DAY, HOUR } from './line-calendar';
import { orderLinesOf, PLANNABLE_ORDER_STATES, type OrderLike } from './order-progress';
import {
  checkPlacement,
  lineResourceOf,
  rateFor,
  scheduleEnd,
  type LineResource,
  type PlanWarning,
} from './schedule-rules';
import type { BatchRecord, OrderLineLink, RecordedWarning } from './batch-mutations';

/**
 * What the planning rules decide about a batch's place, recomputed by the mutator from the
 * store it runs on (issue 12): the line, the family from the catalog, the end from the line's
 * rate and calendar, the warnings from the other batches on the line and the order's promised
 * date, and the order lines the batch may claim. The PC's run and the server's are the same
 * code; the server's is the one that stands, because only it sees every planner's batches.
 * What the PC sent is kept beside (`pcEnd`, `pcWarnings`) only where it differs.
 */

/**
 * The longest a batch may span on a line. It bounds the look back of the placement check: a
 * batch that started earlier than this before a placement cannot still be running, so the
 * scan over `[lineId+start]` never misses a clash, and it reads only two weeks of the line
 * (about 200 batches on the bench's busiest line, against 600 for six weeks). Two weeks is
 * more than a planner makes one batch: the backlog cuts order lines into shift-sized batches,
 * and a batch is the lot quality samples and releases as one, which should not mix weeks of
 * materials and settings. A longer batch is refused with "split it".
 */
export const MAX_BATCH_DAYS = 14;
const MAX_SPAN = MAX_BATCH_DAYS * DAY;
/**
 * Starts written with a UTC offset (rows from before the server wrote them in UTC) sort by
 * their local wall time, at most 14 hours off UTC; the scan is widened by that and filtered.
 */
const OFFSET_SLACK = 14 * HOUR + 60_000;

export const isoOf = (ms: number): string => new Date(ms).toISOString();

export async function lineFor(tx: MutatorTx, lineId: string): Promise<LineResource> {
  const raw = await tx.get('production-line', lineId);
  if (!raw) throw new Refusal('not-found', { kind: 'production-line', id: lineId, path: 'lineId' });
  return lineResourceOf(raw);
}

/**
 * The family (format) the line rates are given for, from the catalog by model code. The PC's
 * `family` (sent by older clients, and kept on old batches) only counts for a model the
 * catalog does not have: a PC with a stale catalog must not decide which lines may run it.
 */
export async function familyFor(
  tx: MutatorTx,
  model: string,
  fallback: string | undefined,
): Promise<string> {
  const [product] = await tx.scan('product', { index: 'code', equals: model, limit: 1 });
  if (typeof product?.format === 'string') return product.format;
  if (fallback) return fallback;
  throw new Refusal('not-found', { kind: 'product', id: model, path: 'model' });
}

export interface PlaceRequest {
  model: string;
  /** The family the PC named or the batch kept; the catalog's wins (see familyFor). */
  family?: string | undefined;
  quantity: number;
  lineId: string;
  start: number;
  /**
   * An end the planner set by resizing the bar. Later than the work needs, it is a
   * deliberate reservation (a changeover, a trial run, slack before a risky order) and
   * stands; earlier, the batch cannot be done by then, so the end is the computed one (the
   * planner who wants a shorter bar splits the batch or lowers its quantity). Refusing would
   * also throw away the rest of a multi-bar move for a few pixels of a resize.
   */
  reservedEnd?: number | undefined;
}

export interface Place {
  line: LineResource;
  family: string;
  start: number;
  end: number;
}

/** Where a batch lands: refused when the line is missing or cannot make the family. */
export async function place(tx: MutatorTx, req: PlaceRequest): Promise<Place> {
  const line = await lineFor(tx, req.lineId);
  const family = await familyFor(tx, req.model, req.family);
  if (rateFor(line, family) === undefined) {
    throw new Refusal('line-cannot-make', { line: line.code, family, path: 'lineId' });
  }
  const needed = scheduleEnd(line, family, req.quantity, req.start);
  const end = needed === null ? null : Math.max(needed, req.reservedEnd ?? needed);
  if (end === null || end - req.start > MAX_SPAN) {
    throw new Refusal('batch-too-long', {
      line: line.code,
      days: end === null ? '> 366' : Math.ceil((end - req.start) / DAY),
      maxDays: MAX_BATCH_DAYS,
      path: needed !== null && end !== needed ? 'end' : 'quantity',
    });
  }
  return { line, family, start: req.start, end };
}

/** The batches on a line that overlap [start, end), by the `[lineId+start]` index. */
export async function batchesOverlapping(
  tx: MutatorTx,
  lineId: string,
  start: number,
  end: number,
): Promise<BatchRecord[]> {
  const found = await tx.scan<BatchRecord>('batch', {
    index: '[lineId+start]',
    from: [lineId, isoOf(start - MAX_SPAN - OFFSET_SLACK)],
    to: [lineId, isoOf(end + OFFSET_SLACK)],
  });
  return found
    .filter((b) => Date.parse(b.start) < end && start < Date.parse(b.end))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1));
}

async function promisedDateOf(tx: MutatorTx, batch: BatchRecord): Promise<string | undefined> {
  const ids = new Set([
    ...(batch.orderId ? [batch.orderId] : []),
    ...(batch.orderLines ?? []).map((l) => l.orderId),
  ]);
  const dates: string[] = [];
  for (const id of ids) {
    const date = (await tx.get('order', id))?.promisedDate;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) dates.push(date.slice(0, 10));
  }
  return dates.sort()[0];
}

function warningKey(w: PlanWarning): string {
  return JSON.stringify([w.code, Object.entries(w.params).sort(([a], [b]) => (a < b ? -1 : 1))]);
}

export function sameWarnings(a: readonly PlanWarning[], b: readonly PlanWarning[]): boolean {
  const keys = (list: readonly PlanWarning[]) => list.map(warningKey).sort().join('\n');
  return keys(a) === keys(b);
}

/** A warning already recorded keeps who was warned of it first and when. */
export function recordWarnings(
  warnings: readonly PlanWarning[],
  before: readonly RecordedWarning[] | undefined,
  ctx: MutationContext,
): RecordedWarning[] {
  const kept = new Map((before ?? []).map((w) => [warningKey(w), w]));
  return warnings.map(
    (w) =>
      kept.get(warningKey(w)) ?? {
        code: w.code,
        params: w.params,
        by: ctx.userId,
        ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
        at: ctx.now,
      },
  );
}

const clashWith = (w: PlanWarning): string | undefined =>
  w.code === 'over-capacity' && typeof w.params.with === 'string' ? w.params.with : undefined;

/** Whether a batch's warnings name any batch it overlaps. */
export function namesAClash(batch: BatchRecord): boolean {
  return (batch.warnings ?? []).some((w) => clashWith(w) !== undefined);
}

export interface Judged {
  warnings: PlanWarning[];
  clashes: BatchRecord[];
}

/**
 * The warnings of a batch at its place, against the store as it is now (within a multi-batch
 * move, with the others already moved). `checkPlacement` names the first clash; every further
 * one is named too, so each of two overlapping batches names the other (see noteClashes).
 * Material readiness comes from procurement's purchase orders, which the server has no
 * domain or index for yet: the PC's `material-late` is kept as the PC said it.
 */
export async function judge(
  tx: MutatorTx,
  batch: BatchRecord,
  at: Place,
  pcWarnings: readonly PlanWarning[] | undefined,
): Promise<Judged> {
  const clashes = (await batchesOverlapping(tx, batch.lineId, at.start, at.end)).filter(
    (b) => b.id !== batch.id,
  );
  const warnings = checkPlacement(
    {
      id: batch.id,
      family: at.family,
      quantity: batch.quantity,
      lineId: batch.lineId,
      start: at.start,
      end: at.end,
    },
    {
      line: at.line,
      others: clashes.map((b) => ({
        id: b.id,
        number: b.number,
        start: Date.parse(b.start),
        end: Date.parse(b.end),
      })),
      promisedDate: await promisedDateOf(tx, batch),
    },
  );
  const named = new Set(warnings.map(clashWith));
  for (const b of clashes) {
    if (named.has(b.number)) continue;
    named.add(b.number);
    warnings.push({ code: 'over-capacity', params: { line: at.line.code, with: b.number } });
  }
  const material = (pcWarnings ?? batch.warnings ?? []).filter((w) => w.code === 'material-late');
  for (const w of material) warnings.push({ code: w.code, params: w.params });
  return { warnings, clashes };
}

/**
 * Writes the server's end and warnings onto the batch, the PC's beside them where they
 * differ: `pcEnd` (the end the PC sent) and `pcWarnings` (what the board showed the planner
 * at the drop). Both go when the PC agrees, so an old disagreement does not outlive its move.
 */
export function settle(
  batch: BatchRecord,
  at: Place,
  judged: Judged,
  pc: { end?: string | undefined; warnings?: readonly PlanWarning[] | undefined },
  ctx: MutationContext,
): BatchRecord {
  const next: BatchRecord = {
    ...batch,
    family: at.family,
    start: isoOf(at.start),
    end: isoOf(at.end),
  };
  const warnings = recordWarnings(judged.warnings, batch.warnings, ctx);
  if (warnings.length > 0) next.warnings = warnings;
  else delete next.warnings;
  if (pc.warnings !== undefined && !sameWarnings(pc.warnings, judged.warnings)) {
    next.pcWarnings = recordWarnings(pc.warnings, undefined, ctx);
  } else delete next.pcWarnings;
  if (pc.end !== undefined && Date.parse(pc.end) !== at.end) next.pcEnd = pc.end;
  else delete next.pcEnd;
  return next;
}

/**
 * The other side of each clash: a batch `subject` now overlaps names it in its warnings, one
 * it no longer overlaps (it moved away, or was merged away: `now` null) stops naming it.
 * `was` is where the subject stood before, whose neighbours may need the name taken off.
 * Since every clash is named on both sides, only a subject that named one has such
 * neighbours: callers pass `was` only then, which spares a move the second scan.
 */
export async function noteClashes(
  tx: MutatorTx,
  ctx: MutationContext,
  subject: { id: string; number: string },
  now: { line: LineResource; clashes: readonly BatchRecord[] } | null,
  was?: { lineId: string; start: number; end: number },
): Promise<void> {
  const overlapping = new Set((now?.clashes ?? []).map((b) => b.id));
  const candidates = new Map((now?.clashes ?? []).map((b) => [b.id, b]));
  if (was) {
    for (const b of await batchesOverlapping(tx, was.lineId, was.start, was.end)) {
      if (b.id !== subject.id) candidates.set(b.id, b);
    }
  }
  for (const other of candidates.values()) {
    const warnings = other.warnings ?? [];
    const names = warnings.some((w) => clashWith(w) === subject.number);
    if (now && overlapping.has(other.id) && !names) {
      const added = recordWarnings(
        [{ code: 'over-capacity', params: { line: now.line.code, with: subject.number } }],
        undefined,
        ctx,
      );
      await tx.put('batch', { ...other, warnings: [...warnings, ...added] });
    } else if (!overlapping.has(other.id) && names) {
      const rest = warnings.filter((w) => clashWith(w) !== subject.number);
      const next: BatchRecord = { ...other, warnings: rest };
      if (rest.length === 0) delete next.warnings;
      await tx.put('batch', next);
    }
  }
}

/**
 * Tells the planner, on the server's run only, that their batch clashes with one their PC did
 * not show them (another planner's batch that had not reached it): the board marks the batch,
 * but a planner who placed it offline is not looking at it when the sync lands.
 */
export async function noticeConflict(
  tx: MutatorTx,
  ctx: MutationContext,
  batch: BatchRecord,
  at: Place,
  judged: Judged,
  shown: readonly PlanWarning[] | undefined,
): Promise<void> {
  if (!ctx.authoritative || judged.clashes.length === 0) return;
  const seen = new Set((shown ?? []).map(clashWith).filter((n) => n !== undefined));
  // Numbers the PC showed may be provisional ones the server has since replaced, so only a
  // count above what the PC showed is news; the batches named are those it did not name.
  if (judged.clashes.length <= seen.size) return;
  const unseen = judged.clashes.filter((b) => !seen.has(b.number)).map((b) => b.number);
  await tx.put('notice', {
    id: `${ctx.mutationId}:conflict:${batch.id}`,
    _audience: ctx.userId,
    type: 'plan-conflict',
    subjectKind: 'batch',
    subjectId: batch.id,
    subjectLabel: batch.number,
    lineLabel: at.line.code,
    with: unseen,
    fields: [],
    byUserId: ctx.userId,
    ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
    at: ctx.now,
    read: false,
  });
}

/**
 * The order lines a new batch claims: each on its order (same model), within what the line
 * orders less what the order's other batches already claim. A finished batch that made less
 * than it claimed frees its shortfall, which is what a make-up batch is planned for; the
 * record does not say which of its lines came short, so the shortfall is free on each of them
 * and the order as a whole caps the sum. A missing order is refused on the server; a PC that
 * has not pulled it lets the server decide.
 */
export async function checkClaims(
  tx: MutatorTx,
  ctx: MutationContext,
  claim: {
    batchId: string;
    model: string;
    orderId?: string | undefined;
    links: readonly OrderLineLink[];
  },
): Promise<string | undefined> {
  let number: string | undefined;
  const ids = new Set([
    ...(claim.orderId ? [claim.orderId] : []),
    ...claim.links.map((l) => l.orderId),
  ]);
  for (const orderId of ids) {
    const order = await tx.get<OrderLike>('order', orderId);
    if (!order) {
      if (ctx.authoritative) {
        throw new Refusal('not-found', { kind: 'order', id: orderId, path: 'orderLines' });
      }
      continue;
    }
    if (!PLANNABLE_ORDER_STATES.includes(order.state)) {
      throw new Refusal('stale-state', { state: order.state });
    }
    const label = typeof order.number === 'string' ? order.number : orderId;
    number ??= typeof order.number === 'string' ? order.number : undefined;
    const lines = orderLinesOf(order);
    const wanted = new Map<string, number>();
    for (const l of claim.links) {
      if (l.orderId !== orderId) continue;
      const line = lines.find((x) => x.key === l.lineKey);
      if (!line || (line.model !== '' && line.model !== claim.model)) {
        throw new Refusal('not-on-order', {
          order: label,
          // Lines without ids are keyed by index; people count them from 1.
          line: /^\d+$/.test(l.lineKey) ? Number(l.lineKey) + 1 : l.lineKey,
          model: claim.model,
          path: 'orderLines',
        });
      }
      wanted.set(l.lineKey, (wanted.get(l.lineKey) ?? 0) + l.quantity);
    }
    if (wanted.size === 0) continue;
    const claimed = new Map<string, number>();
    let claimedTotal = 0;
    for (const [batchId, entry] of Object.entries(order.batchPlan ?? {})) {
      if (batchId === claim.batchId) continue;
      const quantities = Object.entries(entry.quantities);
      const total = quantities.reduce((s, [, q]) => s + q, 0);
      const shortfall = entry.state === 'done' ? Math.max(0, total - entry.good) : 0;
      for (const [key, q] of quantities) {
        claimed.set(key, (claimed.get(key) ?? 0) + Math.max(0, q - shortfall));
      }
      claimedTotal += total - shortfall;
    }
    let orderLeft = lines.reduce((s, l) => s + l.quantity, 0) - claimedTotal;
    for (const [key, quantity] of wanted) {
      const index = lines.findIndex((x) => x.key === key);
      const ordered = lines[index]?.quantity ?? 0;
      const remaining = Math.max(0, Math.min(ordered - (claimed.get(key) ?? 0), orderLeft));
      if (quantity > remaining) {
        throw new Refusal('over-planned', {
          order: label,
          line: index + 1,
          ordered,
          quantity,
          remaining,
          path: 'orderLines',
        });
      }
      orderLeft -= quantity;
    }
  }
  return number;
}
