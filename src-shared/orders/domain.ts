import { defineDomain } from '../sync/domain';
import { ORDER_MUTATIONS } from './order-mutations';

/** The orders domain: intake to acceptance, the catalog (products, customers). */
export const ORDERS_DOMAIN = defineDomain({
  name: 'orders',
  mutations: ORDER_MUTATIONS,
  kinds: {
    product: { indexes: ['code'] },
    customer: { indexes: ['code'] },
    order: { indexes: ['state', 'customerId', '*models'] },
    clarification: { indexes: ['orderId'] },
    'feasibility-review': { indexes: ['orderId'] },
  },
});
