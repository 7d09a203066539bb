import { z } from 'zod';
import { recordShipment, shippedOf } from '../orders/order-flow';
import type { OrderRecord } from '../orders/order-record';
import type { OrderState } from '../orders/order-state';
import { releaseGate } from '../quality/release-gate';
import { defineMutation, Refusal, type MutationContext, type MutatorTx } from '../sync/mutation';
import {
  CARRIER_MUTATIONS,
  checkTrackingNumber,
  chooseCarrier,
  type CarrierChoice,
} from './carrier';
import { TRANSPORT_MODES } from './dangerous-goods';
import { PACKING_SPEC_MUTATIONS } from './packing-spec-mutations';
import { checkComplete, checkScan } from './scan-check';
import { claimSerials } from './serials';
import {
  allocateCarton,
  checkBatchDone,
  packedFromBatch,
  productionDate,
  serialRuleOf,
  type PackableBatch,
} from './batch-packing';
import {
  scanIndexId,
  scanRecordId,
  type CartonRecord,
  type ScanIndexRecord,
  type ScanRecord,
  type ShipmentRecord,
} from './shipment-record';

/**
 * The warehouse mutations (issue 8): pack cartons from released batches, open a shipment for
 * an order, scan cartons into it (append-only scans), confirm it with carrier and tracking
 * number. Confirmation stamps each carton with its shipment, so two PCs that scanned the same
 * cartons offline into two shipments cannot both confirm: the second reaches the server to
 * find the cartons taken and is refused.
 */

export const SHIPMENT_SERIES = 'SH';

/** Order states a shipment may be opened from: goods can be staged before the last batch. */
const SHIPPABLE_FROM: readonly OrderState[] = [
  'accepted',
  'planned',
  'in_production',
  'ready_to_ship',
  'partly_shipped',
];

/** Barcode content: GS1-128 and Code 128 both carry this character set. */
const cartonCode = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\x21-\x7e]+$/);

async function must<T extends { id: string }>(
  tx: MutatorTx,
  kind: string,
  id: string,
): Promise<T & { id: string }> {
  const record = await tx.get(kind, id);
  if (!record) throw new Refusal('not-found', { kind, id });
  return record as unknown as T & { id: string };
}

export const packCarton = defineMutation({
  name: 'carton.pack',
  action: 'shipment.create',
  args: z
    .object({
      /** The carton's id is the code its label carries, so a scan finds it by id. */
      code: cartonCode,
      kind: z.enum(['carton', 'pallet']).default('carton'),
      batchId: z.string().min(1).max(100),
      quantity: z.number().int().positive().max(1_000_000),
      /** One per unit, where the product is serialized: scanned from each unit's label. */
      serials: z.array(cartonCode).max(10_000).optional(),
      packingSpecId: z.string().max(200).optional(),
      /**
       * The product packed, as PCs from before mutators could scan sent it. Only checked to be
       * the batch's model: whether units need serials is the catalog's answer for that model.
       */
      productId: z.string().min(1).max(100).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    if (await tx.get('carton', args.code)) throw new Refusal('already-exists', { id: args.code });
    const batch = await must<PackableBatch & { spec?: string; quality?: unknown }>(
      tx,
      'batch',
      args.batchId,
    );
    const gate = releaseGate(batch);
    if (!gate.allowed) {
      throw new Refusal(gate.reason === 'on-hold' ? 'on-hold' : 'not-released', {
        batch: batch.number ?? batch.id,
        reason: gate.reason,
      });
    }
    checkBatchDone(batch);
    if (typeof batch.model !== 'string') throw new Refusal('not-found', { kind: 'batch' });
    const { serialized } = await serialRuleOf(tx, batch.model, args.productId);
    const allocation = allocateCarton(batch, await packedFromBatch(tx, batch.id), args.quantity);
    if (!allocation.ok) {
      if (allocation.code === 'over-quantity') {
        throw new Refusal('over-quantity', {
          ...allocation.params,
          carton: args.code,
          model: batch.model,
          quantity: args.quantity,
        });
      }
      const numberOf = async (id: string) => (await tx.get<OrderRecord>('order', id))?.number ?? id;
      throw new Refusal('carton-spans-orders', {
        ...allocation.params,
        order: await numberOf(allocation.orderId),
        next: await numberOf(allocation.nextOrderId),
      });
    }
    if (serialized && !args.serials) {
      throw new Refusal('invalid-args', { path: 'serials', message: 'one serial per unit' });
    }
    if (args.serials) {
      const { code: id, quantity } = args;
      const carton = { id, batchId: batch.id, model: batch.model, quantity };
      await claimSerials(tx, args.serials, carton, ctx.userId, ctx.now);
    }
    const producedOn = await productionDate(tx, batch);
    const carton: CartonRecord = {
      id: args.code,
      code: args.code,
      kind: args.kind,
      batchId: batch.id,
      ...(batch.number ? { batchNumber: batch.number } : {}),
      ...(allocation.orderId ? { orderId: allocation.orderId } : {}),
      model: batch.model,
      ...(batch.spec ? { spec: batch.spec } : {}),
      quantity: args.quantity,
      ...(args.serials ? { serials: args.serials } : {}),
      ...(args.packingSpecId ? { packingSpecId: args.packingSpecId } : {}),
      ...(producedOn ? { producedOn } : {}),
      packedBy: ctx.userId,
      packedAt: ctx.now,
    };
    await tx.put('carton', carton);
  },
});

export const createShipment = defineMutation({
  name: 'shipment.create',
  action: 'shipment.create',
  args: z
    .object({
      id: z.uuid(),
      orderId: z.string().min(1).max(100),
      lines: z
        .array(
          z
            .object({
              model: z.string().trim().min(1).max(100),
              spec: z.string().trim().max(200).optional(),
              quantity: z.number().int().positive().max(100_000_000),
            })
            .strict(),
        )
        .min(1)
        .max(500),
      /** The typed name, where the plant's "other carrier" entry is chosen (or allowed). */
      carrier: z.string().trim().max(100).optional(),
      /** A carrier from the list; its name is taken from the record, not from `carrier`. */
      carrierId: z.string().min(1).max(100).optional(),
      mode: z.enum(TRANSPORT_MODES),
      plannedDate: z.iso.date().optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    if (await tx.get('shipment', args.id)) throw new Refusal('already-exists', { id: args.id });
    const carrier = await chooseCarrier(
      tx,
      { carrierId: args.carrierId, name: args.carrier },
      args.mode,
    );
    const order = await must<OrderRecord>(tx, 'order', args.orderId);
    if (!SHIPPABLE_FROM.includes(order.state)) {
      throw new Refusal('illegal-transition', { from: order.state, to: 'partly_shipped' });
    }
    const ordered = new Map<string, number>();
    for (const line of order.lines ?? []) {
      ordered.set(line.model, (ordered.get(line.model) ?? 0) + line.quantity);
    }
    const shipped = shippedOf(order);
    const asked = new Map<string, number>();
    for (const line of args.lines) {
      asked.set(line.model, (asked.get(line.model) ?? 0) + line.quantity);
    }
    for (const [model, quantity] of asked) {
      const open = (ordered.get(model) ?? 0) - (shipped[model] ?? 0);
      if (!ordered.has(model)) throw new Refusal('wrong-model', { model });
      if (quantity > open) {
        throw new Refusal('over-quantity', { model, quantity, remaining: Math.max(0, open) });
      }
    }
    const { number, provisional } = await ctx.nextNumber(SHIPMENT_SERIES);
    const shipment: ShipmentRecord = {
      id: args.id,
      number,
      numberProvisional: provisional,
      orderId: order.id,
      ...(order.number ? { orderNumber: order.number } : {}),
      ...(order.customerId ? { customerId: order.customerId } : {}),
      lines: args.lines.map((l) => ({ ...l, scanned: 0 })),
      cartonCount: 0,
      ...(carrier ? carrierFields(carrier) : {}),
      mode: args.mode,
      ...(args.plannedDate ? { plannedDate: args.plannedDate } : {}),
      state: 'open',
      createdBy: ctx.userId,
      createdAt: ctx.now,
    };
    await tx.put('shipment', shipment);
  },
});

function carrierFields(
  choice: CarrierChoice,
): Pick<ShipmentRecord, 'carrier' | 'carrierId' | 'carrierFreeText'> {
  return {
    carrier: choice.name,
    carrierId: choice.record.id,
    ...(choice.freeText ? { carrierFreeText: true } : {}),
  };
}

export const scanCarton = defineMutation({
  name: 'shipment.scan',
  action: 'shipment.scan',
  args: z
    .object({
      /** The scan's own id (made on the PC): a replay of the same scan is a no-op. */
      scanId: z.uuid(),
      shipmentId: z.string().min(1).max(100),
      code: cartonCode,
    })
    .strict(),
  async run(tx, args, ctx) {
    let shipment = await must<ShipmentRecord>(tx, 'shipment', args.shipmentId);
    const previous = await tx.get<ScanRecord>('scan', scanRecordId(shipment.id, args.code));
    if (previous?.scanId === args.scanId) return;
    const scanned = await tx.get<CartonRecord>('carton', args.code);
    // A pallet is all its cartons at once: each is checked, and one refusal refuses the pallet.
    const cartons: (CartonRecord | undefined)[] =
      scanned?.kind === 'pallet' && !previous
        ? await Promise.all(
            (scanned.contents ?? []).map((id) => tx.get<CartonRecord>('carton', id)),
          )
        : [scanned];
    if (scanned?.kind === 'pallet' && previous) {
      throw new Refusal('already-scanned', { carton: scanned.code });
    }
    const single = scanned?.kind !== 'pallet';
    for (const carton of cartons) {
      // A single carton's scan record was read above; a pallet's cartons are read each.
      const known = single ? { previous } : undefined;
      shipment = await scanOne(tx, shipment, carton, args.scanId, ctx, args.code, known);
    }
    if (scanned?.kind === 'pallet') {
      await tx.put('scan', scanRecord(shipment.id, scanned.id, args.scanId, ctx));
    }
    await tx.put('shipment', shipment);
  },
});

function scanRecord(
  shipmentId: string,
  cartonId: string,
  scanId: string,
  ctx: MutationContext,
): ScanRecord {
  return {
    id: scanRecordId(shipmentId, cartonId),
    shipmentId,
    cartonId,
    scanId,
    by: ctx.userId,
    at: ctx.now,
    clientTime: ctx.clientTime,
  };
}

/** Checks one carton against the shipment and records it; answers the shipment with it counted. */
async function scanOne(
  tx: MutatorTx,
  shipment: ShipmentRecord,
  carton: CartonRecord | undefined,
  scanId: string,
  ctx: MutationContext,
  code: string,
  known?: { previous: ScanRecord | undefined },
): Promise<ShipmentRecord> {
  const previous = known
    ? known.previous
    : carton
      ? await tx.get<ScanRecord>('scan', scanRecordId(shipment.id, carton.id))
      : undefined;
  const batch = carton ? await tx.get('batch', carton.batchId) : undefined;
  const verdict = checkScan({ shipment, carton, batch, alreadyScanned: previous !== undefined });
  if (!verdict.ok) {
    throw new Refusal(verdict.problem === 'unknown-carton' ? 'not-found' : verdict.problem, {
      ...verdict.params,
      ...(verdict.problem === 'unknown-carton' ? { kind: 'carton', id: code } : {}),
    });
  }
  const found = carton!;
  await tx.put('scan', scanRecord(shipment.id, found.id, scanId, ctx));
  const index: ScanIndexRecord = {
    id: scanIndexId(shipment.id, shipment.cartonCount),
    shipmentId: shipment.id,
    cartonId: found.id,
    ordinal: shipment.cartonCount,
  };
  await tx.put('scan', index);
  return {
    ...shipment,
    lines: shipment.lines.map((line, i) =>
      i === verdict.lineIndex ? { ...line, scanned: line.scanned + found.quantity } : line,
    ),
    cartonCount: shipment.cartonCount + 1,
  };
}

/**
 * Stacks packed cartons of one order on a pallet with its own label and code; scanning the
 * pallet then scans every carton on it.
 */
export const buildPallet = defineMutation({
  name: 'pallet.build',
  action: 'shipment.create',
  args: z
    .object({
      code: cartonCode,
      cartons: z.array(cartonCode).min(1).max(500),
    })
    .strict(),
  async run(tx, args, ctx) {
    if (await tx.get('carton', args.code)) throw new Refusal('already-exists', { id: args.code });
    if (new Set(args.cartons).size !== args.cartons.length) {
      throw new Refusal('invalid-args', { path: 'cartons', message: 'a carton listed twice' });
    }
    const cartons: CartonRecord[] = [];
    for (const code of args.cartons) {
      const carton = await must<CartonRecord>(tx, 'carton', code);
      if (carton.kind !== 'carton' || carton.palletId) {
        throw new Refusal('already-exists', { id: code });
      }
      if (carton.shipmentId) throw new Refusal('already-shipped', { carton: code });
      if (cartons[0] && carton.orderId !== cartons[0].orderId) {
        throw new Refusal('wrong-order', { carton: code });
      }
      cartons.push(carton);
    }
    const first = cartons[0]!;
    const models = new Set(cartons.map((c) => c.model));
    const pallet: CartonRecord = {
      id: args.code,
      code: args.code,
      kind: 'pallet',
      batchId: first.batchId,
      ...(first.batchNumber ? { batchNumber: first.batchNumber } : {}),
      ...(first.orderId ? { orderId: first.orderId } : {}),
      model: models.size === 1 ? first.model : [...models].join('+'),
      quantity: cartons.reduce((sum, c) => sum + c.quantity, 0),
      contents: args.cartons,
      packedBy: ctx.userId,
      packedAt: ctx.now,
    };
    await tx.put('carton', pallet);
    for (const carton of cartons) await tx.put('carton', { ...carton, palletId: pallet.id });
  },
});

export { shippedOf, shippedState } from '../orders/order-flow';

export const confirmShipment = defineMutation({
  name: 'shipment.confirm',
  action: 'shipment.confirm',
  args: z
    .object({
      shipmentId: z.string().min(1).max(100),
      carrier: z.string().trim().min(1).max(100),
      /** A carrier from the list: the tracking number must fit its pattern. */
      carrierId: z.string().min(1).max(100).optional(),
      trackingNumber: z.string().trim().min(1).max(100),
    })
    .strict(),
  async run(tx, args, ctx) {
    const shipment = await must<ShipmentRecord>(tx, 'shipment', args.shipmentId);
    if (shipment.state !== 'open') {
      throw new Refusal('illegal-transition', { from: shipment.state, to: 'confirmed' });
    }
    const complete = checkComplete(shipment.lines);
    if (!complete.ok) throw new Refusal(complete.problem, complete.params);
    // Finance holds the customer's shipments (catalog.ts): the goods stay until it lifts it.
    const customer = shipment.customerId
      ? await tx.get<{ id: string; creditHold?: boolean; code?: string }>(
          'customer',
          shipment.customerId,
        )
      : undefined;
    if (customer?.creditHold === true) {
      throw new Refusal('customer-credit-hold', { customer: customer.code ?? customer.id });
    }
    // The carrier chosen when the shipment was opened counts unless another is chosen from
    // the list: a name typed at confirmation does not set its tracking pattern aside.
    const carrier = (await chooseCarrier(
      tx,
      { carrierId: args.carrierId, name: args.carrier },
      shipment.mode,
      { carrierId: shipment.carrierId, name: shipment.carrier, freeText: shipment.carrierFreeText },
    ))!;
    const carrierName = carrier.name;
    if (!checkTrackingNumber(carrier.record, args.trackingNumber).ok) {
      throw new Refusal('invalid-tracking-number', {
        carrier: carrierName,
        trackingNumber: args.trackingNumber,
      });
    }
    const cartons: CartonRecord[] = [];
    for (let i = 0; i < shipment.cartonCount; i++) {
      const index = await must<ScanIndexRecord>(tx, 'scan', scanIndexId(shipment.id, i));
      const carton = await must<CartonRecord>(tx, 'carton', index.cartonId);
      if (carton.shipmentId && carton.shipmentId !== shipment.id) {
        throw new Refusal('already-shipped', { carton: carton.code });
      }
      cartons.push(carton);
    }
    const order = await must<OrderRecord>(tx, 'order', shipment.orderId);
    // The order's state is the orders domain's: it moves the order for this fact.
    const shippedOrder = recordShipment(
      order,
      shipment.lines,
      ctx,
      `${shipment.number} ${carrierName} ${args.trackingNumber}`,
    );
    for (const carton of cartons) {
      await tx.put('carton', { ...carton, shipmentId: shipment.id });
    }
    await tx.put('order', shippedOrder);
    const { carrierId: _chosen, carrierFreeText: _typed, ...unchanged } = shipment;
    await tx.put('shipment', {
      ...unchanged,
      state: 'confirmed',
      ...carrierFields(carrier),
      trackingNumber: args.trackingNumber,
      confirmedBy: ctx.userId,
      confirmedAt: ctx.now,
    });
  },
});

export const WAREHOUSE_MUTATIONS = [
  ...PACKING_SPEC_MUTATIONS,
  packCarton,
  buildPallet,
  createShipment,
  scanCarton,
  confirmShipment,
  ...CARRIER_MUTATIONS,
];
