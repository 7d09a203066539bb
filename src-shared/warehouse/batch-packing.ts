import { calendarOf, localDate } from '../planning/line-calendar';
import { Refusal, type MutatorTx, type StoredRecord } from '../sync/mutation';
import type { CartonRecord } from './shipment-record';

/**
 * What a carton may hold, decided from the records the store has (issue 12): a PC packing
 * offline knows only the cartons it has seen, so the server's run recomputes every figure
 * here from its own cartons, batch and catalog, and the PC's optimistic answer is a preview.
 */

/** The fields of a batch this module reads (planning owns the record). */
export interface PackableBatch {
  id: string;
  number?: string;
  model?: string;
  state?: string;
  orderId?: string;
  orderLines?: readonly { orderId: string; quantity: number }[];
  /** Good units reported by the workshop (batch.report): the most that can ever be packed. */
  good?: number;
  /** When batch.run completed it: the production date on the label. */
  doneAt?: string;
  lineId?: string;
}

export interface PackedSoFar {
  total: number;
  byOrder: ReadonlyMap<string, number>;
}

/**
 * Units already packed. A pallet built of cartons (pallet.build: it lists its `contents`)
 * carries the batch id of its first carton and the sum of its cartons, so counting it would
 * count those units twice; a pallet packed straight from the batch (carton.pack with kind
 * 'pallet') holds units of its own and counts, or it would be a way round the limit.
 */
export function packedSoFar(
  cartons: readonly Pick<CartonRecord, 'quantity' | 'orderId' | 'contents'>[],
): PackedSoFar {
  let total = 0;
  const byOrder = new Map<string, number>();
  for (const c of cartons) {
    if (Array.isArray(c.contents)) continue;
    total += c.quantity;
    if (c.orderId) byOrder.set(c.orderId, (byOrder.get(c.orderId) ?? 0) + c.quantity);
  }
  return { total, byOrder };
}

/** Every carton of the batch the store has, with this mutation's own writes. */
export async function packedFromBatch(tx: MutatorTx, batchId: string): Promise<PackedSoFar> {
  return packedSoFar(await tx.scan<CartonRecord>('carton', { index: 'batchId', equals: batchId }));
}

/** What a merged batch makes for each order, in the order its lines were merged. */
export function orderShares(batch: PackableBatch): { orderId: string; quantity: number }[] {
  const shares = new Map<string, number>();
  for (const l of batch.orderLines ?? []) {
    shares.set(l.orderId, (shares.get(l.orderId) ?? 0) + l.quantity);
  }
  return [...shares].map(([orderId, quantity]) => ({ orderId, quantity }));
}

export type CartonAllocation =
  | { ok: true; orderId?: string }
  | {
      ok: false;
      code: 'over-quantity';
      params: { packed: number; good: number; asked: number; remaining: number };
    }
  | {
      ok: false;
      code: 'carton-spans-orders';
      /** The order whose share is being packed, and the one after it. */
      orderId: string;
      nextOrderId: string;
      params: { remaining: number; asked: number };
    };

/** What is left to pack of the batch, and for which order the next carton is. */
export interface Packable {
  good: number;
  packed: number;
  left: number;
  /** The order the next carton belongs to. */
  orderId?: string;
  /** Units the next carton may hold without reaching into the next order's share. */
  leftForOrder: number;
}

export function packableOf(batch: PackableBatch, packed: PackedSoFar): Packable {
  const good = Math.max(0, batch.good ?? 0);
  const left = Math.max(0, good - packed.total);
  const shares = orderShares(batch);
  if (shares.length <= 1) {
    const orderId = batch.orderId ?? shares[0]?.orderId;
    return {
      good,
      packed: packed.total,
      left,
      ...(orderId ? { orderId } : {}),
      leftForOrder: left,
    };
  }
  // In merge order, the first order whose share is not packed yet; output beyond every
  // share stays with the last order, as a single order's batch keeps its surplus.
  for (const [i, share] of shares.entries()) {
    const open = share.quantity - (packed.byOrder.get(share.orderId) ?? 0);
    const last = i === shares.length - 1;
    if (open > 0 || last) {
      return {
        good,
        packed: packed.total,
        left,
        orderId: share.orderId,
        leftForOrder: last ? left : Math.min(open, left),
      };
    }
  }
  return { good, packed: packed.total, left, leftForOrder: left };
}

/**
 * Where a carton of `asked` units goes. A carton carries one label with one order, so a carton
 * that would hold the end of one order's share and the start of the next is refused rather
 * than split: the units are in one physical box, and the worker packs a short carton to close
 * the first order instead.
 */
export function allocateCarton(
  batch: PackableBatch,
  packed: PackedSoFar,
  asked: number,
): CartonAllocation {
  const p = packableOf(batch, packed);
  if (asked > p.left) {
    return {
      ok: false,
      code: 'over-quantity',
      params: { packed: p.packed, good: p.good, asked, remaining: p.left },
    };
  }
  if (asked > p.leftForOrder && p.orderId) {
    const shares = orderShares(batch);
    const next = shares[shares.findIndex((s) => s.orderId === p.orderId) + 1]!;
    return {
      ok: false,
      code: 'carton-spans-orders',
      orderId: p.orderId,
      nextOrderId: next.orderId,
      params: { remaining: p.leftForOrder, asked },
    };
  }
  return { ok: true, ...(p.orderId ? { orderId: p.orderId } : {}) };
}

/**
 * The production date a label carries: the local day (by the line's calendar) the workshop
 * completed the batch. A batch marked done before completion times were kept has none: a date
 * made up from the plan would be printed on goods as if it were true.
 */
export async function productionDate(
  tx: MutatorTx,
  batch: PackableBatch,
): Promise<string | undefined> {
  const at = batch.doneAt ? Date.parse(batch.doneAt) : NaN;
  if (Number.isNaN(at)) return undefined;
  const line = batch.lineId ? await tx.get('production-line', batch.lineId) : undefined;
  return localDate(at, calendarOf(line ?? {}).utcOffsetMinutes);
}

/**
 * Packing waits for the workshop to complete the batch: until then there is no production
 * date to print, and its good count may still grow or be corrected.
 */
export function checkBatchDone(batch: PackableBatch): void {
  if (batch.state !== 'done') {
    throw new Refusal('batch-not-done', {
      batch: batch.number ?? batch.id,
      state: batch.state ?? '',
    });
  }
}

interface ProductLike extends StoredRecord {
  code?: string;
  serialized?: boolean;
}

/**
 * Whether the batch's model needs a serial per unit, from the catalog entry of that model,
 * whatever product the PC named. A product the PC names must be that model (old PCs send it).
 */
export async function serialRuleOf(
  tx: MutatorTx,
  model: string,
  productId: string | undefined,
): Promise<{ serialized: boolean }> {
  if (productId) {
    const named = await tx.get<ProductLike>('product', productId);
    if (!named) throw new Refusal('not-found', { kind: 'product', id: productId });
    if (named.code !== model) throw new Refusal('wrong-model', { model: named.code ?? productId });
  }
  const products = await tx.scan<ProductLike>('product', { index: 'code', equals: model });
  return { serialized: products.some((p) => p.serialized === true) };
}
