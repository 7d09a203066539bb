import { defineDomain } from '../sync/domain';
import { PLANNING_MUTATIONS } from './batch-mutations';

/** The planning domain: production lines with their calendars, batches on the board. */
export const PLANNING_DOMAIN = defineDomain({
  name: 'planning',
  mutations: PLANNING_MUTATIONS,
  kinds: {
    // [lineId+start]: the batches on a line around a time, for the placement check.
    batch: { indexes: ['lineId', 'state', 'orderId', '[lineId+start]'] },
    'production-line': { indexes: ['code'] },
  },
});
