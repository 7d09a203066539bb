import type { Customer, Product, ProductFormat } from './catalog';
import { addDays, daysBetween } from './dates';
import { findDuplicates } from './duplicates';
import {
  NEVER_ORDERED,
  type CheckName,
  type CheckStatus,
  type CheckSummary,
  type OrderRecord,
} from './order-record';

/**
 * The order desk's preliminary review (issue 5): automatic checks of an order against the
 * customer list, the catalog, the customer's history and the load already accepted. Each
 * failed check says why in a finding (a code with its figures, translated at the screen), so
 * the reviewer knows what to ask the customer. The checks advise; the reviewer decides.
 */

export type FindingCode =
  // completeness
  | 'customer-missing'
  | 'customer-unknown'
  | 'contact-missing'
  | 'no-lines'
  | 'requested-date-missing'
  | 'delivery-place-missing'
  // catalog
  | 'model-unknown'
  | 'model-discontinued'
  | 'spec-missing'
  | 'spec-unknown'
  // quantity
  | 'below-moq'
  | 'unusual-quantity'
  // delivery
  | 'date-in-past'
  | 'lead-time'
  | 'no-line-for-format'
  | 'over-capacity'
  // duplicates
  | 'possible-duplicate';

export interface Finding {
  code: FindingCode;
  /** Figures for the explanation; `line` is the 1-based line number. */
  params: Record<string, string | number>;
  severity: 'warn' | 'fail';
}

export interface CheckResult {
  check: CheckName;
  status: CheckStatus;
  findings: Finding[];
}

/** The thresholds a plant decides for itself. */
export interface ReviewSettings {
  /** A quantity this many times above or below the customer's usual one is unusual. */
  unusualFactor: number;
  /** Orders of a model the customer must have placed before "usual" means anything. */
  minHistory: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { unusualFactor: 5, minHistory: 3 };

/** What a production line contributes to capacity (the demo lines carry these fields). */
export interface LineCapacity {
  rates: readonly { family: string; unitsPerHour: number }[];
  shiftsPerDay: number;
  hoursPerShift: number;
  /** Share of planned time that yields good parts. */
  plannedOee: number;
}

export type ReviewOrder = Pick<
  OrderRecord,
  'id' | 'customerId' | 'contact' | 'lines' | 'requestedDate' | 'deliveryPlace'
>;

type OtherOrder = Pick<
  OrderRecord,
  'id' | 'number' | 'customerId' | 'lines' | 'state' | 'requestedDate' | 'promisedDate'
>;

export interface ReviewContext {
  /** The order's customer from the customer list; undefined when it is not there. */
  customer: Pick<Customer, 'id'> | undefined;
  /** The catalog by model code. */
  products: ReadonlyMap<
    string,
    Pick<Product, 'code' | 'format' | 'moq' | 'leadTimeDays' | 'specs' | 'discontinued'>
  >;
  /** This customer's other orders (any state), for the usual quantity and duplicates. */
  customerOrders: readonly OtherOrder[];
  /** Orders holding capacity the factory already promised (accepted and later). */
  committedOrders: readonly OtherOrder[];
  lines: readonly LineCapacity[];
  /** The reviewer's calendar date (YYYY-MM-DD). */
  today: string;
  settings?: ReviewSettings;
}

function result(check: CheckName, findings: Finding[]): CheckResult {
  const status: CheckStatus = findings.some((f) => f.severity === 'fail')
    ? 'fail'
    : findings.length > 0
      ? 'warn'
      : 'pass';
  return { check, status, findings };
}

const fail = (code: FindingCode, params: Finding['params'] = {}): Finding => ({
  code,
  params,
  severity: 'fail',
});
const warn = (code: FindingCode, params: Finding['params'] = {}): Finding => ({
  code,
  params,
  severity: 'warn',
});

/** Everything an order needs before anyone can judge it. */
export function checkCompleteness(
  order: ReviewOrder,
  ctx: Pick<ReviewContext, 'customer'>,
): CheckResult {
  const findings: Finding[] = [];
  if (!order.customerId) findings.push(fail('customer-missing'));
  else if (!ctx.customer) findings.push(fail('customer-unknown', { customerId: order.customerId }));
  if (!order.contact?.name) findings.push(fail('contact-missing'));
  if (order.lines.length === 0) findings.push(fail('no-lines'));
  if (!order.requestedDate) findings.push(fail('requested-date-missing'));
  if (!order.deliveryPlace?.trim()) findings.push(fail('delivery-place-missing'));
  return result('completeness', findings);
}

/** Each line's model is one the factory sells, in a spec it makes. */
export function checkCatalog(
  order: ReviewOrder,
  ctx: Pick<ReviewContext, 'products'>,
): CheckResult {
  const findings: Finding[] = [];
  order.lines.forEach((line, i) => {
    const n = i + 1;
    const product = ctx.products.get(line.model);
    if (!product) {
      findings.push(fail('model-unknown', { line: n, model: line.model }));
      return;
    }
    if (product.discontinued)
      findings.push(fail('model-discontinued', { line: n, model: line.model }));
    const options = product.specs.map((s) => s.code).join(', ');
    if (!line.spec) {
      findings.push(fail('spec-missing', { line: n, model: line.model, options }));
    } else if (!product.specs.some((s) => s.code === line.spec)) {
      findings.push(fail('spec-unknown', { line: n, model: line.model, spec: line.spec, options }));
    }
  });
  return result('catalog', findings);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * At least the minimum order quantity, and not far off what this customer usually orders of
 * the model (a typo of one zero is the classic): the median of their earlier lines, once
 * there are enough of them to mean something.
 */
export function checkQuantity(
  order: ReviewOrder,
  ctx: Pick<ReviewContext, 'products' | 'customerOrders' | 'settings'>,
): CheckResult {
  const settings = ctx.settings ?? DEFAULT_REVIEW_SETTINGS;
  const findings: Finding[] = [];
  const earlier = ctx.customerOrders.filter(
    (o) => o.id !== order.id && !NEVER_ORDERED.includes(o.state),
  );
  order.lines.forEach((line, i) => {
    const n = i + 1;
    const product = ctx.products.get(line.model);
    if (product && line.quantity < product.moq) {
      findings.push(
        fail('below-moq', {
          line: n,
          model: line.model,
          quantity: line.quantity,
          moq: product.moq,
        }),
      );
    }
    const past = earlier.flatMap((o) =>
      o.lines.filter((l) => l.model === line.model).map((l) => l.quantity),
    );
    if (past.length < settings.minHistory) return;
    const usual = median(past);
    if (
      line.quantity > usual * settings.unusualFactor ||
      line.quantity * settings.unusualFactor < usual
    ) {
      findings.push(
        warn('unusual-quantity', {
          line: n,
          model: line.model,
          quantity: line.quantity,
          median: usual,
          count: past.length,
        }),
      );
    }
  });
  return result('quantity', findings);
}

/** Units per day the lines can make of a product family, at their planned OEE. */
export function dailyCapacity(lines: readonly LineCapacity[], family: string): number {
  let total = 0;
  for (const line of lines) {
    const rate = line.rates.find((r) => r.family === family);
    // A line that runs several families is counted fully for each: the check is optimistic
    // on purpose, it flags orders that cannot fit even then; planning sequences the rest.
    if (rate) total += rate.unitsPerHour * line.shiftsPerDay * line.hoursPerShift * line.plannedOee;
  }
  return Math.floor(total);
}

/**
 * The requested date is not in the past, leaves each model its standard lead time, and the
 * lines can make this order on top of what was already promised for delivery by that date
 * (capacity from today to the requested date, every calendar day a working day).
 */
export function checkDelivery(
  order: ReviewOrder,
  ctx: Pick<ReviewContext, 'products' | 'committedOrders' | 'lines' | 'today'>,
): CheckResult {
  const findings: Finding[] = [];
  const date = order.requestedDate;
  if (!date) return result('delivery', findings);
  if (date < ctx.today) {
    findings.push(fail('date-in-past', { date }));
    return result('delivery', findings);
  }
  order.lines.forEach((line, i) => {
    const product = ctx.products.get(line.model);
    if (!product) return;
    const earliest = addDays(ctx.today, product.leadTimeDays);
    if (date < earliest) {
      findings.push(
        fail('lead-time', {
          line: i + 1,
          model: line.model,
          leadTimeDays: product.leadTimeDays,
          earliest,
        }),
      );
    }
  });

  const familyOf = (model: string): ProductFormat | undefined => ctx.products.get(model)?.format;
  const demand = new Map<string, number>();
  for (const line of order.lines) {
    const family = familyOf(line.model);
    if (family) demand.set(family, (demand.get(family) ?? 0) + line.quantity);
  }
  const days = Math.max(0, daysBetween(ctx.today, date));
  for (const [family, quantity] of demand) {
    const perDay = dailyCapacity(ctx.lines, family);
    if (perDay === 0) {
      findings.push(fail('no-line-for-format', { family }));
      continue;
    }
    let committed = 0;
    for (const o of ctx.committedOrders) {
      if (o.id === order.id) continue;
      const due = o.promisedDate ?? o.requestedDate;
      if (!due || due < ctx.today || due > date) continue;
      for (const l of o.lines) if (familyOf(l.model) === family) committed += l.quantity;
    }
    const capacity = perDay * days;
    if (committed + quantity > capacity) {
      findings.push(fail('over-capacity', { family, quantity, committed, capacity, date }));
    }
  }
  return result('delivery', findings);
}

/** Another live order of this customer for the same date and model: maybe taken twice. */
export function checkDuplicates(
  order: ReviewOrder,
  ctx: Pick<ReviewContext, 'customerOrders'>,
): CheckResult {
  const findings = findDuplicates(order, ctx.customerOrders).map((d) =>
    warn('possible-duplicate', { number: d.number, models: d.models.join(', ') }),
  );
  return result('duplicates', findings);
}

export function reviewOrder(order: ReviewOrder, ctx: ReviewContext): CheckResult[] {
  return [
    checkCompleteness(order, ctx),
    checkCatalog(order, ctx),
    checkQuantity(order, ctx),
    checkDelivery(order, ctx),
    checkDuplicates(order, ctx),
  ];
}

/** What the reviewer's sign-off keeps of the checks they saw. */
export function summarize(results: readonly CheckResult[]): CheckSummary[] {
  return results.map((r) => ({
    check: r.check,
    status: r.status,
    findings: r.findings.map((f) => f.code),
  }));
}
