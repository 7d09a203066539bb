import { describe, expect, it } from 'vitest';
import { SCAN_INDEXES } from '../../src-shared/domains';
import { DOMAIN_STORES_V3 } from './user-db';

/**
 * A mutator's scan runs on the PC through the Dexie index of the same name: every index a
 * domain declares must exist in the client schema the app ships (the stores of the current
 * version), or the PC's optimistic run would fail where the server's succeeds.
 */
describe('declared scan indexes on the PC', () => {
  it('each exists as a Dexie index of its kind in the current schema', () => {
    const stores = DOMAIN_STORES_V3 as Record<string, string>;
    for (const [kind, defs] of SCAN_INDEXES) {
      if (defs.size === 0) continue;
      const declared = (stores[kind] ?? '').split(',').map((s) => s.trim());
      for (const name of defs.keys()) {
        expect(declared, `${kind} needs a Dexie index ${name}`).toContain(name);
      }
    }
  });
});
