import { describe, expect, expectTypeOf, it } from 'vitest';
import { RECORD_KIND_DEFS, recordProblem } from '../domains';
import type { OrderRecord } from '../orders/order-record';
import type { BatchRecord } from '../planning/batch-mutations';
import { MemoryStore } from './memory-store';
import type { MutatorTx } from './mutation';
import { BufferedTx } from './run-mutation';

/**
 * Records a domain reads from another come typed and checked against the owner's schema
 * (issue 12): `isOnHold` once guessed quality's fields; now a reader gets what the owner
 * promised, or a refusal that names the damaged field.
 */
describe('typed records', () => {
  it('tx.get and tx.scan are typed by kind', () => {
    expectTypeOf<Awaited<ReturnType<MutatorTx['get']>>>().not.toBeAny();
    const tx = new BufferedTx(
      async () => null,
      async () => [],
    );
    expectTypeOf(tx.get('batch', 'b')).resolves.toEqualTypeOf<BatchRecord | undefined>();
    expectTypeOf(tx.scan('order', { index: 'state', equals: 'accepted' })).resolves.toEqualTypeOf<
      OrderRecord[]
    >();
  });

  it('a mutation reading a record that breaks its schema is refused, naming the field', async () => {
    const store = new MemoryStore();
    store.put('batch', { id: 'b-1', model: 'CYL-21700-50', quantity: 'a lot', state: 'done' });
    const before = JSON.stringify([...store.rows]);
    const outcome = await store.run({ id: 'u-wh', role: 'warehouse' }, 'carton.pack', {
      code: 'CT-1',
      batchId: 'b-1',
      quantity: 10,
    });
    expect(outcome).toEqual({
      status: 'rejected',
      code: 'corrupt-record',
      params: { kind: 'batch', id: 'b-1', path: 'quantity' },
    });
    expect(JSON.stringify([...store.rows])).toBe(before);
  });

  it('the schemas take the records the domains write, and refuse wrong types', () => {
    expect(recordProblem('order', { id: 'o', state: 'accepted', lines: [] })).toBeNull();
    expect(recordProblem('order', { id: 'o', state: 'sent', lines: [] })).toBe('state');
    expect(recordProblem('carton', { id: 'c', code: 'c', kind: 'box' })).toBe('kind');
    // The promise is to other domains: the warehouse reading its own cartons is not checked.
    expect(recordProblem('carton', { id: 'c', code: 'c', kind: 'box' }, 'warehouse')).toBeNull();
    expect(recordProblem('carton', { id: 'c', code: 'c', kind: 'box' }, 'after-sales')).toBe(
      'kind',
    );
    // A kind whose domain promises nothing is not checked.
    expect(recordProblem('notice', { anything: true })).toBeNull();
    for (const kind of ['product', 'customer', 'order', 'batch', 'carton', 'carrier']) {
      expect(RECORD_KIND_DEFS.get(kind)?.schema, kind).toBeDefined();
    }
  });
});
