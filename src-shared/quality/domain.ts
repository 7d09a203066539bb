import { defineDomain } from '../sync/domain';
import { QUALITY_MUTATIONS } from './inspection-mutations';

/** The quality domain: plans, lots and readings, NCRs and corrective actions. */
export const QUALITY_DOMAIN = defineDomain({
  name: 'quality',
  mutations: QUALITY_MUTATIONS,
  kinds: {
    'inspection-plan': { indexes: ['model'] },
    'inspection-lot': { indexes: ['batchId', 'state'] },
    inspection: { indexes: ['lotId'] },
    ncr: { indexes: ['batchId', 'state'] },
    'corrective-action': { indexes: ['ncrId'] },
  },
});
