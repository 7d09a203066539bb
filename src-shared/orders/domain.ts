import { defineDomain } from '../sync/domain';
import type { CustomerRecord, ProductRecord } from './catalog';
import { ORDER_MUTATIONS } from './order-mutations';
import type { OrderRecord } from './order-record';
import { customerRecordSchema, orderRecordSchema, productRecordSchema } from './record-schemas';

/** The orders domain: intake to acceptance, the catalog (products, customers). */
export const ORDERS_DOMAIN = defineDomain({
  name: 'orders',
  mutations: ORDER_MUTATIONS,
  kinds: {
    product: { indexes: ['code'], schema: productRecordSchema },
    customer: { indexes: ['code'], schema: customerRecordSchema },
    order: { indexes: ['state', 'customerId', '*models'], schema: orderRecordSchema },
    clarification: { indexes: ['orderId'] },
    'feasibility-review': { indexes: ['orderId'] },
  },
});

// What `tx.get('order', id)` and `tx.scan('product', …)` return, wherever a mutator reads them.
declare module '../sync/mutation' {
  interface RecordTypes {
    product: ProductRecord;
    customer: CustomerRecord;
    order: OrderRecord;
  }
}
