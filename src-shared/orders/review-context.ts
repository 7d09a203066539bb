import type { MutationContext, MutatorTx, StoredRecord } from '../sync/mutation';
import type { CustomerRecord, ProductRecord } from './catalog';
import { COMMITTED_STATES, type CheckSummary, type OrderRecord } from './order-record';
import {
  checkCatalog,
  checkQuantity,
  reviewOrder,
  type CheckResult,
  type LineCapacity,
  type ReviewContext,
  type ReviewOrder,
} from './review-checks';

/**
 * The review checks as the store running the mutator sees them (issue 12). On the server that
 * is the server's own catalog, customer list, order book and lines, so a PC cannot make an
 * order pass by sending "catalog: pass"; on the PC it is the PC's copy, so the same refusal
 * shows at once, before the network.
 */

/**
 * How many of the customer's orders the usual-quantity and duplicate checks read, newest ids
 * first. A customer with more has a long history already; the bound keeps one review from
 * reading a whole account inside the server's write transaction.
 */
export const CUSTOMER_HISTORY_LIMIT = 1000;

/**
 * The calendar date the checks judge by. The server's UTC date: the plant runs east of UTC,
 * so this is at worst a day more lenient than the reviewer's wall calendar, never stricter.
 */
export function reviewToday(ctx: Pick<MutationContext, 'now'>): string {
  return ctx.now.slice(0, 10);
}

type Products = Map<string, ProductRecord>;

/** Catalog entries by model code, read once per code; codes the catalog lacks stay absent. */
async function productsFor(tx: MutatorTx, models: Iterable<string>, into: Products) {
  for (const model of models) {
    if (into.has(model)) continue;
    const [product] = await tx.scan<ProductRecord>('product', {
      index: 'code',
      equals: model,
      limit: 1,
    });
    if (product) into.set(model, product);
  }
}

const modelsOfOrders = (orders: readonly Pick<OrderRecord, 'lines'>[]) =>
  orders.flatMap((o) => (o.lines ?? []).map((l) => l.model));

/** What every check needs, read from the store. */
export async function loadReviewContext(
  tx: MutatorTx,
  order: ReviewOrder,
  ctx: Pick<MutationContext, 'now'>,
): Promise<ReviewContext> {
  const customer = order.customerId
    ? await tx.get<CustomerRecord>('customer', order.customerId)
    : undefined;
  const customerOrders = order.customerId
    ? await tx.scan<OrderRecord>('order', {
        index: 'customerId',
        equals: order.customerId,
        limit: CUSTOMER_HISTORY_LIMIT,
        reverse: true,
      })
    : [];
  const committedOrders: OrderRecord[] = [];
  for (const state of COMMITTED_STATES) {
    committedOrders.push(
      ...(await tx.scan<OrderRecord>('order', { index: 'state', equals: state })),
    );
  }
  // A line record without rates (being set up) adds no capacity rather than breaking the check.
  const lines = (
    await tx.scan<LineCapacity & StoredRecord>('production-line', { index: 'code' })
  ).filter((l) => Array.isArray(l.rates));
  // The capacity check counts committed orders by the family of their models, so their
  // products are needed as well as the order's own.
  const products: Products = new Map();
  await productsFor(
    tx,
    order.lines.map((l) => l.model),
    products,
  );
  await productsFor(tx, modelsOfOrders(committedOrders), products);
  return {
    customer,
    products,
    customerOrders,
    committedOrders,
    lines,
    today: reviewToday(ctx),
  };
}

/** The failed checks, for a refusal's params (codes, translated at the screen). */
export function failedParams(results: readonly CheckResult[]): Record<string, string> {
  const failed = results.filter((r) => r.status === 'fail');
  return {
    checks: failed.map((r) => r.check).join(','),
    findings: [
      ...new Set(
        failed.flatMap((r) => r.findings.filter((f) => f.severity === 'fail').map((f) => f.code)),
      ),
    ].join(','),
  };
}

/** All five checks, as the reviewer's sign-off needs them. */
export async function runReviewChecks(
  tx: MutatorTx,
  order: ReviewOrder,
  ctx: Pick<MutationContext, 'now'>,
): Promise<CheckResult[]> {
  return reviewOrder(order, await loadReviewContext(tx, order, ctx));
}

/**
 * The checks of what the order is made of (which models and specs, how many against the
 * minimum), for the steps after the review: the catalog may have changed since, or the order
 * was reviewed before the server ran the checks itself. They read only the catalog, which
 * every role's PC holds, so the signing department's PC decides as the server does; who the
 * customer is and what the order says cannot change after the review, and delivery dates and
 * capacity are feasibility's to decide, with a later date if need be.
 */
export async function runStandingChecks(tx: MutatorTx, order: ReviewOrder): Promise<CheckResult[]> {
  const products: Products = new Map();
  await productsFor(
    tx,
    order.lines.map((l) => l.model),
    products,
  );
  // The usual-quantity check only warns; its history is not needed to find a failure.
  const context = { products, customerOrders: [] };
  return [checkCatalog(order, context), checkQuantity(order, context)];
}

function canonical(checks: readonly CheckSummary[]): string {
  return checks
    .map((c) => `${c.check}:${c.status}:${[...c.findings].sort().join(',')}`)
    .sort()
    .join(';');
}

/** Whether the PC saw the same checks as the store that decides. */
export function sameChecks(a: readonly CheckSummary[], b: readonly CheckSummary[]): boolean {
  return canonical(a) === canonical(b);
}
