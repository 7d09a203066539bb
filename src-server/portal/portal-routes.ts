import { createHash, randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  PORTAL_KEY_HEADER,
  portalOrderRequest,
  type PortalCatalogEntry,
  type PortalOrderResponse,
} from '../../src-shared/api/portal';
import type { CustomerRecord, ProductRecord } from '../../src-shared/orders/catalog';
import type { OrderRecord } from '../../src-shared/orders/order-record';
import { indexDefOf } from '../../src-shared/domains';
import type { Db } from '../db/database';
import { ApiHttpError, apiError, parseInput } from '../http/errors';
import { buildCsp, inlineHashes } from '../http/security-headers';
import { scanRecords } from '../sync/record-index-store';
import { readRecord } from '../sync/record-store';
import { authenticatePortal, touchPortalKey, type PortalIdentity } from './portal-keys';
import { PORTAL_PAGE } from './portal-page';
import { runServerMutation } from './server-mutation';

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalIdentity | null;
  }
}

/**
 * Online intake (issue 5): portals post orders with their API key; each becomes an order on
 * the order desk through the same shared mutator a PC's order.create runs, numbered by the
 * server, audited, and announced to every connected order-desk PC at once. The routes are
 * 'public' to the session check; the key is checked before the body is read (preParsing, so
 * the rate limit's onRequest counts a request before its key is looked at).
 */

/** The same portal order posted twice (a retry) must name the same order: its id derives from the reference. */
export function portalOrderId(portalId: string, externalRef: string): string {
  const bytes = createHash('sha256').update(`${portalId}\u0000${externalRef}`).digest();
  bytes[6] = 0x80 | (bytes[6]! & 0x0f); // version 8: a name-based UUID of our own hashing
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function readAll<T>(db: Db, kind: string): Promise<T[]> {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'body'])
    .where('kind', '=', kind)
    .where('deleted', '=', 0)
    .execute();
  return rows.map((r) => ({ ...(JSON.parse(r.body) as object), id: r.id }) as T);
}

function answer(order: OrderRecord, created: boolean): PortalOrderResponse {
  return { orderId: order.id, number: order.number, state: order.state, created };
}

export function portalRoutes(app: FastifyInstance): void {
  app.decorateRequest('portal', null);
  const requirePortalKey = async (request: FastifyRequest) => {
    const header = request.headers[PORTAL_KEY_HEADER];
    request.portal = await authenticatePortal(app.db, Array.isArray(header) ? header[0] : header);
  };

  // The portal routes face the internet, unlike the rest of the API: each address gets
  // `portalRequestsPerMinute`, so a looping or hostile caller cannot flood the order desk or
  // guess keys quickly. The limit is per server instance (kept in memory), which is enough
  // against one caller; it counts before the key is checked, so bad keys count too.
  void app.register(async (portalApi) => {
    await portalApi.register(rateLimit, {
      max: app.config.portalRequestsPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        apiError(
          429,
          'rate-limited',
          `Too many portal requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
        ),
    });
    portalApiRoutes(portalApi, requirePortalKey);
  });

  // The small page a customer can order from; it talks to the two routes above. Its CSP is
  // its own (the other security headers come from the server's hook): nothing loaded from
  // anywhere, and only the page's own inline script and style, named by their hashes.
  const portalCsp = buildCsp({
    'default-src': ["'none'"],
    'script-src': inlineHashes(PORTAL_PAGE, 'script'),
    'style-src': inlineHashes(PORTAL_PAGE, 'style'),
    'connect-src': ["'self'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
  });
  app.get('/portal', (_request, reply) => reply.redirect('/portal/'));
  app.get('/portal/', (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', portalCsp)
      .send(PORTAL_PAGE),
  );
}

/** The portal's API: its catalog and order intake, behind the key and the rate limit. */
function portalApiRoutes(
  portalApi: FastifyInstance,
  requirePortalKey: (request: FastifyRequest) => Promise<void>,
): void {
  // Decorations of the server (db, pokeClients) are the same in this context.
  const app = portalApi;
  portalApi.get(
    '/api/portal/catalog',
    { config: { access: 'public' }, preParsing: requirePortalKey },
    async (): Promise<PortalCatalogEntry[]> => {
      const products = await readAll<ProductRecord>(app.db, 'product');
      return products
        .filter((p) => !p.discontinued)
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((p) => ({
          code: p.code,
          name: p.name,
          specs: (p.specs ?? []).map((s) => ({ code: s.code, name: s.name })),
          moq: p.moq,
          leadTimeDays: p.leadTimeDays,
        }));
    },
  );

  portalApi.post(
    '/api/portal/orders',
    { config: { access: 'public' }, preParsing: requirePortalKey },
    async (request, reply): Promise<PortalOrderResponse> => {
      const portal = request.portal!;
      const input = parseInput(portalOrderRequest, request.body);
      // By the customer code index, as a mutator would find it: not every customer read.
      const [customer] = (await scanRecords(app.db, 'customer', indexDefOf('customer', 'code'), {
        index: 'code',
        equals: input.customerCode.toUpperCase(),
        limit: 1,
      })) as CustomerRecord[];
      if (!customer) {
        throw new ApiHttpError(422, 'unknown-customer', 'No customer with this code.', [
          { path: 'customerCode', message: 'unknown customer code' },
        ]);
      }
      // A key speaks for the customers it was issued to: one customer's purchasing system
      // must not place orders in another's name. Checked before a repeated reference is
      // answered, so an unbound key cannot read back orders either.
      if (portal.customerIds.length === 0) {
        throw new ApiHttpError(
          403,
          'portal-key-unbound',
          'This portal key is not bound to any customer yet; the factory must bind it before it takes orders.',
          [{ path: 'customerCode', message: 'this key orders for no customer yet' }],
        );
      }
      if (!portal.customerIds.includes(customer.id)) {
        throw new ApiHttpError(
          403,
          'customer-not-bound',
          `This portal key does not order for customer ${customer.code}.`,
          [{ path: 'customerCode', message: 'this key does not order for this customer' }],
        );
      }
      const id = portalOrderId(portal.id, input.externalRef);
      const existing = async () =>
        (await app.db
          .transaction()
          .execute((trx) => readRecord(trx, 'order', id))) as OrderRecord | null;
      const before = await existing();
      if (before) return answer(before, false);

      const result = await runServerMutation(
        app.db,
        {
          userId: `portal:${portal.id}`,
          userName: `Portal ${portal.name}`,
          // A portal takes orders the way the order desk does, and nothing else.
          role: 'order-desk',
          clientId: `portal:${portal.id}`,
          audit: { via: 'portal', portal: portal.name, portalKeyId: portal.id },
        },
        'order.create',
        {
          id,
          customerId: customer.id,
          channel: 'portal',
          contact: input.contact,
          lines: input.lines,
          requestedDate: input.requestedDate,
          deliveryPlace: input.deliveryPlace,
          customerRef: input.externalRef,
          ...(input.notes ? { notes: input.notes } : {}),
          pc: `Portal ${portal.name}`,
        },
        randomUUID(),
      );
      if (result.status === 'rejected') {
        // The same reference posted twice at once: the other request made it.
        const raced = result.code === 'already-exists' ? await existing() : null;
        if (raced) return answer(raced, false);
        throw apiError(400, 'invalid-input', `The order was refused: ${result.code}.`);
      }
      await touchPortalKey(app.db, portal.id);
      app.pokeClients();
      const order = await existing();
      if (!order) throw apiError(500, 'internal', 'The order was stored but cannot be read.');
      reply.status(201);
      return answer(order, true);
    },
  );
}
