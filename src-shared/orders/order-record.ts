import { z } from 'zod';
import type { StoredRecord } from '../sync/mutation';
import type { Localized } from './catalog';
import type { OrderState } from './order-state';

/** The shapes of an order and its clarifications as both stores keep them. */

export const ORDER_CHANNELS = ['phone', 'email', 'portal', 'in-person'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export const orderLineArgs = z
  .object({
    /** The catalog model code. */
    model: z.string().trim().min(1).max(100),
    /** The catalog spec code of that model. */
    spec: z.string().trim().max(200).optional(),
    quantity: z.number().int().positive().max(100_000_000),
  })
  .strict();
export type OrderLine = z.infer<typeof orderLineArgs>;

export const contactArgs = z
  .object({
    name: z.string().trim().min(1).max(100),
    phone: z.string().trim().max(50).optional(),
    email: z.email().max(200).optional(),
  })
  .strict();
export type OrderContact = z.infer<typeof contactArgs>;

/** The PC's name as its user knows it, for the timeline ("from which PC"); shown, never trusted. */
export const pcArg = z.string().trim().min(1).max(100).optional();

export interface OrderHistoryEntry {
  from: OrderState | null;
  to: OrderState;
  by: string;
  /** The server's name for `by`; set by the authoritative run. */
  byName?: string;
  clientId: string;
  pc?: string;
  clientTime: string;
  at: string;
  reason?: string;
}

export const CHECK_NAMES = [
  'completeness',
  'catalog',
  'quantity',
  'delivery',
  'duplicates',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** What the reviewer saw when they marked the order reviewed. */
export const checkSummaryArgs = z
  .object({
    check: z.enum(CHECK_NAMES),
    status: z.enum(['pass', 'warn', 'fail']),
    findings: z.array(z.string().max(60)).max(50),
  })
  .strict();
export type CheckSummary = z.infer<typeof checkSummaryArgs>;

export interface OrderReview {
  by: string;
  byName?: string;
  at: string;
  /** The checks as the deciding store found them (the server's, once synced). */
  checks: CheckSummary[];
  /** What the reviewer's PC showed, kept only when it differs from `checks`. */
  pcChecks?: CheckSummary[];
  note?: string;
}

export interface OrderRejection {
  reasons: { department: string; reasons: string[]; comment?: string }[];
}

export interface OrderRecord extends StoredRecord {
  /** The number people use: the intake number until sales confirms, then the sales-order number. */
  number: string;
  numberProvisional: boolean;
  /** The intake number, kept once the sales-order number replaces it in `number`. */
  intakeNumber?: string;
  customerId: string;
  /** As the customer list had it when the order was taken. */
  customerCode?: string;
  customerName?: Localized;
  contact?: OrderContact;
  channel: OrderChannel;
  state: OrderState;
  lines: OrderLine[];
  /** The distinct model codes of the lines: the list filters by model through this index. */
  models?: string[];
  requestedDate?: string;
  deliveryPlace?: string;
  /** The customer's own reference (PO number, portal order number). */
  customerRef?: string;
  notes?: string;
  takenBy?: string;
  takenByName?: string;
  takenAt?: string;
  review?: OrderReview;
  confirmedBy?: string;
  confirmedByName?: string;
  confirmedAt?: string;
  promisedDate?: string;
  rejection?: OrderRejection;
  history: OrderHistoryEntry[];
  createdBy: string;
  createdAt: string;
}

export interface ClarificationRecord extends StoredRecord {
  orderId: string;
  channel: OrderChannel;
  /** Who at the customer was asked. */
  contact?: string;
  question?: string;
  answer?: string;
  /** An answer that came later names the question it answers. */
  answerTo?: string;
  by: string;
  byName?: string;
  pc?: string;
  clientId: string;
  /** When the exchange took place, by the PC's clock: the server may hear of it hours later. */
  clientTime: string;
}

export function modelsOf(lines: readonly OrderLine[]): string[] {
  return [...new Set(lines.map((l) => l.model))];
}

/** States in which an order holds capacity the factory has promised. */
export const COMMITTED_STATES: readonly OrderState[] = [
  'accepted',
  'planned',
  'in_production',
  'ready_to_ship',
  'partly_shipped',
];

/** States of an order that is no longer going anywhere. */
export const DEAD_STATES: readonly OrderState[] = ['rejected', 'cancelled', 'closed'];

/** Orders the customer asked for but never got: not part of what they usually order. */
export const NEVER_ORDERED: readonly OrderState[] = ['rejected', 'cancelled'];
