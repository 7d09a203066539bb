import { z } from 'zod';
import { contactArgs, orderLineArgs } from '../orders/order-record';

/**
 * The portal intake API (issue 5): an online shop or customer portal posts orders with its
 * own API key in the `x-api-key` header. The order lands on the order desk like a phone order,
 * with channel 'portal', a server intake number, and an alert on every order-desk PC.
 */

export const PORTAL_KEY_HEADER = 'x-api-key';

/** `olp_` and 43 base64url characters (32 random bytes). */
export const portalKeyFormat = /^olp_[A-Za-z0-9_-]{43}$/;

export const portalNameSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore');

export const portalOrderRequest = z
  .object({
    /** The portal's own order number: posting the same one again answers the same order. */
    externalRef: z.string().trim().min(1).max(100),
    /** The customer's code in the factory's customer list (C-0001). */
    customerCode: z.string().trim().min(1).max(20),
    contact: contactArgs,
    lines: z.array(orderLineArgs).min(1).max(100),
    requestedDate: z.iso.date(),
    deliveryPlace: z.string().trim().min(1).max(500),
    notes: z.string().max(2000).optional(),
  })
  .strict();
export type PortalOrderRequest = z.infer<typeof portalOrderRequest>;

export interface PortalOrderResponse {
  orderId: string;
  number: string;
  state: string;
  /** False when this externalRef had been posted before: nothing new was created. */
  created: boolean;
}

export interface PortalCatalogEntry {
  code: string;
  name: { zh: string; en: string };
  specs: { code: string; name: { zh: string; en: string } }[];
  moq: number;
  leadTimeDays: number;
}

export interface PortalKeyInfo {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
