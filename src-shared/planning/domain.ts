import { defineDomain } from '../sync/domain';
import { PLANNING_MUTATIONS, type BatchRecord } from './batch-mutations';
import { batchRecordSchema, productionLineRecordSchema } from './record-schemas';

/** The planning domain: production lines with their calendars, batches on the board. */
export const PLANNING_DOMAIN = defineDomain({
  name: 'planning',
  mutations: PLANNING_MUTATIONS,
  kinds: {
    // [lineId+start]: the batches on a line around a time, for the placement check.
    batch: {
      indexes: ['lineId', 'state', 'orderId', '[lineId+start]'],
      schema: batchRecordSchema,
    },
    'production-line': { indexes: ['code'], schema: productionLineRecordSchema },
  },
});

// What `tx.get('batch', id)` returns, wherever a mutator reads one.
declare module '../sync/mutation' {
  interface RecordTypes {
    batch: BatchRecord;
  }
}
