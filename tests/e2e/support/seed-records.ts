import { join } from 'node:path';
import { uuidv7 } from '../../../src-shared/ids';
import { openDatabase } from '../../../src-server/db/database';
import { nextVersion, putRecord } from '../../../src-server/db/sync-store';
import { DEMO_PRODUCTION_LINES, type DemoCustomer } from '../../../src-server/demo-data';

/**
 * Records written straight into a test server's database, as the screens before the one under
 * test would leave them (those screens have end-to-end tests of their own): orders ready to
 * ship, batches that passed final inspection, cartons already packed.
 */

type Body = { id: string; [field: string]: unknown };
export interface SeedRecord {
  kind: string;
  body: Body;
}

/** Writes the records in one transaction, as one server version, into the server's SQLite. */
export async function seedRecords(dataDir: string, records: readonly SeedRecord[]): Promise<void> {
  const db = openDatabase({ engine: 'sqlite', file: join(dataDir, 'orderline.sqlite') });
  try {
    await db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      for (const { kind, body } of records) {
        await putRecord(trx, { kind, id: body.id, body, updatedBy: 'e2e' }, version);
      }
    });
  } finally {
    await db.destroy();
  }
}

export function readyToShipOrder(o: {
  id: string;
  number: string;
  customer: DemoCustomer;
  model: string;
  quantity: number;
}): SeedRecord {
  return {
    kind: 'order',
    body: {
      id: o.id,
      number: o.number,
      numberProvisional: false,
      customerId: o.customer.id,
      customerCode: o.customer.code,
      customerName: o.customer.name,
      channel: 'email',
      state: 'ready_to_ship',
      lines: [{ model: o.model, quantity: o.quantity }],
      history: [],
      createdBy: 'e2e',
      createdAt: new Date().toISOString(),
    },
  };
}

/**
 * A finished batch whose final inspection lot was accepted: released for packing. Completed
 * by the workshop with its good output reported (all of it unless `good` says otherwise), as
 * the production floor leaves it: packing takes no more than that, and the label's production
 * date is the day it was completed.
 */
export function releasedBatch(b: {
  id?: string;
  number: string;
  orderId: string;
  model: string;
  quantity: number;
  good?: number;
}): SeedRecord {
  return {
    kind: 'batch',
    body: {
      id: b.id ?? uuidv7(),
      number: b.number,
      model: b.model,
      quantity: b.quantity,
      orderId: b.orderId,
      lineId: 'P1-PACK',
      start: '2026-11-20T06:00:00.000Z',
      end: '2026-11-20T14:00:00.000Z',
      sequence: 1,
      state: 'done',
      good: b.good ?? b.quantity,
      doneAt: '2026-11-20T14:00:00.000Z',
      quality: {
        lots: [{ id: 'lot-e2e', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
        ncrs: [],
      },
    },
  };
}

export function packedCarton(c: {
  code: string;
  batchId: string;
  batchNumber: string;
  orderId: string;
  model: string;
  quantity: number;
}): SeedRecord {
  return {
    kind: 'carton',
    body: {
      id: c.code,
      code: c.code,
      kind: 'carton',
      batchId: c.batchId,
      batchNumber: c.batchNumber,
      orderId: c.orderId,
      model: c.model,
      quantity: c.quantity,
      packedBy: 'e2e',
      packedAt: new Date().toISOString(),
    },
  };
}

/**
 * A demo production line that can also make `family`: specs about moving one batch across
 * the board's lines need lines that can all make it, since the server refuses a batch on a
 * line without a rate for its family (issue 12).
 */
export function demoLineAlsoMaking(code: string, family: string, unitsPerHour: number): SeedRecord {
  const line = DEMO_PRODUCTION_LINES.find((l) => l.code === code);
  if (!line) throw new Error(`no demo line ${code}`);
  return {
    kind: 'production-line',
    body: { ...line, rates: [...line.rates, { family, unitsPerHour }] },
  };
}
