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

/** A customer's code as the customer list has it (C-0001), the way people name a customer. */
export const customerCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .transform((c) => c.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'a customer code such as C-0001'));

/** The customers a key orders for: at least one, each once. */
export const portalCustomersSchema = z
  .array(customerCodeSchema)
  .min(1)
  .max(50)
  .refine((codes) => new Set(codes).size === codes.length, 'each customer once');

/**
 * Portal keys as the admin screen and `list-portal-keys` see them: never the key nor its hash.
 *   GET  /api/admin/portal-keys                              -> PortalKeyInfo[]     (admin)
 *   POST /api/admin/portal-keys  CreatePortalKeyRequest       -> CreatedPortalKey (201)
 *        (409 portal-name-taken, 422 unknown-customer on customers.N)              (admin)
 *   POST /api/admin/portal-keys/:id/customers  BindPortalKeyRequest -> PortalKeyInfo (admin)
 *        (replaces the key's customers; 404 not-found, 422 unknown-customer)
 *   POST /api/admin/portal-keys/:id/revoke                    -> PortalKeyInfo       (admin)
 *        (revoking a revoked key again changes nothing; 404 not-found for an unknown id)
 */
export const portalKeyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /**
   * Codes of the customers the key orders for, by code; empty for a key not bound yet (one
   * made before keys were bound), which takes no orders.
   */
  customers: z.array(z.string()),
});
export type PortalKeyInfo = z.infer<typeof portalKeyInfoSchema>;

export const createPortalKeyRequest = z
  .object({
    name: portalNameSchema,
    /** Left out, the key is made unbound and takes no orders until it is bound. */
    customers: portalCustomersSchema.optional(),
  })
  .strict();
export type CreatePortalKeyRequest = z.input<typeof createPortalKeyRequest>;

export const bindPortalKeyRequest = z.object({ customers: portalCustomersSchema }).strict();
export type BindPortalKeyRequest = z.input<typeof bindPortalKeyRequest>;

/** The only answer that carries the key itself: the server keeps just its hash. */
export const createdPortalKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  key: z.string().regex(portalKeyFormat),
});
export type CreatedPortalKey = z.infer<typeof createdPortalKeySchema>;

export const portalKeyIdParams = z.object({ id: z.uuid() }).strict();

/** Revoking takes no options; an empty body is fine. */
export const revokePortalKeyRequest = z.object({}).strict().optional();
