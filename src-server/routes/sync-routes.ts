import type { FastifyInstance } from 'fastify';
import {
  MIN_CLIENT_SCHEMA_VERSION,
  pullRequest,
  pushRequest,
} from '../../src-shared/sync/protocol';
import { getAuth } from '../auth/access';
import { apiError, parseInput } from '../http/errors';
import { securityHeaders } from '../http/security-headers';
import { processPull } from '../sync/pull';
import { ClientNotOwned, processPush } from '../sync/push';
import type { LiveHub } from '../sync/live';

/** A push of 500 offline inspections with notes is well under this; a runaway client is not. */
const SYNC_BODY_LIMIT = 8 * 1024 * 1024;

/** A client whose local schema is older than the server can serve is told to update. */
export function checkSchema(version: number, min = MIN_CLIENT_SCHEMA_VERSION): void {
  if (version < min) {
    throw apiError(
      409,
      'client-outdated',
      'This OrderLine app is older than the server supports: update it, then sync again.',
    );
  }
}

function notOwned(): Error {
  return apiError(403, 'unknown-client', 'This device is not registered to the signed-in user.');
}

/**
 * The sync endpoints of DESIGN.md section 4. Access is 'session' at the route: the rights
 * are checked per mutation (push) and per record kind (pull) against the permission matrix.
 */
export function syncRoutes(app: FastifyInstance, hub: LiveHub, notify: () => Promise<void>): void {
  app.post(
    '/api/sync/push',
    { config: { access: 'session' }, bodyLimit: SYNC_BODY_LIMIT },
    async (request) => {
      const { user } = getAuth(request);
      const input = parseInput(pushRequest, request.body);
      checkSchema(input.schemaVersion);
      try {
        return await processPush(app.db, user, input, () => {
          hub.poke(notify).catch((error: unknown) => request.log.warn({ error }, 'poke failed'));
        });
      } catch (error) {
        if (error instanceof ClientNotOwned) throw notOwned();
        throw error;
      }
    },
  );

  app.post('/api/sync/pull', { config: { access: 'session' } }, async (request) => {
    const { user } = getAuth(request);
    const input = parseInput(pullRequest, request.body);
    checkSchema(input.schemaVersion);
    try {
      return await processPull(app.db, { id: user.id, role: user.role }, input);
    } catch (error) {
      if (error instanceof ClientNotOwned) throw notOwned();
      throw error;
    }
  });

  app.get('/api/sync/events', { config: { access: 'session' } }, async (request, reply) => {
    const { user, tokenHash } = getAuth(request);
    const headers = {
      ...securityHeaders(request),
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
    };
    // HEAD (Fastify answers it with this handler) gets what GET would, without holding a
    // stream open: a proxy's or monitor's probe sees the route works, and HEAD is cheap, as
    // HTTP promises. 405 would say the resource cannot do what GET does, which it can.
    if (request.method === 'HEAD') return reply.headers(headers).send();
    const owner = { userId: user.id, tokenHash };
    const full = hub.admit(owner);
    if (full) {
      // A PC needs one stream; a few more cover tabs and reconnects whose old socket the
      // server has not seen close yet. More means a loop or an attack holding sockets.
      throw apiError(
        429,
        'too-many-streams',
        full === 'session'
          ? `This session already has ${app.config.liveStreams.perSession} live streams open.`
          : `You already have ${app.config.liveStreams.perUser} live streams open.`,
        { 'retry-after': '30' },
      );
    }
    reply.hijack();
    reply.raw.writeHead(200, {
      ...headers,
      connection: 'keep-alive',
      // Tells nginx-style proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    reply.raw.write(': connected\n\n');
    hub.add(reply, owner);
  });
}
